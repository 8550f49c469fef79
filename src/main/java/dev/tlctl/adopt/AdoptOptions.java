package dev.tlctl.adopt;

import java.time.LocalDate;
import java.util.List;

/**
 * How to import: which environments (empty: every one the token may open, Railway's PR
 * environments aside), the workspace to write into the spec (as the user gave it; null: none),
 * and where and when the project was read, for the header comment.
 *
 * @param source where the project was read, such as "Railway (https://backboard.railway.com/graphql/v2)"
 */
public record AdoptOptions(List<String> environments, String workspace, String source, LocalDate date) {
    public AdoptOptions {
        environments = List.copyOf(environments);
    }
}
