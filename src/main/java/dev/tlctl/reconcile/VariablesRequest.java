package dev.tlctl.reconcile;

/**
 * A request for the live variables of one environment of the target's project (any on Railway),
 * and of one service only when {@code service} is not null.
 */
public record VariablesRequest(Target target, String environment, String service) {}
