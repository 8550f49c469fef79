package dev.tlctl.reconcile;

import dev.tlctl.adopt.Migration;
import dev.tlctl.adopt.RailwayConfig;
import dev.tlctl.spec.Diagnostic;
import java.util.List;

/**
 * What a migration did: the files it changed, the settings it wrote (file, key, value shown
 * masked when it holds a credential), the conflicts it left (or overrode with --force), what of
 * the config file it could not take (unknown keys, wrong values, settings the spec cannot express,
 * each with its line), notes, and what {@code validate --strict} finds afterwards.
 */
public record MigrateResult(String configFile, String service, List<String> files, List<Migration.Change> changes,
        List<Migration.Conflict> conflicts, boolean forced, List<RailwayConfig.Finding> notTaken, List<String> notes,
        List<Diagnostic> problems) {
    public MigrateResult {
        files = List.copyOf(files);
        changes = List.copyOf(changes);
        conflicts = List.copyOf(conflicts);
        notTaken = List.copyOf(notTaken);
        notes = List.copyOf(notes);
        problems = List.copyOf(problems);
    }
}
