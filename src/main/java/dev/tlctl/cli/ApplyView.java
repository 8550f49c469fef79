package dev.tlctl.cli;

import dev.tlctl.reconcile.ApplyObserver;
import dev.tlctl.reconcile.ApplyOutcome;
import dev.tlctl.reconcile.RequestTally;
import java.time.Duration;

/**
 * What {@code apply} shows: it is the apply's observer (the plan, then each step as it runs), then
 * how the apply ended; chosen once per run by {@link #of}.
 */
interface ApplyView extends ApplyObserver {
    /** How the apply ended, with what it cost. */
    void outcome(ApplyOutcome outcome, RequestTally requests, long millis);

    /** A wait of a second or more (its line on stderr is {@link WaitReport}'s); JSON adds an event. */
    default void waited(String subject, String reason, Duration wait) {}

    static ApplyView of(Terminal terminal, boolean json, boolean showValues) {
        HumanApplyView human = new HumanApplyView(terminal, showValues);
        return json ? new JsonApplyView(terminal, human, showValues) : human;
    }
}
