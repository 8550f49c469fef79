package dev.tlctl.reconcile;

/** A request for what runs in the target's environments (all of the spec's by default). */
public record StatusRequest(Target target) {}
