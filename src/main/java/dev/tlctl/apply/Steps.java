package dev.tlctl.apply;

import dev.tlctl.plan.Change;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An apply's steps run in order, each timed and reported to the listener, stopping at the first
 * that fails: what ran, what failed and what did not run go to the result.
 */
final class Steps {
    private Steps() {}

    /** One request (or a few of one kind) to send. */
    interface Work {
        void run();
    }

    /** A step before it runs: its title, the plan's changes it carries, and what it sends. */
    record Planned(String title, List<Change> changes, Work work) {}

    /** Makes the result once the steps are over (the run's ids are known only then). */
    interface Outcome {
        ApplyResult of(List<ApplyResult.Done> done, Step failed, RuntimeException error, List<Step> rest,
                List<Change> applied);
    }

    static ApplyResult run(List<Planned> steps, ApplyListener listener, Clock clock, Outcome outcome) {
        List<ApplyResult.Done> done = new ArrayList<>();
        List<Change> applied = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Planned p = steps.get(i);
            Step step = new Step(i + 1, steps.size(), p.title(), p.changes());
            long start = clock.millis();
            listener.started(step);
            try {
                p.work().run();
            } catch (RuntimeException e) {
                Duration took = Duration.ofMillis(clock.millis() - start);
                listener.failed(step, took, e);
                List<Step> rest = new ArrayList<>();
                for (int j = i + 1; j < steps.size(); j++) {
                    rest.add(new Step(j + 1, steps.size(), steps.get(j).title(), steps.get(j).changes()));
                }
                return outcome.of(done, step, e, rest, applied);
            }
            Duration took = Duration.ofMillis(clock.millis() - start);
            listener.finished(step, took);
            done.add(new ApplyResult.Done(step, took));
            applied.addAll(p.changes());
        }
        return outcome.of(done, null, null, List.of(), applied);
    }
}
