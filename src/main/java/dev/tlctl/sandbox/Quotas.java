package dev.tlctl.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * Railway's creation quotas, refused inside HTTP 200 with {@code extensions.code
 * INTERNAL_SERVER_ERROR} and Railway's own words (API-NOTES section 8;
 * jamesprnich/terraform-provider-railway, resource_cooldown_retry_test.go): one environment per
 * user every 30 seconds, one project per workspace every 30 seconds. A refused create uses no
 * quota. A workspace token counts as a user of its own (an assumption: Railway does not say whose
 * quota a workspace token spends; docs/railway-semantics.md). Off with
 * {@link SandboxConfig.Timing#quotas()} false.
 */
final class Quotas {
    static final String ENVIRONMENT_MESSAGE =
            "Whoa there pal! Only one environment can be created per user every 30s. Try again in a sec";
    static final String PROJECT_MESSAGE = "You are creating projects too quickly. This workspace allows 1 project"
            + " per 30 seconds. Try again shortly.";

    private Quotas() {}

    /** Takes the environment quota of the caller, or refuses the create. */
    static void environment(Store store, Caller caller) {
        String who = caller.token().kind == State.TokenKind.ACCOUNT ? "user:" + caller.token().userId
                : "token:" + caller.token().id;
        take(store, "environment:" + who, ENVIRONMENT_MESSAGE);
    }

    /** Takes the project quota of the workspace, or refuses the create. */
    static void project(Store store, String workspaceId) {
        take(store, "project:" + workspaceId, PROJECT_MESSAGE);
    }

    private static void take(Store store, String key, String refusal) {
        if (!store.timing().quotas()) {
            return;
        }
        Instant now = store.clock().instant();
        String last = store.state().lastCreations.get(key);
        Duration window = SandboxConfig.Timing.QUOTA_WINDOW;
        if (last != null && now.isBefore(Instant.parse(last).plus(window))) {
            throw new SandboxException(refusal);
        }
        store.state().lastCreations.put(key, now.toString());
        store.markDirty();
    }
}
