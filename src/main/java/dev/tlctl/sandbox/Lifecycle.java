package dev.tlctl.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A deployment's life on the sandbox's clock, as Railway's DeploymentStatus tells it (schema
 * {@code enum DeploymentStatus}; API-NOTES section 2, Deployments): INITIALIZING, then BUILDING,
 * then DEPLOYING, then SUCCESS, or FAILED (the build failed, or the healthcheck never answered
 * within {@code healthcheckTimeout}) or CRASHED (the container exited). A newer deployment
 * supersedes: one still on its way becomes SKIPPED (INITIALIZING, BUILDING) or REMOVED
 * (DEPLOYING) when the newer one is created; the serving one becomes REMOVED only once the newer
 * one succeeds, so a failed deploy leaves the old one serving (docs deployments/deployment-actions).
 * A service with {@code sleepApplication} goes SLEEPING after {@link #SLEEP_AFTER} idle (docs
 * reference/app-sleeping: "after 10 minutes of no outbound traffic"). Statuses move at the start
 * of every transaction ({@link #advance}), so every read sees the status of its moment.
 */
final class Lifecycle {
    /** How an instance's deployments are made to fail ({@code Sandbox#failDeployments}). */
    enum Failure { BUILD, CRASH, HEALTHCHECK }

    static final Duration SLEEP_AFTER = Duration.ofMinutes(10);
    static final Set<String> IN_PROGRESS = Set.of("INITIALIZING", "QUEUED", "WAITING", "BUILDING", "DEPLOYING");
    /** Railway's words when a write would redeploy an instance whose deployment builds (API-NOTES section 8). */
    static final String BUILDING_MESSAGE = "Cannot redeploy yet, please wait for the original deployment to finish"
            + " building";

    private Lifecycle() {}

    /**
     * Records a deployment of the instance as it is configured now and starts its life: its
     * phases' instants from {@link SandboxConfig.Timing#deployTime()}, its outcome from the
     * instance's failure flag, the variables it runs with (a rollback restores them).
     */
    static State.DeploymentRec start(Store store, State.EnvironmentRec environment, String serviceId,
                                     ObjectNode meta) {
        Instant now = store.clock().instant();
        String nowText = now.toString();
        ObjectNode instance = store.serviceConfig(environment, serviceId);
        // The instance's own deployments (an index), not a walk of every deployment per deploy.
        for (State.DeploymentRec earlier : store.deployments().of(environment.id, serviceId)) {
            if (IN_PROGRESS.contains(earlier.status)) {
                move(earlier, "DEPLOYING".equals(earlier.status) ? "REMOVED" : "SKIPPED", nowText);
            }
        }
        State.DeploymentRec deployment = new State.DeploymentRec();
        deployment.id = store.newId();
        deployment.projectId = environment.projectId;
        deployment.environmentId = environment.id;
        deployment.serviceId = serviceId;
        deployment.createdAt = nowText;
        deployment.statusUpdatedAt = deployment.createdAt;
        deployment.status = "INITIALIZING";
        deployment.meta = meta;
        ObjectNode variables = Json.at(instance, "variables");
        deployment.variables = variables == null ? null : variables.deepCopy();
        Duration total = store.timing().deployTime();
        Instant buildAt = now.plus(total.dividedBy(10));
        Instant deployAt = now.plus(total.multipliedBy(6).dividedBy(10));
        Instant doneAt = now.plus(total);
        State.InstanceRec record = environment.instances.get(serviceId);
        Failure failure = record == null || record.failure == null ? null : Failure.valueOf(record.failure);
        deployment.outcome = "SUCCESS";
        ObjectNode deploy = Json.at(instance, "deploy");
        if (failure == Failure.BUILD) {
            doneAt = deployAt;
            deployment.outcome = "FAILED";
        } else if (failure == Failure.CRASH) {
            deployment.outcome = "CRASHED";
        } else if (failure == Failure.HEALTHCHECK && ConfigMapping.text(deploy, "healthcheckPath") != null
                && !ConfigMapping.text(deploy, "healthcheckPath").isBlank()) {
            // docs deployments/healthchecks: the deploy fails when the path does not answer 200 in time.
            Integer timeout = ConfigMapping.integer(deploy, "healthcheckTimeout");
            doneAt = deployAt.plusSeconds(timeout == null ? ConfigMapping.DEFAULT_HEALTHCHECK_TIMEOUT : timeout);
            deployment.outcome = "FAILED";
        } else {
            failure = null;
        }
        deployment.failure = failure == null ? null : failure.name();
        deployment.buildAt = buildAt.toString();
        deployment.deployAt = deployAt.toString();
        deployment.doneAt = doneAt.toString();
        store.state().deployments.add(deployment);
        if (record != null) {
            record.updatedAt = deployment.createdAt;
        }
        store.markDirty();
        advance(store, deployment, now);
        return deployment;
    }

    /** Moves every deployment to the status of this moment. */
    static void advance(Store store) {
        Instant now = store.clock().instant();
        for (State.DeploymentRec deployment : store.state().deployments) {
            advance(store, deployment, now);
        }
    }

    private static void advance(Store store, State.DeploymentRec d, Instant now) {
        if (d.doneAt != null && IN_PROGRESS.contains(d.status)) {
            String phase = reached(d.doneAt, now) ? d.outcome
                    : reached(d.deployAt, now) ? "DEPLOYING"
                    : reached(d.buildAt, now) ? "BUILDING" : "INITIALIZING";
            if (!phase.equals(d.status)) {
                String at = phase.equals(d.outcome) ? d.doneAt : phase.equals("DEPLOYING") ? d.deployAt : d.buildAt;
                move(d, phase, at);
                store.markDirty();
                if ("SUCCESS".equals(phase)) {
                    succeeded(store, d);
                }
            }
        }
        if ("SUCCESS".equals(d.status) && d.sleepAt != null && reached(d.sleepAt, now)) {
            move(d, "SLEEPING", d.sleepAt);
            store.markDirty();
        }
    }

    /** The deployment serves now: the instance's earlier serving ones are REMOVED. */
    private static void succeeded(Store store, State.DeploymentRec d) {
        d.succeededAt = d.doneAt;
        for (State.DeploymentRec earlier : store.deployments().of(d.environmentId, d.serviceId)) {
            if (earlier == d) {
                break;
            }
            if ("SUCCESS".equals(earlier.status) || "SLEEPING".equals(earlier.status)) {
                move(earlier, "REMOVED", d.doneAt);
            }
        }
        State.EnvironmentRec environment = store.environmentAny(d.environmentId);
        ObjectNode instance = environment == null ? null : store.serviceConfig(environment, d.serviceId);
        Boolean sleeps = ConfigMapping.bool(Json.at(instance, "deploy"), "sleepApplication");
        if (Boolean.TRUE.equals(sleeps)) {
            d.sleepAt = Instant.parse(d.doneAt).plus(SLEEP_AFTER).toString();
        }
    }

    static void move(State.DeploymentRec d, String status, String at) {
        d.status = status;
        d.statusUpdatedAt = at;
    }

    private static boolean reached(String instant, Instant now) {
        return !now.isBefore(Instant.parse(instant));
    }

    /**
     * Refuses, before anything is written, a write that would deploy one of these instances while
     * its newest deployment builds, with Railway's words (API-NOTES section 8; the jamesprnich
     * provider's changelog). Instances without a source deploy nothing and are not refused.
     */
    static void requireNotBuilding(Store store, State.EnvironmentRec environment, java.util.Collection<String> serviceIds) {
        for (String serviceId : serviceIds) {
            State.DeploymentRec latest = Deploys.latest(store, environment.id, serviceId);
            if (latest != null && "BUILDING".equals(latest.status)
                    && ServiceOps.hasSource(store.serviceConfig(environment, serviceId))) {
                throw new SandboxException(BUILDING_MESSAGE);
            }
        }
    }

    /** Parses a failure name ("build", "crash", "healthcheck"); null or "none" clears it. */
    static Failure failure(String name) {
        if (name == null || name.equalsIgnoreCase("none")) {
            return null;
        }
        try {
            return Failure.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown deployment failure \"" + name + "\": expected one of "
                    + List.of("build", "crash", "healthcheck", "none"));
        }
    }

    /** Makes the instance's next deployments fail that way (null: succeed), by names. */
    static void fail(Store store, String projectName, String environmentName, String serviceName, Failure failure) {
        State.ProjectRec project = store.projectNamed(projectName);
        State.EnvironmentRec environment = store.environmentNamed(project, environmentName);
        State.ServiceRec service = store.serviceNamed(project.id, serviceName);
        if (service == null || environment.instances.get(service.id) == null) {
            throw new SandboxException("Environment " + environmentName + " has no service named " + serviceName);
        }
        environment.instances.get(service.id).failure = failure == null ? null : failure.name();
        store.markDirty();
    }
}
