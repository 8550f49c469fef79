package dev.tlctl.spec;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that the spec means on Railway what it says, by Railway's rules for variables; reported
 * as warnings ({@code --strict} makes them errors):
 * <ul>
 *   <li>a service sees a shared variable only through a reference ({@code X: ${{shared.X}}}): a
 *       shared variable that no enabled service references reaches nothing;
 *   <li>Railway renders a reference to something that does not exist as an empty string:
 *       {@code ${{shared.X}}} where the environment declares no X, {@code ${{SERVICE.X}}} naming a
 *       service the spec does not declare or disables there;
 *   <li>a service variable with a value of its own hides the shared variable of the same name;
 *   <li>an environment declared {@code from} another inherits its overlay, secrets included: a secret
 *       inherited from another environment's overlay gives this environment the other's credential.
 * </ul>
 * Each warning names the file and line of the variable, never its value.
 *
 * <p>One rule of Railway's on settings is an error, as Railway refuses the whole commit: a
 * pre-deploy command is one command ("Error in preDeployCommand - Invalid input" for a list of
 * two, issue 16 item 9; docs deployments/pre-deploy-command), so {@code deploy.preDeployCommand}
 * is a string or a one-item list.
 */
final class RailwayRules {
    /**
     * {@code ${{scope.NAME}}} or {@code ${{NAME}}}, with optional spaces, as Railway reads them.
     * Every part is bounded, so that searching a huge value stays linear.
     */
    private static final Pattern REFERENCE = Pattern.compile(
            "\\$\\{\\{\\s{0,16}(?:([^.}\\s]{1,256})\\.)?([A-Za-z_][A-Za-z0-9_]{0,255})\\s{0,16}}}");

    private RailwayRules() {}

    static void check(List<EnvironmentSpec> environments, Map<String, String> overlayEnvironments, Problems problems) {
        check(environments, overlayEnvironments, problems, Set.of());
    }

    /**
     * @param previews the environments templates name: there a reference to a shared variable the
     *     environment does not declare is an error, not a warning (a preview inherits no secret, so
     *     the reference would reach nothing), found before anything is written
     */
    static void check(List<EnvironmentSpec> environments, Map<String, String> overlayEnvironments, Problems problems,
            Set<String> previews) {
        Map<Location, Unreferenced> unreferenced = new LinkedHashMap<>();
        Map<Map<String, VariableSpec>, Boolean> quiet = new IdentityHashMap<>();
        for (EnvironmentSpec env : environments) {
            Set<String> referencedShared = new TreeSet<>();
            boolean preview = previews.contains(env.name());
            for (ServiceInstanceSpec instance : env.services().values()) {
                checkPreDeployCommand(instance, problems);
                if (!instance.enabled() || quiet(instance.variables(), env, overlayEnvironments, quiet)) {
                    continue;
                }
                for (VariableSpec variable : instance.variables().values()) {
                    // Its references found once for every rule (variables can be many).
                    List<Reference> references = references(variable.railwayText());
                    for (Reference r : references) {
                        if ("shared".equals(r.scope())) {
                            referencedShared.add(r.name());
                        }
                    }
                    checkReferences(env, instance.service(), variable, references, problems, preview);
                    checkShadowing(env, instance.service(), variable, references, problems);
                    checkInherited(env, variable, overlayEnvironments, problems);
                }
            }
            for (VariableSpec variable : env.sharedVariables().values()) {
                checkReferences(env, null, variable, references(variable.railwayText()), problems, preview);
                checkInherited(env, variable, overlayEnvironments, problems);
                if (!referencedShared.contains(variable.name())) {
                    unreferenced.computeIfAbsent(variable.location(), l -> new Unreferenced(variable.name(), new ArrayList<>()))
                            .environments().add(env.name());
                }
            }
        }
        unreferenced.forEach((location, u) -> problems.warning(location,
                "shared variable " + u.name() + " reaches no service in " + String.join(" and ", u.environments()),
                "Railway gives a service a shared variable only through a reference: add " + u.name() + ": ${{shared."
                        + u.name() + "}} to the variables of each service that needs it, or remove " + u.name() + "."));
    }

    private record Unreferenced(String name, List<String> environments) {}

    /**
     * Whether no rule can say anything of {@code variables} in {@code env}: none holds a Railway
     * reference or is a secret written in an overlay (known per map, which environments that inherit
     * it share), and none is named like a shared variable of {@code env}. Such a map is skipped, so
     * that environments inheriting thousands of plain values cost a look-up per shared variable.
     */
    private static boolean quiet(Map<String, VariableSpec> variables, EnvironmentSpec env,
            Map<String, String> overlayEnvironments, Map<Map<String, VariableSpec>, Boolean> known) {
        Boolean plain = known.get(variables);
        if (plain == null) {
            plain = true;
            for (VariableSpec variable : variables.values()) {
                String text = variable.railwayText();
                if (text != null && text.contains("${{")
                        || variable.sensitive() && overlayEnvironments.containsKey(variable.location().file())) {
                    plain = false;
                    break;
                }
            }
            known.put(variables, plain);
        }
        if (!plain) {
            return false;
        }
        for (String shared : env.sharedVariables().keySet()) {
            if (variables.containsKey(shared)) {
                return false;
            }
        }
        return true;
    }

