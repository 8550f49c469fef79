package dev.tlctl.spec;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * What a spec's references may read, and how.
 *
 * @param env the values {@code ${env:NAME}} reads
 * @param scope the environments whose references are resolved; null for all, empty for none
 * @param allowedFiles files outside the spec's folder that {@code ${file:...}} may read
 *     ({@code --allow-file}); every other file must be inside the folder, links included
 * @param invent sandbox mode: a reference with no value gets an invented one (and one warning),
 *     and {@code ${file:...}} is never read, so that no real secret ever reaches the sandbox's
 *     state on disk
 */
public record SpecInputs(Map<String, String> env, Set<String> scope, Set<Path> allowedFiles, boolean invent) {
    public SpecInputs {
        env = Map.copyOf(env);
        scope = scope == null ? null : Set.copyOf(scope);
        allowedFiles = Set.copyOf(allowedFiles);
    }

    /** Every environment resolved from {@code env}, files inside the spec's folder only. */
    public static SpecInputs of(Map<String, String> env) {
        return new SpecInputs(env, null, Set.of(), false);
    }
}
