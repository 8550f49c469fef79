package dev.tlctl.plan;

import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.live.LiveVariable;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.ServiceInstanceSpec;
import dev.tlctl.spec.Settings;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.VariableSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which instances each environment's commit deploys, by the rules Railway follows: an instance
 * whose source, build or deploy settings or variables change, and every instance referencing a
 * shared variable that changes ({@code ${{shared.NAME}}}: a service sees one only through such a
 * reference). Not: a change of replicas or their region alone ("Railway scales your service
 * without triggering a full redeploy", docs deployments/scaling.md); an instance without a source
 * (a repository or an image: nothing to build); an instance removed in the same commit, or whose
 * service this apply deletes. A pure function of the spec, the live project and the changes.
 */
final class DeployPrediction {
    /** The settings whose change scales the instance instead of redeploying it. */
    static final Set<String> SCALING = Set.of(Settings.DEPLOY_NUM_REPLICAS, Settings.DEPLOY_REGION);

    private DeployPrediction() {}

    /** What one environment's changes touch: shared variables, instances, instances removed. */
    private record Touched(Set<String> changedShared, Set<String> touched, Set<String> removed) {
        Touched() {
            this(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
        }
    }

    static List<Deploys> of(Spec spec, LiveProject project, List<Change> changes) {
        Set<String> deletedServices = new LinkedHashSet<>();
        // By environment, in one pass and with no address made per change: a large plan has a hundred thousand
        // changes, and ten environments or more.
        Map<String, Touched> byEnvironment = new HashMap<>();
        for (Change change : changes) {
            if (change instanceof Change.Service && change.action() == Action.DELETE) {
                deletedServices.add(change.address().service());
                continue;
            }
            String environment = change.environment();
            if (environment == null) {
                continue;
            }
            Touched t = byEnvironment.computeIfAbsent(environment, e -> new Touched());
            if (change instanceof Change.Variable v && v.shared()) {
                t.changedShared().add(v.name());
            } else if (change instanceof Change.Variable v) {
                t.touched().add(v.service());
            } else if (change instanceof Change.Setting s && !SCALING.contains(s.key())) {
                t.touched().add(s.service());
            } else if (change instanceof Change.Volume v && v.action() == Action.CREATE) {
                t.touched().add(v.service()); // mounting a volume redeploys the instance
            } else if (change instanceof Change.Instance i && i.action() == Action.DELETE) {
                t.removed().add(i.service());
            }
        }
        List<Deploys> out = new ArrayList<>();
        for (EnvironmentSpec env : spec.environments()) {
            Touched t = byEnvironment.getOrDefault(env.name(), new Touched());
            Set<String> changedShared = t.changedShared();
            Set<String> touched = t.touched();
            Set<String> removed = new LinkedHashSet<>(deletedServices);
            removed.addAll(t.removed());
            LiveEnvironment liveEnv = project == null ? null : project.environment(env.name()).orElse(null);
            List<String> services = new ArrayList<>();
            for (ServiceInstanceSpec instance : env.services().values()) {
                if (!instance.enabled() || removed.contains(instance.service())
                        || !hasSource(instance.settings(), live(project, liveEnv, instance.service()))) {
                    continue;
                }
                // A touched instance deploys anyway: its variables are searched for references only otherwise.
                if (touched.contains(instance.service()) || !changedShared.isEmpty() && instance.variables().values()
                        .stream().anyMatch(v -> v.sharedReferences().stream().anyMatch(changedShared::contains))) {
                    services.add(instance.service());
                }
            }
            // Instances the spec does not manage here redeploy too when they read a changed shared variable.
            if (liveEnv != null && !changedShared.isEmpty()) {
                for (LiveService service : project.services()) {
                    ServiceInstanceSpec declared = env.services().get(service.name());
                    LiveServiceInstance instance = liveEnv.instance(service.id()).orElse(null);
                    if (instance != null && (declared == null || !declared.enabled()) && !removed.contains(service.name())
                            && hasSource(Map.of(), instance)
                            && instance.variables().values().stream().anyMatch(v -> readsAny(v, changedShared))) {
                        services.add(service.name());
                    }
                }
            }
            if (!services.isEmpty()) {
                out.add(new Deploys(env.name(), services));
            }
        }
        return out;
    }

    private static LiveServiceInstance live(LiveProject project, LiveEnvironment environment, String service) {
        if (project == null || environment == null) {
            return null;
        }
        return project.service(service).map(LiveService::id).flatMap(environment::instance).orElse(null);
    }

    /** Whether the instance has a repository or an image after the apply: as declared, else as on Railway. */
    private static boolean hasSource(Map<String, Object> declared, LiveServiceInstance live) {
        for (String key : List.of(Settings.SOURCE_REPO, Settings.SOURCE_IMAGE)) {
            Object value = declared.containsKey(key) ? declared.get(key) : live == null ? null : live.settings().get(key);
            if (!Defaults.unset(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean readsAny(LiveVariable variable, Set<String> shared) {
        if (variable.value() == null) {
            return false;
        }
        return VariableSpec.sharedReferencesIn(variable.value().reveal()).stream().anyMatch(shared::contains);
    }
}
