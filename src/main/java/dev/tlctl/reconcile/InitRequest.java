package dev.tlctl.reconcile;

/** A request to find the target's project, or create it with the spec's default environment. */
public record InitRequest(Target target) {}
