package dev.tlctl.reconcile;

/**
 * A request for drift: the spec against Railway in the target's environments.
 *
 * @param strict treat the spec's warnings as errors
 */
public record DriftRequest(Target target, boolean strict) {}