    /** More than one pre-deploy command: Railway refuses it, and the whole commit with it. */
    private static void checkPreDeployCommand(ServiceInstanceSpec instance, Problems problems) {
        if (!(instance.settings().get(Settings.DEPLOY_PRE_DEPLOY_COMMAND) instanceof List<?> commands)
                || commands.size() <= 1) {
            return;
        }
        problems.error(instance.locationOf(Settings.DEPLOY_PRE_DEPLOY_COMMAND), instance.service()
                + "'s deploy.preDeployCommand lists " + commands.size() + " commands; Railway runs one",
                "Railway refuses a list of more than one (\"Error in preDeployCommand - Invalid input\"), and the"
                        + " whole commit with it, so nothing of the apply would be written. Give one command, a string"
                        + " (join them with &&, or call a script that runs them in turn).");
    }

    private record Reference(String scope, String name, String text) {}

    private static List<Reference> references(String text) {
        if (text == null || !text.contains("${{")) {
            return List.of(); // most values: no regex
        }
        List<Reference> out = new ArrayList<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            out.add(new Reference(m.group(1), m.group(2), m.group()));
        }
        return out;
    }

    private static void checkReferences(EnvironmentSpec env, String service, VariableSpec variable,
            List<Reference> references, Problems problems, boolean preview) {
        for (Reference r : references) {
            String owner = service == null ? "shared variable " + variable.name() : service + "'s variable " + variable.name();
            if (r.scope() == null) {
                continue; // ${{NAME}}: another variable of the same service
            }
            if (r.scope().equals("shared")) {
                if (!env.sharedVariables().containsKey(r.name()) && preview) {
                    problems.error(variable.location(), owner + " references " + r.text() + ", which the preview "
                            + env.name() + " does not declare", "A preview inherits no secret of " + env.from()
                            + ": declare " + r.name() + " under sharedVariables in its template's overlay (its own"
                            + " value, such as ${env:PREVIEW_" + r.name() + "}), or set inheritSecrets: true on the"
                            + " template. Nothing was written.");
                } else if (!env.sharedVariables().containsKey(r.name())) {
                    problems.warning(variable.location(), owner + " references " + r.text() + ", which "
                            + env.name() + " does not declare", "Railway renders a reference to a missing variable as an"
                            + " empty string. Declare " + r.name() + " under sharedVariables for " + env.name()
                            + ", or fix the name.");
                }
                continue;
            }
            ServiceInstanceSpec target = env.services().get(r.scope());
            if (target == null) {
                String guess = NodeReader.closest(r.scope(), env.services().keySet());
                problems.warning(variable.location(), owner + " references " + r.text() + ", but the spec declares no"
                        + " service " + r.scope(), (guess == null ? "" : "Did you mean \"" + guess + "\"? ")
                        + "Railway renders a reference to a service that does not exist as an empty string. If "
                        + r.scope() + " is a service managed outside this spec (a database from a template), this is"
                        + " expected.");
            } else if (!target.enabled()) {
                problems.warning(variable.location(), owner + " references " + r.text() + ", but " + r.scope()
                        + " is disabled in " + env.name(), "Railway renders a reference to a service that does not"
                        + " run here as an empty string. Enable " + r.scope() + " in " + env.name()
                        + ", or remove the reference.");
            }
        }
    }

    private static void checkShadowing(EnvironmentSpec env, String service, VariableSpec variable, List<Reference> refs,
            Problems problems) {
        if (!env.sharedVariables().containsKey(variable.name())) {
            return;
        }
        String text = variable.railwayText();
        boolean sharesIt = refs.size() == 1 && "shared".equals(refs.get(0).scope())
                && refs.get(0).name().equals(variable.name()) && text.strip().equals(refs.get(0).text());
        if (!sharesIt) {
            problems.warning(variable.location(), service + "'s variable " + variable.name() + " hides the shared"
                    + " variable " + variable.name() + " in " + env.name(), "A service variable with a value of its own"
                    + " wins over the shared one. To share it, write " + variable.name() + ": ${{shared."
                    + variable.name() + "}}; otherwise rename one of them.");
        }
    }

    private static void checkInherited(EnvironmentSpec env, VariableSpec variable, Map<String, String> overlayEnvironments,
            Problems problems) {
        String owner = overlayEnvironments.get(variable.location().file());
        if (!variable.sensitive() || owner == null || owner.equals(env.name())) {
            return;
        }
        problems.warning(variable.location(), env.name() + " inherits the secret " + variable.name() + " from "
                + owner + "'s overlay", env.name() + " is declared from " + env.from() + ", so it would receive "
                + owner + "'s value. Give " + env.name() + " its own value in its overlay, or move a value meant for"
                + " every environment to the base file.");
    }
}
