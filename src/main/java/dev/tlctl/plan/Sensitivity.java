package dev.tlctl.plan;

import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveVariable;
import dev.tlctl.secret.SecretText;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.ServiceInstanceSpec;
import dev.tlctl.spec.VariableSpec;
import dev.tlctl.spec.VariableSpec.RailwayReference;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Whether a variable's values must never be shown: the one rule of plans and audits, from what
 * the spec declares and what Railway holds. A variable is a secret when the spec says so (see
 * {@link VariableSpec#sensitive()}), when Railway seals it, when its name or either side's
 * content says so ({@link SecretText}), and when Railway holds a value of its own where the spec
 * declares a reference to a secret (staging's {@code ${{shared.DATABASE_URL}}} overwritten with
 * production's URL is production's secret). A variable deleted keeps this classification.
 *
 * @param env the environment as the spec declares it; null when it does not
 * @param live the environment as Railway holds it; null when it does not exist
 * @param project the live project, for references to another service; null when none
 * @param content whether a value's content is a secret: {@link SecretText#looksSecret(String)},
 *     or the same remembered per text by a caller that classifies many values
 */
public record Sensitivity(EnvironmentSpec env, LiveEnvironment live, LiveProject project, Predicate<String> content) {

    /** The rule for variables of {@code env}. */
    public static Sensitivity in(EnvironmentSpec env, LiveEnvironment live, LiveProject project) {
        return new Sensitivity(env, live, project, SecretText::looksSecret);
    }

    /**
     * The same rule, each value's content classified once however many variables (of however many
     * environments, for a caller keeping {@code seen}) hold the same text.
     *
     * @param seen texts classified so far, and whether each is a secret
     */
    public static Sensitivity remembering(EnvironmentSpec env, LiveEnvironment live, LiveProject project,
            Map<String, Boolean> seen) {
        return new Sensitivity(env, live, project, text -> seen.computeIfAbsent(text, SecretText::looksSecret));
    }

    /** A variable as the spec declares it (may be null) and Railway holds it (may be null). */
    public boolean variable(String name, VariableSpec declared, LiveVariable held) {
        if (declared != null && declared.sensitive()) {
            return true;
        }
        if (held != null && declared != null && declared.value() != null && held.readable()
                && held.value().equals(declared.value())) {
            // Railway holds the spec's own value, whose content the spec's reading found no secret in (a
            // declared value is sensitive whenever SecretText.looksSecret finds one: VariableReader): only
            // the held variable's own marks are left to ask (values can be many; no content scan each).
            return held.sealed() || SecretText.nameLooksSecret(held.name());
        }
        if (held != null && held(held)) {
            return true;
        }
        if (declared == null) {
            return SecretText.nameLooksSecret(name);
        }
        return held != null && held.readable() && !held.value().equals(declared.value()) && referencesSecret(declared);
    }

    /** A live variable on its own: sealed, or a secret by its name or content. */
    public static boolean of(LiveVariable held) {
        return held.sealed() || SecretText.looksSecret(held.name(), held.readable() ? held.value().reveal() : null);
    }

    /** {@link #of}, the content classified by this rule's {@code content}. */
    private boolean held(LiveVariable held) {
        return held.sealed() || SecretText.nameLooksSecret(held.name()) || held.readable() && content.test(held.value().reveal());
    }

    /**
     * Whether the declared value reads a secret through a Railway reference: a shared variable or
     * another service's variable that is one, or a service the spec and the project do not know
     * (a database from a template, whose variables are credentials).
     */
    private boolean referencesSecret(VariableSpec declared) {
        for (RailwayReference ref : declared.railwayReferences()) {
            if (ref.shared() ? sharedSecret(ref.name()) : serviceSecret(ref.namespace(), ref.name())) {
                return true;
            }
        }
        return false;
    }

    private boolean sharedSecret(String name) {
        VariableSpec declared = env == null ? null : env.sharedVariables().get(name);
        LiveVariable held = live == null ? null : live.sharedVariables().get(name);
        return declared != null && declared.sensitive() || held != null && held(held) || SecretText.nameLooksSecret(name);
    }

    private boolean serviceSecret(String service, String name) {
        ServiceInstanceSpec instance = env == null ? null : env.service(service).orElse(null);
        VariableSpec declared = instance == null ? null : instance.variables().get(name);
        LiveService liveService = project == null ? null : project.service(service).orElse(null);
        LiveVariable held = liveService == null || live == null ? null
                : live.instance(liveService.id()).map(i -> i.variables().get(name)).orElse(null);
        if (instance == null && liveService == null) {
            return true;
        }
        return declared != null && declared.sensitive() || held != null && held(held) || SecretText.nameLooksSecret(name);
    }
}
