package dev.tlctl.reconcile;

/**
 * What {@code init} found or made: the project's id, whether this run created it, and whether the
 * spec already records that id as {@code project.id}.
 */
public record InitResult(String projectName, String projectId, boolean created, boolean recordedInSpec) {}
