package dev.tlctl.reconcile;

/**
 * A request to check the spec without Railway.
 *
 * @param strict treat the spec's warnings (Railway rules it breaks) as errors
 */
public record ValidateRequest(boolean strict) {}
