package dev.tlctl.cli;

import dev.tlctl.reconcile.ValidateResult;
import dev.tlctl.spec.BillingSpec;
import dev.tlctl.spec.BillingSpec.UsageLimitSpec;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.ServiceInstanceSpec;
import dev.tlctl.spec.Spec;
import dev.tlctl.secret.Shown;
import dev.tlctl.spec.Diagnostic;
import dev.tlctl.spec.VariableSpec;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code validate --json}: one document, {@code {"formatVersion":1,"kind":"validate","valid":...}}.
 * Sensitive values are never included; non-sensitive values are.
 */
final class JsonValidateView implements ValidateView {
    private final PrintStream out;

    JsonValidateView(Terminal terminal) {
        this.out = terminal.out();
    }

    @Override
    public void render(ValidateResult result) {
        if (result.valid()) {
            valid(result.spec(), result.notes());
        } else {
            out.println(Json.write(new Invalid(Json.FORMAT_VERSION, "validate", false, result.file(),
                    Diagnostics.json(result.problems()), Diagnostics.json(result.notes()))));
        }
    }

    record Valid(int formatVersion, String kind, boolean valid, String file, Project project, List<Service> services,
            List<Environment> environments, Billing billing, List<Diagnostics.Entry> warnings,
            List<Diagnostics.Entry> notes) {}

    record Invalid(int formatVersion, String kind, boolean valid, String file, List<Diagnostics.Entry> diagnostics,
            List<Diagnostics.Entry> notes) {}

    record Project(String name, String workspace, String id) {}

    record Service(String name, boolean enabled) {}

    record Environment(String name, String from, @com.fasterxml.jackson.annotation.JsonProperty("default") boolean isDefault,
            List<Variable> sharedVariables, List<Instance> services) {}

    record Instance(String name, boolean enabled, Map<String, Object> settings, List<Variable> variables) {}

    /** A variable: {@code value} null when sensitive; {@code reference} the template it is read from. */
    record Variable(String name, boolean sensitive, boolean sealed, String value, String reference) {}

    record Billing(UsageLimit usageLimit, int warnAtPercent, BillingSpec.PricesSpec prices, List<Guard> guards) {}

    /** An environment's billing guards; a bound null (or sleepApplication false) is not guarded. */
    record Guard(String environment, Integer maxReplicas, boolean sleepApplication, Double maxVCPUs, Double maxMemoryGB,
            Double monthlyBudgetDollars) {}

    record UsageLimit(int softLimitDollars, Integer hardLimitDollars, String scope) {}

    private void valid(Spec spec, List<Diagnostic> notes) {
        UsageLimitSpec limit = spec.billing().usageLimit();
        out.println(Json.write(new Valid(Json.FORMAT_VERSION, "validate", true, spec.file().toString(),
                new Project(spec.project().name(), spec.project().workspace(), spec.project().id()),
                spec.services().stream().map(s -> new Service(s.name(), s.enabledAnywhere())).toList(),
                spec.environments().stream().map(JsonValidateView::environment).toList(),
                new Billing(limit == null ? null
                        : new UsageLimit(limit.softLimitDollars(), limit.hardLimitDollars(), "workspace"),
                        spec.billing().warnAtPercent(), spec.billing().prices(),
                        spec.billing().guards().values().stream().map(g -> new Guard(g.environment(), g.maxReplicas(),
                                g.sleepApplication(), g.maxVCPUs(), g.maxMemoryGB(), g.monthlyBudgetDollars())).toList()),
                Diagnostics.json(spec.warnings()), Diagnostics.json(notes))));
    }

    private static Environment environment(EnvironmentSpec env) {
        return new Environment(env.name(), env.from(), env.isDefault(), variables(env.sharedVariables()),
                env.services().values().stream().map(JsonValidateView::instance).toList());
    }

    private static Instance instance(ServiceInstanceSpec instance) {
        Map<String, Object> settings = new java.util.TreeMap<>();
        instance.settings().forEach((key, value) -> settings.put(key, Shows.json(Shows.value(value, false, true))));
        return new Instance(instance.service(), instance.enabled(), settings, variables(instance.variables()));
    }

    private static List<Variable> variables(Map<String, VariableSpec> variables) {
        return variables.values().stream().map(v -> {
            Shown shown = Shows.value(v.value(), v.sensitive(), true);
            return new Variable(v.name(), v.sensitive(), v.sealed(), shown.isText() ? shown.text() : null, v.template());
        }).toList();
    }
}
