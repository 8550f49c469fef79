package dev.tlctl.reconcile;

import dev.tlctl.live.LiveDeployment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveRuntime;
import dev.tlctl.railway.DeploymentPoller;
import dev.tlctl.railway.RailwayClient;
import dev.tlctl.railway.RuntimeCalls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows the deployments a run caused until each ends ({@link Rollout}), one request per round
 * for the whole project ({@link DeploymentPoller}), telling the observer of every status change;
 * and, before a write that would redeploy an instance whose build has not ended, waits for it
 * (Railway refuses "Cannot redeploy yet" meanwhile).
 */
final class Rollouts {
    /** How many log lines a failed deployment shows. */
    static final int LOG_LINES = 10;

    /** An instance to follow: names for people, ids for Railway, and the deployment it had before (null: none). */
    record Target(String environment, String service, String environmentId, String serviceId, String since) {
        DeploymentPoller.Instance instance() {
            return new DeploymentPoller.Instance(environmentId, serviceId);
        }

        String what() {
            return environment + "/" + service;
        }
    }

    private final RailwayClient client;

    Rollouts(RailwayClient client) {
        this.client = client;
    }

    /**
     * The instances a plan's commits deploy ({@code Deploys:}), with the deployment each had when
     * the plan read it; ids from {@code project} (the project as read, or after the apply, for what
     * the apply created). An instance whose ids {@code project} does not know is left out.
     */
    static List<Target> deploying(dev.tlctl.plan.Plan plan, LiveProject before, LiveProject project) {
        List<Target> out = new ArrayList<>();
        if (project == null) {
            return out;
        }
        for (dev.tlctl.plan.Deploys deploys : plan.deploys()) {
            String environmentId = project.environment(deploys.environment()).map(e -> e.id()).orElse(null);
            for (String service : deploys.services()) {
                String serviceId = project.service(service).map(s -> s.id()).orElse(null);
                if (environmentId != null && serviceId != null) {
                    out.add(new Target(deploys.environment(), service, environmentId, serviceId,
                            latest(before, environmentId, serviceId)));
                }
            }
        }
        return out;
    }

    /** Whether {@code project} knows the ids of every instance the plan deploys. */
    static boolean knowsAll(dev.tlctl.plan.Plan plan, LiveProject project) {
        int planned = plan.deploys().stream().mapToInt(d -> d.services().size()).sum();
        return deploying(plan, null, project).size() == planned;
    }

    /** The newest deployment of the instance as read with the project (null: none, or not read). */
    static String latest(LiveProject project, String environmentId, String serviceId) {
        if (project == null) {
            return null;
        }
        return project.runtime().instance(environmentId, serviceId).map(LiveRuntime.Instance::latest)
                .map(LiveDeployment::id).orElse(null);
    }

    /**
     * Waits until none of the instances has a deployment still building, when the project as read
     * says one was (without that, no request): every write tlctl then sends would otherwise be refused.
     */
    void awaitBuilds(LiveProject read, List<Target> instances) {
        Set<DeploymentPoller.Instance> building = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (Target target : instances) {
            LiveDeployment latest = read == null ? null : read.runtime().instance(target.environmentId(),
                    target.serviceId()).map(LiveRuntime.Instance::latest).orElse(null);
            if (latest != null && DeploymentPoller.building(latest.status())) {
                building.add(target.instance());
                names.add(target.what());
            }
        }
        if (!building.isEmpty()) {
            client.deployments().awaitBuilds(read.id(), building, String.join(", ", names));
        }
    }

    /**
     * Follows a new deployment of each target until all succeed, one fails (the wait stops, and
     * its last log lines are read: one request more), or {@code timeout} has been waited.
     */
    Rollout follow(String projectId, List<Target> targets, Duration timeout, RolloutObserver observer) {
        if (targets.isEmpty()) {
            return Rollout.nothing(timeout);
        }
        Map<DeploymentPoller.Instance, String> since = new LinkedHashMap<>();
        Map<DeploymentPoller.Instance, Target> byInstance = new HashMap<>();
        for (Target target : targets) {
            since.put(target.instance(), target.since());
            byInstance.put(target.instance(), target);
        }
        Map<DeploymentPoller.Instance, String> shown = new HashMap<>();
        Duration[] slept = {Duration.ZERO};
        DeploymentPoller.Outcome outcome = client.deployments().await(projectId, since, timeout, (followed, elapsed) -> {
            slept[0] = elapsed;
            followed.forEach((instance, deployment) -> {
                String seen = deployment == null ? "" : deployment.id() + " " + deployment.status();
                if (!seen.equals(shown.put(instance, seen))) {
                    Target target = byInstance.get(instance);
                    observer.progress(target.environment(), target.service(), deployment == null ? null : deployment.id(),
                            deployment == null ? null : deployment.status(), elapsed);
                }
            });
        }, true);
        List<Rollout.Followed> out = new ArrayList<>();
        boolean failed = false;
        for (Target target : targets) {
            LiveDeployment deployment = outcome.deployments().get(target.instance());
            List<String> lines = List.of();
            if (deployment != null && deployment.status().failed()) {
                failed = true;
                lines = client.runtime().lastLogLines(deployment.id(), LOG_LINES, target.what()).stream()
                        .map(RuntimeCalls.LogLine::message).toList();
            }
            out.add(new Rollout.Followed(target.environment(), target.service(),
                    deployment == null ? null : deployment.id(), deployment == null ? null : deployment.status(), lines));
        }
        // A deployment superseded before it served (SKIPPED, REMOVED) did not succeed either.
        Rollout.Status status = failed ? Rollout.Status.FAILED : outcome.timedOut() ? Rollout.Status.TIMED_OUT
                : out.stream().allMatch(Rollout.Followed::succeeded) ? Rollout.Status.SUCCEEDED : Rollout.Status.FAILED;
        return new Rollout(status, out, slept[0], outcome.rounds(), timeout);
    }
}
