package dev.tlctl.reconcile;

import dev.tlctl.plan.Address;
import dev.tlctl.reconcile.ReconcileException.Kind;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.ServiceInstanceSpec;
import dev.tlctl.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code --replace ADDRESS}: each must name a variable or a setting the spec declares in an
 * environment of the run, as the plan prints them ({@code staging/engine-api/variable/API_TOKEN},
 * {@code staging/variable/DATABASE_URL}, {@code staging/engine-api/setting/deploy.numReplicas}).
 */
final class Replacements {
    private Replacements() {}

    /** Throws a usage error naming every address the run's spec does not declare. */
    static void check(Set<String> replace, Spec spec) {
        if (replace.isEmpty()) {
            return;
        }
        Set<String> declared = declared(spec);
        List<String> unknown = replace.stream().filter(a -> !declared.contains(a)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new ReconcileException(Kind.USAGE, "--replace names " + String.join(", ", unknown)
                    + ", which the spec does not declare in the environments of this run",
                    "--replace takes the address of a variable or a setting, as tlctl plan prints it, such as "
                            + example(declared) + ". Nothing was changed.");
        }
    }

    private static Set<String> declared(Spec spec) {
        Set<String> out = new TreeSet<>();
        for (EnvironmentSpec env : spec.environments()) {
            env.sharedVariables().keySet().forEach(n -> out.add(Address.variable(env.name(), null, n).text()));
            for (ServiceInstanceSpec instance : env.services().values()) {
                if (instance.enabled()) {
                    instance.variables().keySet().forEach(n -> out.add(Address.variable(env.name(), instance.service(), n).text()));
                    instance.settings().keySet().forEach(k -> out.add(Address.setting(env.name(), instance.service(), k).text()));
                }
            }
        }
        return out;
    }

    private static String example(Set<String> declared) {
        List<String> some = new ArrayList<>(declared).stream().filter(a -> a.contains("/variable/")).limit(1).toList();
        return some.isEmpty() ? "staging/engine-api/variable/API_TOKEN" : some.get(0);
    }
}
