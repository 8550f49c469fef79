package dev.tlctl.cli;

import dev.tlctl.live.LiveDeployment;
import dev.tlctl.reconcile.Outputs;
import dev.tlctl.reconcile.Rollout;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The human lines of a wait for deployments, shared by {@code apply}, {@code deploy} and
 * {@code rollback}: one progress line on stderr whenever a deployment's status changes, then how
 * the wait ended (what failed, with its last log lines and what to do, on stderr), and the
 * services' URLs on stdout.
 */
final class RolloutLines {
    private final PrintStream out;
    private final PrintStream err;
    private final PrintStream progress;
    private final Style style;

    RolloutLines(Terminal terminal) {
        this.out = terminal.out();
        this.err = terminal.err();
        this.progress = terminal.progress();
        this.style = terminal.style();
    }

    /** {@code   staging/engine-api: BUILDING (deployment 1f2e..., 12s)}. */
    void progress(String environment, String service, String deploymentId, LiveDeployment.Status status,
            Duration elapsed) {
        String shown = status == null ? "waiting for Railway to start its deployment" : colour(status);
        progress.println("  " + environment + "/" + service + ": " + shown + style.dim(" ("
                + (deploymentId == null ? "" : "deployment " + Printable.of(deploymentId) + ", ")
                + WaitReport.seconds(elapsed) + ")"));
        progress.flush();
    }

    private String colour(LiveDeployment.Status status) {
        return status.healthy() ? style.green(status.name()) : status.failed() ? style.red(status.name())
                : status.name();
    }

    /** How the wait ended: a line on stdout when all went well, else what went wrong on stderr. */
    void ended(Rollout rollout) {
        switch (rollout.status()) {
            case NOTHING_TO_WAIT_FOR -> out.println("Nothing deploys: no deployment to wait for.");
            case SUCCEEDED -> out.println(style.green("Deployed:") + " " + count(rollout.services().size())
                    + " serving after " + WaitReport.seconds(rollout.waited()) + " (" + rollout.rounds()
                    + (rollout.rounds() == 1 ? " poll)." : " polls)."));
            case FAILED -> failed(rollout);
            case TIMED_OUT -> timedOut(rollout);
        }
    }

    private void failed(Rollout rollout) {
        err.println();
        for (Rollout.Followed f : rollout.services()) {
            if (f.succeeded() || f.status() == null || f.status().inProgress()) {
                continue;
            }
            err.println(style.red("Error:") + " the deployment of " + f.service() + " in " + f.environment() + " "
                    + f.status() + " (deployment " + Printable.of(f.deploymentId()) + ").");
            if (!f.logLines().isEmpty()) {
                err.println("  Last log lines:");
                f.logLines().forEach(line -> err.println("    | " + Printable.of(line)));
            }
            String flags = "--env " + f.environment() + " --service " + f.service();
            err.println("  What to do: read its logs in Railway's dashboard (railway logs --deployment), fix the cause,"
                    + " then run `tlctl deploy " + flags + " --wait`; or return to the previous deployment with"
                    + " `tlctl rollback " + flags + "`. Until then the previous deployment, if any, keeps serving.");
        }
        List<Rollout.Followed> unfinished = rollout.unfinished();
        if (!unfinished.isEmpty()) {
            err.println("  Not waited for (still on their way on Railway): " + names(unfinished) + ".");
        }
    }

    private void timedOut(Rollout rollout) {
        err.println();
        err.println(style.red("Error:") + " still deploying after " + WaitReport.seconds(rollout.timeout()) + ": "
                + names(rollout.unfinished()) + ".");
        err.println("  The deployments go on on Railway. Follow them with `tlctl status`, or wait longer next time"
                + " with --timeout (such as --timeout 20m).");
    }

    private static String names(List<Rollout.Followed> followed) {
        return String.join(", ", followed.stream().map(f -> f.environment() + "/" + f.service() + " ("
                + (f.status() == null ? "not started" : f.status().name()) + ")").toList());
    }

    private static String count(int n) {
        return n + (n == 1 ? " deployment" : " deployments");
    }

    /**
     * The services' URLs, one line each, on stdout, then the DNS records custom domains still
     * need; nothing when none is known.
     */
    void outputs(Outputs outputs) {
        if (outputs.isEmpty()) {
            return;
        }
        out.println("URLs:");
        for (Map.Entry<String, Map<String, List<String>>> env : outputs.urls().entrySet()) {
            env.getValue().forEach((service, urls) -> urls.forEach(url ->
                    out.println("  " + env.getKey() + "/" + service + "  " + Printable.of(url))));
        }
        if (outputs.dnsRecords().isEmpty()) {
            return;
        }
        out.println("DNS records for custom domains (Railway routes one once it sees them):");
        for (Outputs.DnsRecord r : outputs.dnsRecords()) {
            out.println("  " + Printable.of(r.environment() + "/" + r.service() + "  " + r.domain() + "  " + r.type()
                    + " " + r.name() + " -> " + r.value() + (r.propagated() ? "  (in place)" : "")));
        }
    }
}
