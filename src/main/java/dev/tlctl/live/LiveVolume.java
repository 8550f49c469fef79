package dev.tlctl.live;

/** A volume of the project; tlctl lists volumes but never changes or deletes them. */
public record LiveVolume(String id, String name) {}
