package dev.tlctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlctl.plan.Action;
import dev.tlctl.plan.Address;
import dev.tlctl.plan.Change;
import dev.tlctl.plan.EnvironmentTarget;
import dev.tlctl.plan.InstancePlan;
import dev.tlctl.plan.Plan;
import dev.tlctl.plan.PlanTarget;
import dev.tlctl.plan.Unmanaged;
import dev.tlctl.plan.UsageLimitValue;
import dev.tlctl.secret.Fingerprint;
import dev.tlctl.secret.Secret;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.VariableSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plan as one versioned JSON document: what {@code plan --json} prints and what
 * {@code plan --out FILE} saves. Secret values are never in it. A saved plan holds, for every
 * variable it writes, a salted fingerprint instead of the value: {@code apply PLANFILE}
 * re-resolves the values from the spec and refuses any whose fingerprint no longer matches. A
 * saved plan also holds the settings context of the instances it changes.
 */
final class PlanDocument {
    static final String KIND = "plan";

    /** What to include: non-secret variable values, and what a saved plan needs. */
    record Options(boolean showValues, boolean saved, String endpoint, boolean prune, List<String> environments,
            Instant createdAt) {}

    private PlanDocument() {}

    static ObjectNode write(Plan plan, Options options) {
        ObjectNode doc = Json.document();
        doc.put("kind", KIND);
        doc.put("tlctl", VersionProvider.version());
        doc.put("createdAt", options.createdAt().toString());
        doc.put("endpoint", options.endpoint());
        ObjectNode opts = doc.putObject("options");
        opts.put("prune", options.prune());
        ArrayNode envNames = opts.putArray("environments");
        options.environments().forEach(envNames::add);
        PlanTarget t = plan.target();
        ObjectNode project = doc.putObject("project");
        project.put("name", t.projectName());
        project.put("id", t.projectId());
        project.put("workspaceId", t.workspaceId());
        project.put("workspaceName", t.workspaceName());
        project.put("customerId", t.customerId());
        ArrayNode environments = doc.putArray("environments");
        for (EnvironmentTarget e : t.environments()) {
            environments.addObject().put("name", e.name()).put("id", e.id()).put("configEtag", e.configEtag())
                    .put("from", e.from()).put("exists", e.exists()).put("fork", e.fork()).put("default", e.isDefault());
        }
        ObjectNode services = doc.putObject("services");
        t.serviceIds().forEach(services::put);
        ArrayNode changes = doc.putArray("changes");
        byte[] salt = Fingerprint.newSalt();
        for (Change c : plan.changes()) {
            ObjectNode node = changes.addObject();
            address(node, c.address());
            node.put("action", c.action().name().toLowerCase(Locale.ROOT));
            node.put("sensitive", c.sensitive());
            node.put("sealed", c.sealed());
            node.put("note", c.note());
            boolean variable = c.address().isVariable();
            boolean reveal = !variable || (options.showValues() && !c.sensitive() && !options.saved());
            node.set("before", reveal ? value(c.before()) : null);
            node.set("after", reveal ? value(c.after()) : null);
            if (options.saved() && variable && c.after() instanceof Secret s) {
                node.put("afterFingerprint", s.fingerprint(salt).text());
            }
        }
        ArrayNode unmanaged = doc.putArray("unmanaged");
        for (Unmanaged u : plan.unmanaged()) {
            ObjectNode node = unmanaged.addObject();
            address(node, u.address());
            node.put("note", u.note());
            node.put("prunable", u.prunable());
        }
        ArrayNode notes = doc.putArray("notes");
        plan.notes().forEach(notes::add);
        ObjectNode summary = doc.putObject("summary");
        summary.put("create", plan.count(Action.CREATE));
        summary.put("update", plan.count(Action.UPDATE));
        summary.put("delete", plan.count(Action.DELETE));
        if (options.saved()) {
            ArrayNode instances = doc.putArray("instances");
            for (InstancePlan i : plan.instances()) {
                ObjectNode node = instances.addObject();
                node.put("environment", i.environment());
                node.put("service", i.service());
                node.put("create", i.create());
                node.set("prior", Json.MAPPER.valueToTree(i.prior()));
                node.set("desired", Json.MAPPER.valueToTree(i.desired()));
            }
        }
        return doc;
    }

    private static void address(ObjectNode node, Address a) {
        node.put("address", a.text());
        node.put("kind", a.kind().name().toLowerCase(Locale.ROOT));
        node.put("environment", a.environment());
        node.put("service", a.service());
        node.put("name", a.name());
    }

