package dev.tlctl.reconcile;

/**
 * A request for a plan.
 *
 * @param prune also delete what Railway has and the spec does not declare (never volumes)
 * @param strict treat the spec's warnings as errors
 */
public record PlanRequest(Target target, boolean prune, boolean strict) {}
