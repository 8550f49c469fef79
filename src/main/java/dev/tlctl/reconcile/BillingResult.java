package dev.tlctl.reconcile;

import dev.tlctl.audit.BillingReport;
import dev.tlctl.live.LiveState;
import dev.tlctl.live.LiveUsage;
import dev.tlctl.spec.Spec;
import java.time.Instant;

/**
 * The billing of a project and what it was made from: the spec as declared, what Railway had
 * (workspace with its usage limit, and the project), the usage of the current billing period, and
 * the report with its checks.
 *
 * @param endpoint the key of the Railway endpoint it was read from
 */
public record BillingResult(Spec spec, LiveState live, LiveUsage usage, BillingReport report, String endpoint,
        Instant createdAt) {}