    private static JsonNode value(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Secret s) {
            return Json.MAPPER.getNodeFactory().textNode(s.reveal());
        }
        if (value instanceof UsageLimitValue u) {
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.put("softLimitDollars", u.soft());
            node.put("hardLimitDollars", u.hard());
            return node;
        }
        return Json.MAPPER.valueToTree(value);
    }

    /** The endpoint a saved plan was made against (a URL, or the sandbox's state file). */
    static String endpoint(JsonNode doc) {
        return doc.path("endpoint").asText(null);
    }


    /**
     * Reads a saved plan back, taking every variable's value from {@code spec} and checking it
     * against the saved fingerprint. Throws a {@link CliException} (exit 1) naming what is wrong.
     */
    static Plan read(JsonNode doc, Spec spec, String file) {
        if (doc.path("formatVersion").asInt(-1) != Json.FORMAT_VERSION || !KIND.equals(doc.path("kind").asText())) {
            throw new CliException(ExitCodes.ERROR, file + " is not a tlctl plan (formatVersion "
                    + Json.FORMAT_VERSION + ")", "Save a plan with: tlctl plan --out " + file);
        }
        JsonNode p = doc.path("project");
        List<EnvironmentTarget> environments = new ArrayList<>();
        for (JsonNode e : doc.path("environments")) {
            environments.add(new EnvironmentTarget(e.path("name").asText(), text(e, "id"), text(e, "configEtag"),
                    text(e, "from"), e.path("exists").asBoolean(), e.path("fork").asBoolean(), e.path("default").asBoolean()));
        }
        Map<String, String> serviceIds = new LinkedHashMap<>();
        doc.path("services").fields().forEachRemaining(f -> serviceIds.put(f.getKey(), f.getValue().asText()));
        PlanTarget target = new PlanTarget(p.path("name").asText(), text(p, "id"), text(p, "workspaceId"),
                text(p, "workspaceName"), text(p, "customerId"), environments, serviceIds);
        List<Change> changes = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (JsonNode c : doc.path("changes")) {
            Address address = new Address(Address.Kind.valueOf(c.path("kind").asText().toUpperCase(Locale.ROOT)),
                    text(c, "environment"), text(c, "service"), text(c, "name"));
            Action action = Action.valueOf(c.path("action").asText().toUpperCase(Locale.ROOT));
            Object before = address.isVariable() ? null : fromJson(c.get("before"), address);
            Object after = address.isVariable() ? null : fromJson(c.get("after"), address);
            if (address.isVariable() && action != Action.DELETE) {
                VariableSpec variable = variableIn(spec, address);
                String fingerprint = text(c, "afterFingerprint");
                if (variable == null) {
                    stale.add(address + " is no longer in the spec");
                    continue;
                }
                if (fingerprint == null || !Fingerprint.parse(fingerprint).matches(variable.value())) {
                    stale.add("the value of " + address + " changed since the plan was made");
                    continue;
                }
                after = variable.value();
            }
            changes.add(new Change(address, action, before, after, c.path("sensitive").asBoolean(),
                    c.path("sealed").asBoolean(), text(c, "note")));
        }
        if (!stale.isEmpty()) {
            throw new CliException(ExitCodes.ERROR, "the saved plan " + file + " no longer matches the spec",
                    String.join("\n", stale) + "\nMake a new plan: tlctl plan --out " + file);
        }
        List<Unmanaged> unmanaged = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        doc.path("notes").forEach(n -> notes.add(n.asText()));
        List<InstancePlan> instances = new ArrayList<>();
        for (JsonNode i : doc.path("instances")) {
            String env = i.path("environment").asText();
            String service = i.path("service").asText();
            instances.add(new InstancePlan(env, service, i.path("create").asBoolean(),
                    settings(i.path("prior")), settings(i.path("desired"))));
        }
        return new Plan(target, changes, unmanaged, notes, instances);
    }

    private static VariableSpec variableIn(Spec spec, Address address) {
        EnvironmentSpec env = spec.environment(address.environment()).orElse(null);
        if (env == null) {
            return null;
        }
        if (address.kind() == Address.Kind.SHARED_VARIABLE) {
            return env.sharedVariables().get(address.name());
        }
        return env.service(address.service()).map(s -> s.variables().get(address.name())).orElse(null);
    }

    private static TreeMap<String, Object> settings(JsonNode node) {
        TreeMap<String, Object> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), scalar(e.getValue()));
        }
        return out;
    }

    private static Object fromJson(JsonNode node, Address address) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (address.kind() == Address.Kind.USAGE_LIMIT) {
            JsonNode hard = node.get("hardLimitDollars");
            return new UsageLimitValue(node.path("softLimitDollars").asInt(), hard == null || hard.isNull() ? null : hard.asInt());
        }
        return scalar(node);
    }

    /** Settings values as the spec types them: Long, Double, Boolean, String, List of String. */
    private static Object scalar(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isArray()) {
            List<String> list = new ArrayList<>();
            node.forEach(n -> list.add(n.asText()));
            return List.copyOf(list);
        }
        return node.asText();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
