package dev.tlctl.reconcile;

import dev.tlctl.adopt.ImportedSecret;
import dev.tlctl.spec.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code tlctl import} did: the project it read, each file (written, left as it was because
 * only its date would change, or printed), the secrets to set (names and places, never values),
 * what Railway holds that the spec cannot express, notes, and what {@code validate --strict} finds
 * in the result (empty when it passes).
 *
 * @param secretsFile the dotenv file written, or null
 * @param requests what the import cost against Railway's rate limit
 */
public record ImportResult(String projectName, String projectId, List<String> environments, List<String> services,
        List<File> files, List<ImportedSecret> secrets, Path secretsFile, List<String> unexpressed, List<String> notes,
        List<Diagnostic> problems, RequestTally requests) {

    public ImportResult {
        environments = List.copyOf(environments);
        services = List.copyOf(services);
        files = List.copyOf(files);
        secrets = List.copyOf(secrets);
        unexpressed = List.copyOf(unexpressed);
        notes = List.copyOf(notes);
        problems = List.copyOf(problems);
    }

    /** What happened to one file. */
    public enum Outcome {
        /** Written (new, or replaced with --force). */
        WRITTEN,
        /** Already holds this import (only the date in its header would change): left as it is. */
        UNCHANGED,
        /** Printed instead of written ({@code --stdout}). */
        PRINTED
    }

    /**
     * One file of the spec.
     *
     * @param path relative to the import's folder ({@code tl-engine.yaml}, {@code environments/staging.yaml})
     * @param text its content (no secret in it)
     */
    public record File(String path, Outcome outcome, String text) {}

    /** Whether {@code validate --strict} passes on what was imported. */
    public boolean valid() {
        return problems.isEmpty();
    }
}
