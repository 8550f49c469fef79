package dev.tlctl.railway;

import java.time.Instant;

/** The "what to do" sentences appended to {@link RailwayException} messages. */
final class Hints {
    static final String PLAN_LIMITS = "Railway limits API requests by plan: Free 100 per hour; Hobby 1,000 per hour"
            + " and 10 per second; Pro 10,000 per hour and 50 per second.";

    static final String OUTCOME_UNKNOWN = "The request may have reached Railway and its answer was lost, so the"
            + " change may have been applied. Running the command again reads the live state first and converges:"
            + " it only makes the changes that are still missing.";

    private Hints() {}

    static String auth(Credentials credentials, boolean projectTokenNotFound) {
        if (credentials == null) {
            return "tlctl sent no token: set " + Credentials.RAILWAY_API_TOKEN + " to an account or workspace token, or "
                    + Credentials.RAILWAY_TOKEN + " to a project token.";
        }
        if (credentials.isProjectToken()) {
            if (projectTokenNotFound) {
                return "Railway does not know the project token in " + Credentials.RAILWAY_TOKEN + ": check it (it may"
                        + " have been deleted, or belong to another project), or unset it to use "
                        + Credentials.RAILWAY_API_TOKEN + ".";
            }
            return "tlctl used " + credentials.describe() + ". A project token reaches one environment of one"
                    + " project and cannot create projects or environments or read billing: check "
                    + Credentials.RAILWAY_TOKEN + ", or for this work unset it and set " + Credentials.RAILWAY_API_TOKEN
                    + " to an account or workspace token (" + Credentials.RAILWAY_TOKEN + " wins when both are set).";
        }
        return "tlctl used " + credentials.describe() + ": check that " + Credentials.RAILWAY_API_TOKEN
                + " holds a valid token that reaches this workspace and project (a workspace token reaches only its"
                + " own workspace).";
    }

    static String twoFactor(String workspaceName) {
        String workspace = workspaceName == null || workspaceName.isBlank()
                ? "The workspace" : "Workspace \"" + workspaceName + "\"";
        return workspace + " requires two-factor authentication. Token authentication skips the Railway CLI's 2FA"
                + " prompt, but the account behind the token must have 2FA configured: enable it in the Railway"
                + " account settings, then run the command again.";
    }

    static String rateLimited(Long retryAfterSeconds, Instant retryAt) {
        if (retryAfterSeconds == null) {
            return "Wait a little before trying again. " + PLAN_LIMITS;
        }
        return "Railway asked to retry after " + retryAfterSeconds + " s (at " + retryAt + "). " + PLAN_LIMITS;
    }

    static String rateLimitedBeyondBudget(long retryAfterSeconds, Instant retryAt, long budgetLeftSeconds) {
        return "Railway asked to retry after " + retryAfterSeconds + " s, more than the " + budgetLeftSeconds
                + " s that tlctl still waits for one request: run the command again after " + retryAt + ". "
                + PLAN_LIMITS;
    }

    static String network(String host) {
        return "Check the network connection and that " + host + " is reachable, then run the command again.";
    }

    static String timeout() {
        return "Railway may be slow or overloaded: run the command again later.";
    }
}
