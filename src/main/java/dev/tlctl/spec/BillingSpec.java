package dev.tlctl.spec;

/**
 * Billing settings. The usage limit is workspace-wide on Railway (it belongs to the workspace's
 * customer, not to the project); null means tlctl does not manage it.
 */
public record BillingSpec(UsageLimitSpec usageLimit) {

    /**
     * Railway's usage limit in whole dollars: {@code softLimitDollars} sends an email alert,
     * {@code hardLimitDollars} (optional) stops the workspace's services.
     */
    public record UsageLimitSpec(int softLimitDollars, Integer hardLimitDollars, Location location) {}
}
