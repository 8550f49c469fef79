package dev.tlctl.reconcile;

import dev.tlctl.plan.Change;
import dev.tlctl.plan.Plan;
import dev.tlctl.secret.RecordKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The fingerprints of the values an apply commits, worked out on a thread of their own while
 * Railway carries out the commit and answers the read-back (the record key derived first, when it
 * must be), so that bringing the records up to date after them costs a look-up per value instead
 * of an HMAC: a large project's apply writes a hundred thousand values. Only a cache of a pure
 * function: a value whose text differs from the one prepared, or an environment not prepared
 * (yet), is hashed when asked, and one failure here costs only the time saved.
 */
final class Prefingerprints {
    /** Nothing prepared: every fingerprint is hashed when asked. */
    static final Prefingerprints NONE = new Prefingerprints(null, null, Map.of());

    /** A fingerprint prepared for a value's text. */
    record Prepared(String text, byte[] fingerprint) {}

    /** By environment id: its fingerprints by address relative to it, worked out once by whichever thread comes first. */
    private final Map<String, FutureTask<Map<String, Prepared>>> byEnvironment;
    /** The plan prepared for, and its changes of tlctl's own by environment (found once: a plan can be large). */
    private final Plan plan;
    private final Map<String, Map<String, Change>> changes;

    private Prefingerprints(Plan plan, Map<String, Map<String, Change>> changes,
            Map<String, FutureTask<Map<String, Prepared>>> byEnvironment) {
        this.plan = plan;
        this.changes = changes;
        this.byEnvironment = byEnvironment;
    }

    /**
     * Starts working out, on a daemon thread, the fingerprints of the values the plan writes in
     * each of {@code environments} (name and id), under {@code key}; returns at once.
     */
    static Prefingerprints start(PlanResult planned, RecordKey key, Map<String, String> environments) {
        Map<String, FutureTask<Map<String, Prepared>>> tasks = new LinkedHashMap<>();
        Map<String, Map<String, Change>> changes = RecordUpdate.tlctlChangesByEnvironment(planned.plan());
        java.util.Set<String> previews = RecordUpdate.createdPreviews(planned.plan()); // recorded in their commit
        environments.forEach((name, id) -> {
            Map<String, Change> in = changes.get(name);
            if (id != null && in != null && !previews.contains(name) && planned.spec().environment(name).isPresent()) {
                tasks.put(id, new FutureTask<>(() -> RecordUpdate.prefingerprints(
                        planned.spec().environment(name).orElseThrow(), id, in.keySet(), key)));
            }
        });
        if (tasks.isEmpty()) {
            return new Prefingerprints(planned.plan(), changes, Map.of());
        }
        List<FutureTask<Map<String, Prepared>>> order = List.copyOf(tasks.values());
        Thread thread = new Thread(() -> {
            key.derived(); // PBKDF2 when the key is not cached: slow, and needed by every fingerprint
            order.forEach(FutureTask::run);
        }, "tlctl-record-fingerprints");
        thread.setDaemon(true);
        thread.start();
        return new Prefingerprints(planned.plan(), changes, tasks);
    }

    /** The plan's changes of tlctl's own by environment ({@link RecordUpdate#tlctlChangesByEnvironment}). */
    Map<String, Map<String, Change>> changes(Plan of) {
        return of == plan ? changes : RecordUpdate.tlctlChangesByEnvironment(of);
    }

    /**
     * The fingerprints prepared for an environment, by relative address: worked out now by the
     * calling thread if the preparing one has not begun them, waited for if it is on them; empty
     * when none were prepared or preparing failed.
     */
    Map<String, Prepared> of(String environmentId) {
        FutureTask<Map<String, Prepared>> task = byEnvironment.get(environmentId);
        if (task == null) {
            return Map.of();
        }
        task.run(); // does nothing when the task has begun on the other thread, or ended
        try {
            return task.get();
        } catch (ExecutionException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }
}
