package dev.tlctl.audit;

import dev.tlctl.audit.ListedVariable.Form;
import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.live.LiveVariable;
import dev.tlctl.plan.Sensitivity;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.ServiceInstanceSpec;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.VariableSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The live variables of one environment with their origin, as a pure function of the live
 * environment and the spec as declared (references unresolved): per service in name order, then
 * the shared ones. Whether a variable is a secret is {@link Sensitivity}'s rule.
 */
public final class VariableListing {
    private VariableListing() {}

    /** @param service only this service's variables; null for every service's and the shared ones */
    public static List<ListedVariable> of(Spec spec, LiveProject project, LiveEnvironment env, String service) {
        EnvironmentSpec declared = spec.environments().stream().filter(e -> e.name().equals(env.name())).findFirst()
                .orElse(null);
        List<ListedVariable> out = new ArrayList<>();
        Sensitivity sensitivity = Sensitivity.in(declared, env, project);
        for (LiveService s : project.services().stream().sorted(Comparator.comparing(LiveService::name)).toList()) {
            if (service != null && !service.equals(s.name())) {
                continue;
            }
            LiveServiceInstance instance = env.instance(s.id()).orElse(null);
            if (instance == null) {
                continue;
            }
            Map<String, VariableSpec> declaredHere = declared == null ? Map.of() : declared.service(s.name())
                    .filter(ServiceInstanceSpec::enabled).map(ServiceInstanceSpec::variables).orElse(Map.of());
            instance.variables().values().forEach(v -> out.add(listed(s.name(), v, declaredHere.get(v.name()), sensitivity)));
        }
        if (service == null) {
            Map<String, VariableSpec> shared = declared == null ? Map.of() : declared.sharedVariables();
            env.sharedVariables().values().forEach(v -> out.add(listed(null, v, shared.get(v.name()), sensitivity)));
        }
        return out;
    }

    private static ListedVariable listed(String service, LiveVariable v, VariableSpec declared, Sensitivity sensitivity) {
        Form form = v.sealed() ? Form.SEALED : !v.readable() ? Form.UNREADABLE
                : References.hasReference(v.value().reveal()) ? Form.REFERENCE : Form.VALUE;
        return new ListedVariable(service, v.name(), declared != null, form, v.value(),
                sensitivity.variable(v.name(), declared, v));
    }
}
