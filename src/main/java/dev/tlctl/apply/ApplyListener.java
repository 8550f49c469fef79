package dev.tlctl.apply;

import java.time.Duration;

/** Hears each step of an apply as it runs; the CLI turns these into progress lines or JSON. */
public interface ApplyListener {
    ApplyListener NONE = new ApplyListener() {};

    default void started(Step step) {}

    default void finished(Step step, Duration duration) {}

    default void failed(Step step, Duration duration, RuntimeException error) {}
}
