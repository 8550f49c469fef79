package dev.tlctl.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlctl.spec.BillingSpec.UsageLimitSpec;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.ServiceInstanceSpec;
import dev.tlctl.spec.ServiceSpec;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.SpecException;
import dev.tlctl.spec.VariableSpec;
import java.io.PrintStream;
import java.util.Map;

/**
 * {@code validate --json}: one document, {@code {"formatVersion":1,"valid":true|false,...}}.
 * Sensitive values are never included; non-sensitive values are.
 */
final class JsonValidateView implements ValidateView {
    private final PrintStream out;

    JsonValidateView(PrintStream out) {
        this.out = out;
    }

    @Override
    public void valid(Spec spec) {
        ObjectNode doc = Json.document();
        doc.put("valid", true);
        doc.put("file", spec.file().toString());
        ObjectNode project = doc.putObject("project");
        project.put("name", spec.project().name());
        project.put("workspace", spec.project().workspace());
        project.put("id", spec.project().id());
        ArrayNode services = doc.putArray("services");
        for (ServiceSpec s : spec.services()) {
            services.addObject().put("name", s.name()).put("enabled", s.enabledAnywhere());
        }
        ArrayNode environments = doc.putArray("environments");
        for (EnvironmentSpec env : spec.environments()) {
            ObjectNode e = environments.addObject();
            e.put("name", env.name());
            e.put("from", env.from());
            e.put("default", env.isDefault());
            variables(e.putArray("sharedVariables"), env.sharedVariables());
            ArrayNode instances = e.putArray("services");
            for (ServiceInstanceSpec instance : env.services().values()) {
                ObjectNode i = instances.addObject();
                i.put("name", instance.service());
                i.put("enabled", instance.enabled());
                i.set("settings", Json.MAPPER.valueToTree(instance.settings()));
                variables(i.putArray("variables"), instance.variables());
            }
        }
        UsageLimitSpec limit = spec.billing().usageLimit();
        ObjectNode billing = doc.putObject("billing");
        if (limit == null) {
            billing.putNull("usageLimit");
        } else {
            ObjectNode l = billing.putObject("usageLimit");
            l.put("softLimitDollars", limit.softLimitDollars());
            l.put("hardLimitDollars", limit.hardLimitDollars());
            l.put("scope", "workspace");
        }
        doc.set("warnings", Diagnostics.json(spec.warnings()));
        out.println(Json.write(doc));
    }

    private static void variables(ArrayNode array, Map<String, VariableSpec> variables) {
        for (VariableSpec v : variables.values()) {
            ObjectNode node = array.addObject();
            node.put("name", v.name());
            node.put("sensitive", v.sensitive());
            node.put("sealed", v.sealed());
            if (v.sensitive()) {
                node.putNull("value");
            } else {
                node.put("value", v.value().reveal());
            }
            node.put("reference", v.template());
        }
    }

    @Override
    public void invalid(String file, SpecException problems) {
        ObjectNode doc = Json.document();
        doc.put("valid", false);
        doc.put("file", file);
        doc.set("diagnostics", Diagnostics.json(problems.diagnostics()));
        out.println(Json.write(doc));
    }
}
