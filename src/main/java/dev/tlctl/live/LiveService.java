package dev.tlctl.live;

/** A service of the project (its per-environment state is in {@link LiveEnvironment}). */
public record LiveService(String id, String name) {}
