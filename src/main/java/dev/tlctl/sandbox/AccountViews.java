package dev.tlctl.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of Railway's account and billing types that the sandbox has no records for (issue
 * 15, section 6: every type it serves is whole, so that other clients' documents run), with the
 * values Railway gives an ordinary account: a user signed in with GitHub, without 2FA, flags or
 * bans; a workspace without SAML, partners or referrals; a customer on the workspace's plan who
 * pays with a card, with the plan's subscription and its invoice for the current period, and no
 * credits, tax ids or spend commitment. Nothing here is read by the sandbox's own rules.
 */
final class AccountViews {
    /** The plan's monthly fee in dollars (docs pricing/plans: Hobby $5, Pro $20 a seat); also the usage it includes. */
    static final Map<String, Double> FEES = Map.of("FREE", 0.0, "HOBBY", 5.0, "PRO", 20.0);

    private AccountViews() {}

    /** User's fields beyond id, name, email, username and createdAt. */
    static void user(State.UserRec user, Map<String, Object> view) {
        view.put("agreedFairUse", true);
        view.put("apiTokenRateLimit", null); // the sandbox reports rate limits in X-RateLimit-* headers only
        view.put("avatar", null);
        view.put("banReason", null);
        view.put("featureFlags", List.of());
        view.put("flags", List.of());
        view.put("githubProviderId", githubId(user));
        view.put("githubUsername", user.username);
        view.put("has2FA", false);
        view.put("hasPasskeys", false);
        view.put("isAdmin", false);
        view.put("isConductor", false);
        view.put("isVerified", true);
        view.put("lastLogin", user.createdAt);
        view.put("platformFeatureFlags", List.of());
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("bio", null);
        profile.put("isPublic", false);
        profile.put("website", null);
        view.put("profile", profile);
        view.put("registrationStatus", "ONBOARDED");
        view.put("riskLevel", null);
        view.put("termsAgreedOn", user.createdAt);
        // workspace, projects and providerAuths are wired (they need the store or paging).
    }

    /** The user's sign-in: GitHub, as the sandbox's users have a GitHub username. */
    static List<Map<String, Object>> providerAuths(State.UserRec user) {
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("id", Ids.derived(user.id, "provider-auth", "github"));
        auth.put("email", user.email);
        auth.put("isAuthEnabled", true);
        auth.put("metadata", Map.of("login", user.username == null ? user.name : user.username));
        auth.put("provider", "github");
        auth.put("userId", user.id);
        return List.of(auth);
    }

    private static String githubId(State.UserRec user) {
        return Long.toString(Math.floorMod(Ids.derived(user.id, "github").hashCode(), 90_000_000) + 10_000_000L);
    }

    /** Workspace's fields beyond id, name, plan and the dates. */
    static void workspace(State.WorkspaceRec workspace, Map<String, Object> view) {
        view.put("adoptionHistory", List.of());
        view.put("adoptionLevel", 0.0);
        view.put("allowDeprecatedRegions", false);
        view.put("apiTokenRateLimit", null);
        view.put("avatar", null);
        view.put("banReason", null);
        view.put("discordRole", null);
        view.put("has2FAEnforcement", false);
        view.put("hasAutomaticDiagnosis", false);
        view.put("hasGuardrailsAccess", false);
        view.put("hasHipaaBAA", false);
        view.put("hasSAML", false);
        view.put("partnerProfile", null);
        view.put("preferredRegion", null); // Railway's default region
        view.put("redactedDueTo2FAPending", false);
        view.put("referredUsers", List.of());
        view.put("slackChannelId", null);
        view.put("subscriptionModel", "FREE".equals(workspace.plan) ? "FREE" : workspace.personalOf != null ? "USER" : "TEAM");
        view.put("subscriptionPlanLimit", Views.planLimit(workspace));
        view.put("supportTierOverride", null);
        view.put("team", Views.team(workspace));
        // Nobody in the sandbox has 2FA.
        view.put("usersWithout2FA", List.copyOf(workspace.memberIds));
        // members, projectCount and identityProviders are wired.
    }

    /**
     * A member's role in the schema's words (TeamRole, ProjectRole: ADMIN, MEMBER, VIEWER):
     * ADMIN unless the member was added with another role; a deployer is a MEMBER here, as the
     * schema's roles have no DEPLOYER.
     */
    static String role(State.WorkspaceRec workspace, String userId) {
        return workspace.memberRoles.containsKey(userId) ? "MEMBER" : "ADMIN";
    }

    /** Workspace.members (twoFactorAuthEnabled) and Team.members (without it). */
    static List<Map<String, Object>> members(State state, State.WorkspaceRec workspace, boolean workspaceMember) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (State.UserRec user : state.users) {
            if (!workspace.memberIds.contains(user.id)) {
                continue;
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", user.id);
            view.put("name", user.name);
            view.put("email", user.email);
            view.put("avatar", null);
            view.put("featureFlags", List.of());
            view.put("role", role(workspace, user.id));
            if (workspaceMember) {
                view.put("twoFactorAuthEnabled", false);
            }
            out.add(view);
        }
        return out;
    }

