package dev.tlctl.reconcile;

/**
 * A request for the billing report and its checks: which project (its environments are all
 * reported; {@code target.environments()} is not used).
 */
public record BillingRequest(Target target) {}
