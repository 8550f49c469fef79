package dev.tlctl.audit;

import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.live.LiveVariable;
import dev.tlctl.plan.Address;
import dev.tlctl.plan.Sensitivity;
import dev.tlctl.secret.Fingerprint;
import dev.tlctl.secret.Secret;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.ServiceInstanceSpec;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.VariableSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Secrets one environment holds with the same value as another's, at any address: staging's
 * database URL pointing at production's. Values are compared by keyed fingerprints under a key
 * that dies with the call, never kept; values holding Railway references are skipped (Railway
 * renders them per environment). A match is declared when the spec writes the same source for
 * both (a value meant for every environment). {@code drift --compare} and {@code drift} report
 * them as risks.
 */
final class SameSecrets {
    /** One secret of {@code right} equal to one of {@code left}. */
    record Match(Address left, Address right, boolean declared) {
        String detail() {
            return right.text() + " holds the same secret value as " + left.text()
                    + (declared ? " (the spec declares the same source for both)" : "");
        }
    }

    private SameSecrets() {}

    /**
     * An environment's secrets by the fingerprint of their value under a key of the caller's (one
     * per run, never stored): found once per environment however many others it is compared with.
     */
    static final class Index {
        private final String environment;
        private final Map<Fingerprint, List<Address>> byValue = new LinkedHashMap<>();

        private Index(String environment) {
            this.environment = environment;
        }
    }

    /**
     * @param spec the spec as declared (every environment, references unresolved)
     * @param seen value texts classified so far (secret by content or not), shared by the indexes of a run:
     *     environments often hold the same values
     */
    static Index index(Spec spec, LiveProject project, LiveEnvironment env, byte[] key, Map<String, Boolean> seen) {
        Index index = new Index(env.name());
        Function<String, Fingerprint> fingerprint = Fingerprint.under(key);
        for (Map.Entry<Address, Secret> secret : secrets(spec, project, env, seen)) {
            index.byValue.computeIfAbsent(fingerprint.apply(secret.getValue().reveal()), k -> new ArrayList<>())
                    .add(secret.getKey());
        }
        return index;
    }

    /** @param spec the spec as declared (every environment, references unresolved) */
    static List<Match> between(Spec spec, LiveProject project, LiveEnvironment left, LiveEnvironment right) {
        byte[] key = Fingerprint.newSalt();
        Map<String, Boolean> seen = new HashMap<>();
        return between(spec, index(spec, project, left, key, seen), index(spec, project, right, key, seen));
    }

    /** Every secret of {@code right} equal to one of {@code left} (both indexed under one key). */
    static List<Match> between(Spec spec, Index left, Index right) {
        List<Match> out = new ArrayList<>();
        right.byValue.forEach((fingerprint, addresses) -> {
            for (Address address : addresses) {
                for (Address other : left.byValue.getOrDefault(fingerprint, List.of())) {
                    String leftText = text(variable(spec, left.environment, other.service(), other.name()));
                    boolean declared = leftText != null
                            && leftText.equals(text(variable(spec, right.environment, address.service(), address.name())));
                    out.add(new Match(other, address, declared));
                }
            }
        });
        return out;
    }

    /**
     * The readable secret values of an environment with their addresses, each address once (the
     * later value of one address wins, in the place of its first), by the address's text (an
     * address's record hash costs more to set up than the few secrets a run finds).
     */
    private static Collection<Map.Entry<Address, Secret>> secrets(Spec spec, LiveProject project,
            LiveEnvironment env, Map<String, Boolean> seen) {
        EnvironmentSpec declared = environment(spec, env.name());
        Sensitivity sensitivity = Sensitivity.remembering(declared, env, project, seen);
        Map<String, Map.Entry<Address, Secret>> out = new LinkedHashMap<>();
        for (LiveService service : project.services()) {
            LiveServiceInstance instance = env.instance(service.id()).orElse(null);
            if (instance == null) {
                continue;
            }
            // The spec's instance found once per service, not per variable (variables can be many).
            Map<String, VariableSpec> variables = declared == null ? Map.of() : declared.service(service.name())
                    .filter(ServiceInstanceSpec::enabled).map(ServiceInstanceSpec::variables).orElse(Map.of());
            for (LiveVariable v : instance.variables().values()) {
                if (secretValue(v, sensitivity, variables.get(v.name()))) {
                    put(out, Address.variable(env.name(), service.name(), v.name()), v.value());
                }
            }
        }
        Map<String, VariableSpec> shared = declared == null ? Map.of() : declared.sharedVariables();
        env.sharedVariables().values().forEach(v -> {
            if (secretValue(v, sensitivity, shared.get(v.name()))) {
                put(out, Address.variable(env.name(), null, v.name()), v.value());
            }
        });
        return out.values();
    }

    private static void put(Map<String, Map.Entry<Address, Secret>> out, Address address, Secret value) {
        out.put(address.text(), Map.entry(address, value));
    }

    /** A readable, non-empty secret without a reference; the cheap tests first (values can be many). */
    private static boolean secretValue(LiveVariable v, Sensitivity sensitivity, VariableSpec declared) {
        return v.readable() && !v.value().isEmpty() && sensitivity.variable(v.name(), declared, v)
                && !References.hasReference(v.value().reveal());
    }

    /** An environment as the spec declares it; null when it does not. */
    static EnvironmentSpec environment(Spec spec, String env) {
        return spec.environments().stream().filter(e -> e.name().equals(env)).findFirst().orElse(null);
    }

    /** A variable as the spec declares it in an environment (a shared one when {@code service} is null); null when it does not. */
    static VariableSpec variable(Spec spec, String env, String service, String name) {
        EnvironmentSpec declared = environment(spec, env);
        if (declared == null) {
            return null;
        }
        if (service == null) {
            return declared.sharedVariables().get(name);
        }
        return declared.service(service).filter(ServiceInstanceSpec::enabled).map(i -> i.variables().get(name)).orElse(null);
    }

    /** What the spec writes for a variable ({@code ${env:X}} unresolved), compared in memory, never shown. */
    static String text(VariableSpec v) {
        if (v == null) {
            return null;
        }
        return v.template() != null ? v.template() : v.value() == null ? null : v.value().reveal();
    }
}
