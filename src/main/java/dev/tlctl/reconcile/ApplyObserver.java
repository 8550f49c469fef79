package dev.tlctl.reconcile;

import java.time.Duration;

/**
 * Hears an apply as it goes: the plan once it is made (before any check), then each step as it
 * starts and ends. Approval is asked separately ({@link Approval}).
 */
public interface ApplyObserver {
    /** Hears nothing. */
    ApplyObserver NONE = new ApplyObserver() {};

    /** The plan the apply will carry out, before any check. */
    default void planned(PlanResult plan) {}

    default void started(ApplyStep step) {}

    default void finished(ApplyStep step, Duration duration) {}

    /** The step failed with {@code error} (a message, never a secret); the apply stops there. */
    default void failed(ApplyStep step, Duration duration, String error) {}
}
