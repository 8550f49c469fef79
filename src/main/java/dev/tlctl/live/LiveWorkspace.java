package dev.tlctl.live;

/**
 * A workspace and its billing customer. {@code usageLimit} is null when none is set;
 * {@code billingReadable} is false when the token may not read billing (then the customer id,
 * usage and limit are unknown, not absent).
 */
public record LiveWorkspace(
        String id,
        String name,
        String customerId,
        boolean billingReadable,
        LiveUsageLimit usageLimit,
        double currentUsageDollars) {}
