package dev.tlctl.cli;

import dev.tlctl.audit.Money;
import dev.tlctl.reconcile.ValidateResult;
import dev.tlctl.spec.BillingSpec;
import dev.tlctl.spec.BillingSpec.UsageLimitSpec;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.ServiceInstanceSpec;
import dev.tlctl.spec.ServiceSpec;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.VariableSpec;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The human summary of a valid spec (stdout), or its diagnostics (stderr). */
final class HumanValidateView implements ValidateView {
    private final PrintStream out;
    private final PrintStream err;
    private final Style style;

    HumanValidateView(Terminal terminal) {
        this.out = terminal.out();
        this.err = terminal.err();
        this.style = terminal.style();
    }

    @Override
    public void render(ValidateResult result) {
        if (result.valid()) {
            Diagnostics.print(err, style, result.spec().warnings());
            Diagnostics.print(err, style, result.notes());
            valid(result.spec());
        } else {
            Diagnostics.print(err, style, result.notes());
            Diagnostics.printSummary(err, style, result.file(), result.problems());
        }
    }

    private void valid(Spec spec) {
        out.println(style.green(spec.file() + " is valid."));
        out.println();
        out.println("Project      " + spec.project().name()
                + (spec.project().id() == null ? "" : " (id " + spec.project().id() + ")"));
        out.println("Workspace    " + (spec.project().workspace() == null ? "the token's only workspace" : spec.project().workspace()));
        UsageLimitSpec limit = spec.billing().usageLimit();
        out.println("Usage limit  " + (limit == null ? "not managed"
                : "soft $" + limit.softLimitDollars() + " (email alert)"
                        + (limit.hardLimitDollars() == null ? ", no hard limit" : ", hard $" + limit.hardLimitDollars() + " (stops services)")
                        + "; workspace-wide on Railway"));
        for (BillingSpec.GuardSpec guard : spec.billing().guards().values()) {
            out.println("Guards       " + guard.environment() + ": " + guard(guard));
        }
        out.println();
        out.println(style.bold("Services"));
        for (ServiceSpec service : spec.services()) {
            List<String> where = new ArrayList<>();
            for (EnvironmentSpec env : spec.environments()) {
                ServiceInstanceSpec instance = env.services().get(service.name());
                if (instance != null && instance.enabled()) {
                    where.add(env.name());
                }
            }
            out.println("  " + pad(service.name(), 20) + (where.isEmpty() ? "disabled (not created)" : "in " + String.join(", ", where)));
        }
        for (EnvironmentSpec env : spec.environments()) {
            out.println();
            out.println(style.bold(env.name()) + (env.isDefault() ? " (default environment)" : "")
                    + (env.from() == null ? "" : " (inherits " + env.from() + "'s declaration; created empty on Railway)"));
            printVariables("shared", env.sharedVariables());
            for (ServiceInstanceSpec instance : env.services().values()) {
                if (!instance.enabled()) {
                    continue;
                }
                out.println("  " + pad(instance.service(), 18) + instance.settings().size() + " settings");
                printVariables(instance.service(), instance.variables());
            }
        }
    }

    /** "at most 1 replica, sleeping when idle, 1 vCPU and 1 GB per replica, $30 a month". */
    private static String guard(BillingSpec.GuardSpec g) {
        List<String> parts = new ArrayList<>();
        if (g.maxReplicas() != null) {
            parts.add("at most " + g.maxReplicas() + (g.maxReplicas() == 1 ? " replica" : " replicas") + " per service");
        }
        if (g.sleepApplication()) {
            parts.add("services sleep when idle");
        }
        if (g.maxVCPUs() != null) {
            parts.add("at most " + Money.number(g.maxVCPUs()) + " vCPU per replica");
        }
        if (g.maxMemoryGB() != null) {
            parts.add("at most " + Money.number(g.maxMemoryGB()) + " GB per replica");
        }
        if (g.monthlyBudgetDollars() != null) {
            parts.add("at most " + Money.plain(g.monthlyBudgetDollars()) + " a month");
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private void printVariables(String scope, Map<String, VariableSpec> variables) {
        int width = variables.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (VariableSpec v : variables.values()) {
            // Resolved values go through the one display decision; an unresolved one shows where it comes from.
            String value = v.resolved() ? Shows.value(v.value(), v.sensitive(), true).text() : "(not read)";
            if (v.template() != null) {
                value += "  " + style.dim("from " + v.template());
            }
            if (v.sealed()) {
                value += "  " + style.dim("sealed");
            }
            out.println("  " + pad(scope, 18) + pad(v.name(), width + 2) + value);
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
