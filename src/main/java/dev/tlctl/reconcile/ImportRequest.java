package dev.tlctl.reconcile;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code tlctl import}: which project to read and where to write its spec.
 *
 * @param project the project's name or id (an id is UUID-shaped); null with a project token, which
 *     knows its project
 * @param workspace the workspace (name or id) to look in, written into the spec when given; may be null
 * @param dir the folder that gets {@code tl-engine.yaml} and {@code environments/}
 * @param environments the environments to import; empty for every one the token may open
 * @param force replace files that exist and differ
 * @param toStdout print the files instead of writing them
 * @param secretsFile a dotenv file to write the secrets' values to (mode 0600); null for none
 */
public record ImportRequest(String project, String workspace, Path dir, List<String> environments, boolean force,
        boolean toStdout, Path secretsFile) {
    public ImportRequest {
        environments = List.copyOf(environments);
    }
}
