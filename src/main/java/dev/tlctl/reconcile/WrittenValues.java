package dev.tlctl.reconcile;

import dev.tlctl.apply.ApplyResult;
import dev.tlctl.plan.Action;
import dev.tlctl.plan.Change;
import dev.tlctl.plan.Origin;
import dev.tlctl.plan.Values;
import dev.tlctl.secret.Fingerprint;
import dev.tlctl.spec.ProjectSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The local record of what an apply wrote, which drift reads to tell which side moved. */
final class WrittenValues {
    private WrittenValues() {}

    /**
     * Keeps a salted fingerprint of every variable and setting value tlctl wrote (what {@code drift}
     * tells directions from, and the only way to compare a sealed value), forgets those it deleted,
     * and keeps the project's id.
     */
    static void remember(LocalRecords records, String key, ProjectSpec project, ApplyResult result) {
        String projectId = result.projectId();
        Map<String, Fingerprint> written = new LinkedHashMap<>();
        List<String> forgotten = new ArrayList<>();
        for (Change change : result.applied()) {
            if (change.origin() != Origin.TLCTL) {
                continue;
            }
            String address = change.address().text();
            if (change instanceof Change.Variable v && v.after() != null) {
                written.put(address, v.after().fingerprint(Fingerprint.newSalt()));
            } else if (change instanceof Change.Setting s && s.after() != null) {
                written.put(address, Fingerprint.of(Values.canonical(s.after()), Fingerprint.newSalt()));
            } else if (change.action() == Action.DELETE && (change instanceof Change.Variable
                    || change instanceof Change.Setting || change instanceof Change.Instance
                    || change instanceof Change.Environment)) {
                forgotten.add(address);
            }
        }
        records.rememberWritten(key, projectId, written, forgotten);
        records.rememberProject(key, project.workspace(), project.name(), projectId);
        records.save();
    }
}
