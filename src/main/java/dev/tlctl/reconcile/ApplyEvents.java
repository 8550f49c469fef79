package dev.tlctl.reconcile;

import dev.tlctl.apply.ApplyListener;
import dev.tlctl.apply.Step;
import java.time.Duration;

/** The applier's step events, told to an {@link ApplyObserver} in this package's terms. */
final class ApplyEvents implements ApplyListener {
    private final ApplyObserver observer;

    ApplyEvents(ApplyObserver observer) {
        this.observer = observer;
    }

    @Override
    public void started(Step step) {
        observer.started(ApplyStep.of(step));
    }

    @Override
    public void finished(Step step, Duration duration) {
        observer.finished(ApplyStep.of(step), duration);
    }

    @Override
    public void failed(Step step, Duration duration, RuntimeException error) {
        observer.failed(ApplyStep.of(step), duration, ApplyOutcome.describe(error));
    }
}
