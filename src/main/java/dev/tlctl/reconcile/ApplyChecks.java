package dev.tlctl.reconcile;

import dev.tlctl.plan.Action;
import dev.tlctl.plan.Change;
import dev.tlctl.plan.Plan;
import dev.tlctl.reconcile.ReconcileException.Kind;
import java.util.List;

/** What an apply must pass before anything is written: consent to delete, the token's reach, staged changes. */
final class ApplyChecks {
    private ApplyChecks() {}

    /**
     * Refuses to write where changes are staged in Railway, unless told what to do with them:
     * Railway does not say what a commit does to a staged patch, so tlctl does not guess.
     */
    static void staged(Plan plan, StagedPolicy policy) {
        if (policy != StagedPolicy.REFUSE) {
            return;
        }
        List<String> staged = plan.target().environments().stream()
                .filter(t -> t.stagedChanges() > 0 && plan.changesIn(t.name()).stream().anyMatch(Change::inCommit))
                .map(t -> t.name() + " (" + t.stagedChanges() + ")").toList();
        if (!staged.isEmpty()) {
            throw new ReconcileException(Kind.USAGE, "changes are staged in Railway where this apply writes: "
                    + String.join(", ", staged), "Someone staged changes in Railway's dashboard (or with another tool)"
                    + " and has not committed them. Railway does not say what a commit does to them, so tlctl does not"
                    + " guess. Pass --include-staged to commit them together with tlctl's changes (as the dashboard's"
                    + " Deploy button would), or --discard-staged to drop them first. Nothing was changed.");
        }
    }

    /**
     * Refuses, before anything is written, what the request or the token may not do. Deleting what
     * tlctl created and the spec dropped (a variable, an instance, a domain) needs nothing more than the
     * apply; deleting a service or an environment needs {@code --confirm-destructive} unless a
     * person approves at a terminal; deleting what someone else made ({@code --prune}) always does.
     */
    static void allowed(Plan plan, boolean allowDestructive, boolean askedAtTerminal, Credentials credentials) {
        if (!allowDestructive) {
            List<Change> refused = plan.changes().stream().filter(Change::destructive)
                    .filter(c -> needsConsent(plan, c, askedAtTerminal)).toList();
            if (!refused.isEmpty()) {
                boolean tlctls = refused.stream().anyMatch(plan::isOwned);
                throw new ReconcileException(Kind.USAGE, "the plan deletes " + String.join(", ",
                        refused.stream().map(c -> c.address().text()).toList()) + "; pass --confirm-destructive to allow it",
                        (tlctls ? "tlctl created them and the spec no longer declares them, but deleting a service or an"
                                + " environment needs explicit consent: --confirm-destructive, or an answer at a terminal"
                                + " without --yes. " : "") + "Nothing was changed.");
            }
        }
        if (credentials == null || !credentials.isProjectToken()) {
            return;
        }
        List<String> refused = plan.changes().stream()
                .filter(c -> c instanceof Change.Project || c instanceof Change.Service || c instanceof Change.Environment
                        || c instanceof Change.UsageLimit || c instanceof Change.PullRequests)
                .map(c -> c.address().text()).toList();
        if (!refused.isEmpty()) {
            throw new ReconcileException(Kind.REFUSED, "a project token cannot make these changes: " + String.join(", ", refused),
                    "RAILWAY_TOKEN is a project token: it reaches one environment of one project and cannot create"
                            + " projects, services or environments, or set usage limits. Use an account or workspace"
                            + " token (RAILWAY_API_TOKEN). Nothing was changed.");
        }
    }

    /**
     * Whether deleting {@code c} needs --confirm-destructive: what --prune found, always; what tlctl
     * created, only a service or an environment, and not when a person approves at a terminal.
     */
    private static boolean needsConsent(Plan plan, Change c, boolean askedAtTerminal) {
        if (!plan.isOwned(c)) {
            return true;
        }
        return (c instanceof Change.Service || c instanceof Change.Environment) && !askedAtTerminal;
    }

    /** The message of Railway's commits: what the apply does, counted. */
    static String commitMessage(Plan plan) {
        return "tlctl apply: " + plan.count(Action.CREATE) + " to create, " + plan.count(Action.UPDATE) + " to update, "
                + plan.count(Action.DELETE) + " to delete";
    }
}
