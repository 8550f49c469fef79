package dev.tlctl.apply;

import dev.tlctl.plan.Action;
import dev.tlctl.plan.Change;
import dev.tlctl.plan.InstancePlan;
import dev.tlctl.plan.Origin;
import dev.tlctl.plan.Plan;
import dev.tlctl.railway.ChangeSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds an environment's write as a Railway change set, when one can carry it: an existing
 * environment whose changes are all its services' (a shared variable has no change-set address)
 * and none a consequence of this apply's new services (those move the environment's etag, which
 * the change set is guarded by). An instance tlctl adds carries its settings and variables in its
 * create; everything else maps one to one.
 */
final class ChangeSetBuilder {
    private ChangeSetBuilder() {}

    /**
     * Whether the changes of {@code env} fit a change set. Not when an instance whose settings
     * change holds registry credentials: Railway shows them only masked ({@code *****}), so a
     * whole {@code deploy} part cannot be sent without either echoing the mask back as the
     * password or leaving the credentials out, which a whole replacement would delete; a patch
     * writes only the keys that change and never touches them.
     */
    static boolean fits(Plan plan, String env) {
        for (Change change : plan.changesIn(env)) {
            if (change.origin() == Origin.RAILWAY) {
                return false;
            }
            if (change instanceof Change.Variable v && v.shared()) {
                return false;
            }
            if (change instanceof Change.Volume) {
                return false; // a change set addresses services, not volumes: the patch carries sizeMB
            }
            if (change instanceof Change.Setting s && plan.instances().stream()
                    .anyMatch(i -> i.environment().equals(env) && i.service().equals(s.service())
                            && i.configSections().getOrDefault("deploy", "").contains("\"registryCredentials\""))) {
                return false;
            }
        }
        return true;
    }

    static ChangeSet build(Plan plan, String env) {
        List<Change> changes = plan.changesIn(env);
        Set<String> created = new LinkedHashSet<>();
        for (Change change : changes) {
            if (change instanceof Change.Instance i && i.action() == Action.CREATE) {
                created.add(i.service());
            }
        }
        ChangeSet set = new ChangeSet();
        Map<String, Set<String>> settingKeys = new LinkedHashMap<>();
        for (Change change : changes) {
            if (change instanceof Change.Instance i) {
                if (i.action() == Action.DELETE) {
                    set.deleteInstance(i.service());
                } else {
                    set.createInstance(i.service(), plan.instance(env, i.service()).desired(), variables(changes, i.service()));
                }
            } else if (change instanceof Change.Setting s && !created.contains(s.service())) {
                settingKeys.computeIfAbsent(s.service(), k -> new LinkedHashSet<>()).add(s.key());
            } else if (change instanceof Change.Variable v && !created.contains(v.service())) {
                if (v.action() == Action.DELETE) {
                    set.deleteVariable(v.service(), v.name(), v.before());
                } else {
                    set.setVariable(v.service(), v.name(), v.after(), v.before(), v.action() == Action.UPDATE,
                            v.sensitive(), v.sealed());
                }
            }
        }
        settingKeys.forEach((service, keys) -> {
            InstancePlan instance = plan.instance(env, service);
            set.updateSettings(service, keys, instance.prior(), instance.desired(), instance.configSections());
        });
        return set;
    }

    private static Map<String, ChangeSet.VariableWrite> variables(List<Change> changes, String service) {
        Map<String, ChangeSet.VariableWrite> out = new LinkedHashMap<>();
        for (Change change : changes) {
            if (change instanceof Change.Variable v && service.equals(v.service()) && v.after() != null) {
                out.put(v.name(), new ChangeSet.VariableWrite(v.after(), v.sensitive(), v.sealed()));
            }
        }
        return out;
    }
}
