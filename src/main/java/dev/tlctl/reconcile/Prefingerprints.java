package dev.tlctl.reconcile;

import dev.tlctl.plan.Change;
import dev.tlctl.plan.Plan;
import dev.tlctl.secret.RecordKey;
import dev.tlctl.spec.EnvironmentSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final FutureTask<Map<String, Map<String, Change>>> changes;

    private Prefingerprints(Plan plan, FutureTask<Map<String, Map<String, Change>>> changes,
            Map<String, FutureTask<Map<String, Prepared>>> byEnvironment) {
        this.plan = plan;
        this.changes = changes;
        this.byEnvironment = byEnvironment;
    }

    /**
     * Starts working out, on a daemon thread, the fingerprints of the values the plan writes in
     * each of {@code environments} (name and id), under {@code key}; returns at once (the plan's
     * changes are grouped on that thread too: the commit waits for nothing).
     */
    static Prefingerprints start(PlanResult planned, RecordKey key, Map<String, String> environments) {
        Plan plan = planned.plan();
        FutureTask<Map<String, Map<String, Change>>> changes = new FutureTask<>(
                () -> RecordUpdate.tlctlChangesByEnvironment(plan));
        Set<String> previews = RecordUpdate.createdPreviews(plan); // recorded in their commit
        Map<String, FutureTask<Map<String, Prepared>>> tasks = new LinkedHashMap<>();
        environments.forEach((name, id) -> {
            EnvironmentSpec spec = planned.spec().environment(name).orElse(null);
            if (id != null && spec != null && !previews.contains(name)) {
                tasks.put(id, new FutureTask<>(() -> RecordUpdate.prefingerprints(spec, id,
                        done(changes).getOrDefault(name, Map.of()).keySet(), key)));
            }
        });
        List<FutureTask<?>> order = new ArrayList<>();
        order.add(changes);
        order.addAll(tasks.values());
        Thread thread = new Thread(() -> {
            order.get(0).run();
            key.derived(); // PBKDF2 when the key is not cached: slow, and needed by every fingerprint
            order.forEach(FutureTask::run);
        }, "tlctl-record-fingerprints");
        thread.setDaemon(true);
        thread.start();
        return new Prefingerprints(plan, changes, tasks);
    }

    /** The plan's changes of tlctl's own by environment ({@link RecordUpdate#tlctlChangesByEnvironment}). */
    Map<String, Map<String, Change>> changes(Plan of) {
        if (of == plan) {
            try {
                return done(changes);
            } catch (IllegalStateException e) {
                // grouped again below
            }
        }
        return RecordUpdate.tlctlChangesByEnvironment(of);
    }

    /** The task's result: run by the calling thread if no thread has begun it, else waited for. */
    private static <T> T done(FutureTask<T> task) {
        task.run(); // does nothing when the task has begun on another thread, or ended
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not prepare tlctl's records: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing tlctl's records", e);
        }
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
        try {
            return done(task);
        } catch (IllegalStateException e) {
            return Map.of(); // hashed when asked
        }
    }
}
