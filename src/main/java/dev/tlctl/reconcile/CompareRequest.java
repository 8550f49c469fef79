package dev.tlctl.reconcile;

/**
 * A request to compare two live environments of the target's project, declared in the spec or
 * not ({@code target.environments()} is not used).
 *
 * @param undeclaredOnly keep only what the spec does not declare (risks always stay)
 */
public record CompareRequest(Target target, String left, String right, boolean undeclaredOnly) {}
