package dev.tlctl.reconcile;

import dev.tlctl.audit.DriftReport;

/** What {@code drift} found, with the plan it was read from (the spec's warnings, the environments covered). */
public record DriftResult(PlanResult planned, DriftReport report) {}
