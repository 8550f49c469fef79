package dev.tlctl.cli;

import dev.tlctl.live.LiveDeployment;
import dev.tlctl.reconcile.DeployResult;
import dev.tlctl.reconcile.RollbackResult;
import dev.tlctl.reconcile.Rollout;
import dev.tlctl.reconcile.RolloutObserver;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What {@code deploy} and {@code rollback} show: each followed deployment's status as it changes
 * (stderr), then what was started and how the wait ended; for people, or as one JSON document
 * with a {@code deployment} event per status change before it (JSON Lines, as {@code apply --json});
 * chosen once per run by {@link #of}.
 */
interface RuntimeView extends RolloutObserver {
    void deployed(DeployResult result);

    void rolledBack(RollbackResult result);

    static RuntimeView of(Terminal terminal, boolean json) {
        return json ? new Json(terminal) : new Human(terminal);
    }

    /** For people: one line per deployment started, the wait's lines, the URLs. */
    final class Human implements RuntimeView {
        private final PrintStream out;
        private final RolloutLines lines;

        Human(Terminal terminal) {
            this.out = terminal.out();
            this.lines = new RolloutLines(terminal);
        }

        @Override
        public void progress(String environment, String service, String deploymentId, LiveDeployment.Status status,
                Duration elapsed) {
            lines.progress(environment, service, deploymentId, status, elapsed);
        }

        @Override
        public void deployed(DeployResult result) {
            result.deployments().forEach(d -> out.println("Deploying " + d.environment() + "/" + d.service()
                    + ": deployment " + Printable.of(d.deploymentId())));
            ended(result.rollout());
            if (result.rollout() != null) {
                lines.outputs(result.outputs());
            }
        }

        @Override
        public void rolledBack(RollbackResult result) {
            out.println("Rolling " + result.environment() + "/" + result.service() + " back to deployment "
                    + Printable.of(result.to()) + (result.from() == null ? "" : " (from " + Printable.of(result.from())
                    + ")") + ": Railway restores its image and variables as a new deployment.");
            ended(result.rollout());
        }

        private void ended(Rollout rollout) {
            if (rollout != null) {
                lines.ended(rollout);
            } else {
                out.println("Not waiting: follow it with `tlctl status`, or add --wait.");
            }
        }
    }

    /** One JSON document on stdout at the end, deployment events (JSON Lines) before it. */
    final class Json implements RuntimeView {
        private final PrintStream out;
        private final RolloutLines lines;

        Json(Terminal terminal) {
            this.out = terminal.out();
            this.lines = new RolloutLines(terminal);
        }

        record DeployDocument(int formatVersion, String event, String project, boolean succeeded,
                List<DeployResult.Started> deployments, RolloutDocument rollout,
                Map<String, Map<String, List<String>>> outputs) {}

        record RollbackDocument(int formatVersion, String event, String project, boolean succeeded, String environment,
                String service, String from, String to, RolloutDocument rollout) {}

        @Override
        public void progress(String environment, String service, String deploymentId, LiveDeployment.Status status,
                Duration elapsed) {
            lines.progress(environment, service, deploymentId, status, elapsed);
            out.println(dev.tlctl.cli.Json.line(new JsonApplyView.DeploymentEvent(dev.tlctl.cli.Json.FORMAT_VERSION,
                    "deployment", environment, service, deploymentId, status == null ? null : status.name(),
                    elapsed.toMillis())));
        }

        @Override
        public void deployed(DeployResult result) {
            failures(result.rollout());
            out.println(dev.tlctl.cli.Json.line(new DeployDocument(dev.tlctl.cli.Json.FORMAT_VERSION, "result",
                    result.project(), result.succeeded(), result.deployments(), RolloutDocument.of(result.rollout()),
                    result.outputs().urls())));
        }

        @Override
        public void rolledBack(RollbackResult result) {
            failures(result.rollout());
            out.println(dev.tlctl.cli.Json.line(new RollbackDocument(dev.tlctl.cli.Json.FORMAT_VERSION, "result",
                    result.project(), result.succeeded(), result.environment(), result.service(), result.from(),
                    result.to(), RolloutDocument.of(result.rollout()))));
        }

        /** What failed, on stderr as for people (stdout stays JSON). */
        private void failures(Rollout rollout) {
            if (rollout != null && !rollout.succeeded()) {
                lines.ended(rollout);
            }
        }
    }
}
