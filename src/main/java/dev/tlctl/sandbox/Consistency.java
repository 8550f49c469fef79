package dev.tlctl.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Railway's eventual consistency after a create, on the sandbox's clock: a new service's
 * instances materialise a moment after {@code serviceCreate} answers (a write to one before then
 * is "ServiceInstance not found"; micah5/terraform-provider-railway-next,
 * internal/resources/consistency.go and service.go {@code waitForServiceInstance}), and a new
 * project is missing from every list for as long (jamesprnich/terraform-provider-railway,
 * helpers.go {@code retryReadAfterCreateContext}: "a resource that was just created can take
 * several seconds to appear in list/query endpoints"). The delay is
 * {@link SandboxConfig.Timing#consistencyDelay()}; zero makes both immediate.
 */
final class Consistency {
    private Consistency() {}

    /** When something created now becomes visible (ISO), or null when it is at once. */
    static String visibleAt(Store store) {
        java.time.Duration delay = store.timing().consistencyDelay();
        return delay.isZero() ? null : store.clock().instant().plus(delay).toString();
    }

    /** Whether the project shows in lists (projects, workspace.projects, me.workspaces) yet. */
    static boolean listed(Store store, State.ProjectRec project) {
        return store.reached(project.listedAt);
    }

    /** Whether the service's serviceCreate instances are still on their way in this environment. */
    static boolean pending(State.EnvironmentRec environment, String serviceId) {
        return environment.pending.containsKey(serviceId);
    }

    /**
     * Moves every pending instance whose time has come into its environment's config (unless one
     * was added there meanwhile, with isCreated or a change set), deploying it when it has a
     * source. Runs at the start of every transaction.
     */
    static void materialise(Store store) {
        for (State.EnvironmentRec environment : store.state().environments) {
            if (environment.pending.isEmpty()) {
                continue;
            }
            List<String> due = new ArrayList<>();
            for (Map.Entry<String, ObjectNode> entry : environment.pending.entrySet()) {
                State.ServiceRec service = store.serviceAny(entry.getKey());
                if (service == null || service.deletedAt != null || store.reached(service.instancesAt)) {
                    due.add(entry.getKey());
                }
            }
            for (String serviceId : due) {
                ObjectNode config = environment.pending.remove(serviceId);
                State.ServiceRec service = store.serviceAny(serviceId);
                store.markDirty();
                if (service == null || service.deletedAt != null || environment.deletedAt != null
                        || store.hasInstance(environment, serviceId)) {
                    continue;
                }
                Json.child(environment.config, "services").set(serviceId, config);
                store.touched(environment);
                if (ServiceOps.hasSource(config)) {
                    store.deploy(environment, serviceId);
                }
            }
        }
        for (State.ServiceRec service : store.state().services) {
            if (service.instancesAt != null && store.reached(service.instancesAt)) {
                service.instancesAt = null;
                store.markDirty();
            }
        }
        for (State.ProjectRec project : store.state().projects) {
            if (project.listedAt != null && store.reached(project.listedAt)) {
                project.listedAt = null;
                store.markDirty();
            }
        }
    }
}