    static List<Map<String, Object>> teamPermissions(State state, State.WorkspaceRec workspace) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String userId : workspace.memberIds) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", Ids.derived(workspace.id, userId, "team-permission"));
            view.put("userId", userId);
            view.put("workspaceId", workspace.id);
            view.put("role", role(workspace, userId));
            view.put("createdAt", workspace.createdAt);
            view.put("updatedAt", workspace.updatedAt);
            out.add(view);
        }
        return out;
    }

    /** Team's fields beyond those of the workspace it was. */
    static void team(Map<String, Object> view) {
        view.put("adoptionHistory", List.of());
        view.put("adoptionLevel", 0.0);
        view.put("apiTokenRateLimit", null);
        view.put("supportTierOverride", null);
        // members, projects and teamPermissions are wired.
    }

    /** Customer's fields beyond id, currentUsage, billingPeriod and usageLimit. */
    static void customer(State state, State.WorkspaceRec workspace, double currentUsage, Map<String, Object> view) {
        State.CustomerRec customer = workspace.customer;
        double fee = FEES.getOrDefault(workspace.plan, 5.0);
        boolean paying = fee > 0;
        view.put("appliedCredits", 0.0);
        view.put("billingAddress", null);
        view.put("billingEmail", state.users.stream().filter(u -> workspace.memberIds.contains(u.id))
                .map(u -> u.email).findFirst().orElse(null));
        view.put("creditBalance", 0.0);
        Map<String, Object> card = null;
        String paymentMethodId = null;
        if (paying) {
            paymentMethodId = "pm_" + token(customer.id, "payment-method");
            card = new LinkedHashMap<>();
            card.put("id", paymentMethodId);
            card.put("card", Map.of("brand", "visa", "country", "US", "last4", "4242"));
        }
        view.put("defaultPaymentMethod", card);
        view.put("defaultPaymentMethodId", paymentMethodId);
        view.put("hasExhaustedFreePlan", false);
        view.put("isPrepaying", false);
        view.put("isTrialing", false);
        view.put("isUsageSubscriber", paying);
        view.put("isWithdrawingToCredits", false);
        view.put("planLimitOverride", null);
        view.put("remainingUsageCreditBalance", 0.0);
        view.put("spendCommitment", null);
        view.put("state", "ACTIVE");
        view.put("stripeCustomerId", "cus_" + token(customer.id, "stripe").substring(0, 14));
        view.put("supportedWithdrawalPlatforms", List.of());
        view.put("taxIds", List.of());
        view.put("trialDaysRemaining", 0);
        List<Map<String, Object>> subscriptions = new ArrayList<>();
        List<Map<String, Object>> invoices = new ArrayList<>();
        if (paying) {
            int quantity = "PRO".equals(workspace.plan) ? Math.max(1, workspace.memberIds.size()) : 1;
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("itemId", "si_" + token(customer.id, "item").substring(0, 14));
            item.put("priceDollars", fee);
            item.put("priceId", "price_" + token(workspace.plan, "price").substring(0, 14));
            item.put("productId", "prod_" + token(workspace.plan, "product").substring(0, 14));
            item.put("quantity", quantity);
            String subscriptionId = "sub_" + token(customer.id, "subscription").substring(0, 14);
            String invoiceId = "in_" + token(customer.id, customer.billingPeriodStart, "invoice").substring(0, 14);
            long feeCents = Math.round(fee * quantity * 100);
            Map<String, Object> subscription = new LinkedHashMap<>();
            subscription.put("id", subscriptionId);
            subscription.put("status", "active");
            subscription.put("billingCycleAnchor", customer.billingPeriodStart);
            subscription.put("cancelAt", null);
            subscription.put("cancelAtPeriodEnd", false);
            subscription.put("couponId", null);
            subscription.put("discounts", List.of());
            subscription.put("items", List.of(item));
            subscription.put("latestInvoiceId", invoiceId);
            // The fee includes as much usage; usage beyond it is billed on top.
            subscription.put("nextInvoiceCurrentTotal", (int) Math.max(feeCents, Math.round(currentUsage * 100)));
            subscription.put("nextInvoiceDate", customer.billingPeriodEnd);
            subscriptions.add(subscription);
            // The plan's fee is invoiced, and paid, at the start of the period (amounts in cents, as Stripe's).
            Map<String, Object> invoice = new LinkedHashMap<>();
            invoice.put("invoiceId", invoiceId);
            invoice.put("amountDue", (double) feeCents);
            invoice.put("amountPaid", (double) feeCents);
            invoice.put("total", (int) feeCents);
            invoice.put("status", "paid");
            invoice.put("periodStart", customer.billingPeriodStart);
            invoice.put("periodEnd", customer.billingPeriodEnd);
            invoice.put("items", List.of(item));
            invoice.put("hostedURL", null);
            invoice.put("pdfURL", null);
            invoice.put("lastPaymentError", null);
            invoice.put("paymentIntentStatus", "succeeded");
            invoice.put("reissuedInvoiceFrom", null);
            invoice.put("reissuedInvoiceOf", null);
            invoice.put("spendCommitmentPrepayment", false);
            invoice.put("subscriptionId", subscriptionId);
            invoice.put("subscriptionStatus", "active");
            invoices.add(invoice);
        }
        view.put("subscriptions", subscriptions);
        view.put("invoices", invoices);
        // credits and workspace are wired.
    }

    /** UsageLimit's agent limits: none set. */
    static void usageLimit(Map<String, Object> view) {
        view.put("agentHardLimitCents", null);
        view.put("agentSoftLimitCents", null);
    }

    /** A Stripe-like id part: hex, stable for what it names. */
    private static String token(String... parts) {
        return Ids.derived(parts).replace("-", "");
    }
}
