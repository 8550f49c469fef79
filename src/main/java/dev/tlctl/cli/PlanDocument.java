package dev.tlctl.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlctl.plan.Action;
import dev.tlctl.plan.Address;
import dev.tlctl.plan.Change;
import dev.tlctl.plan.EnvironmentTarget;
import dev.tlctl.plan.Plan;
import dev.tlctl.plan.PlanTarget;
import dev.tlctl.plan.UsageLimitValue;
import dev.tlctl.plan.Unmanaged;
import dev.tlctl.reconcile.PlanResult;
import dev.tlctl.reconcile.Version;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The public plan document: what {@code plan --json} prints and {@code apply --json} sends as its
 * first event, {@code formatVersion} 1. Secret values are never in it; other variable values unless
 * {@code --hide-values}. (A plan saved with {@code --out} is another format, for tlctl only.)
 */
record PlanDocument(
        int formatVersion,
        String kind,
        String tlctl,
        String createdAt,
        String endpoint,
        Options options,
        Project project,
        List<Environment> environments,
        Map<String, String> services,
        List<ChangeEntry> changes,
        List<UnmanagedEntry> unmanaged,
        List<DeployEntry> deploys,
        List<String> notes,
        List<String> uncompared,
        List<Diagnostics.Entry> warnings,
        Summary summary,
        List<CostEntry> costs) {

    /** What the plan changes in one environment's monthly cost; {@code monthlyDollars} null when not known. */
    record CostEntry(String environment, Double monthlyDollars, List<String> reasons, String text) {}

    /** What the plan was made for. */
    record Options(boolean prune, List<String> environments) {}

    record Project(String name, String id, String workspaceId, String workspaceName, String customerId) {}

    record Environment(String name, String id, String configEtag, boolean exists, boolean fork,
            @JsonProperty("default") boolean isDefault) {}

    /**
     * One change; {@code origin} is "tlctl" (sent) or "railway" (a consequence Railway makes);
     * {@code createdByTlctl} marks a deletion of something tlctl created that the spec dropped.
     */
    record ChangeEntry(String address, String kind, String environment, String service, String name, String action,
            String origin, boolean sensitive, boolean sealed, boolean createdByTlctl, String note, JsonNode before,
            JsonNode after) {}

    record UnmanagedEntry(String address, String kind, String environment, String service, String name, String note,
            boolean prunable) {}

    /** The service instances an environment's commit deploys. */
    record DeployEntry(String environment, List<String> services) {}

    /** Counts of what tlctl sends, and of what Railway makes as a consequence. */
    record Summary(long create, long update, long delete, long byRailway) {}

    static PlanDocument of(PlanResult result, boolean showValues) {
        Plan plan = result.plan();
        PlanTarget t = plan.target();
        return new PlanDocument(Json.FORMAT_VERSION, "plan", Version.current(), result.createdAt().toString(),
                result.endpoint(), new Options(result.prune(), result.environments()),
                new Project(t.projectName(), t.projectId(), t.workspaceId(), t.workspaceName(), t.customerId()),
                t.environments().stream().map(PlanDocument::environment).toList(),
                t.serviceIds(),
                plan.changes().stream().map(c -> change(c, plan.isOwned(c), showValues)).toList(),
                plan.unmanaged().stream().map(PlanDocument::unmanaged).toList(),
                plan.deploys().stream().map(d -> new DeployEntry(d.environment(), d.services())).toList(),
                plan.notes(),
                plan.uncompared(),
                Diagnostics.json(result.warnings()),
                new Summary(plan.count(Action.CREATE), plan.count(Action.UPDATE), plan.count(Action.DELETE),
                        plan.consequences()),
                result.costs().stream().map(l -> new CostEntry(l.environment(), l.monthlyDollars(), l.reasons(),
                        l.text())).toList());
    }

    private static Environment environment(EnvironmentTarget e) {
        return new Environment(e.name(), e.id(), e.configEtag(), e.exists(), e.fork(), e.isDefault());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static ChangeEntry change(Change c, boolean owned, boolean showValues) {
        Address a = c.address();
        JsonNode before = null;
        JsonNode after = null;
        boolean sealed = false;
        if (c instanceof Change.Setting s) {
            before = Shows.json(Shows.value(s.before(), false, true));
            after = Shows.json(Shows.value(s.after(), false, true));
        } else if (c instanceof Change.UsageLimit u) {
            before = limit(u.before());
            after = limit(u.after());
        } else if (c instanceof Change.PullRequests p) {
            before = p.before() == null ? null : Json.MAPPER.valueToTree(p.before().json());
            after = Json.MAPPER.valueToTree(p.after().json());
        } else if (c instanceof Change.Project p) {
            after = JsonNodeFactory.instance.textNode(p.name());
        } else if (c instanceof Change.Volume v) {
            after = JsonNodeFactory.instance.objectNode().put("mountPath", v.mountPath());
        } else if (c instanceof Change.Domain d) {
            before = d.action() == Action.CREATE ? null : domain(d.domain(), d.beforePort());
            after = d.action() == Action.DELETE ? null : domain(d.domain(), d.afterPort());
        } else if (c instanceof Change.Variable v) {
            sealed = v.sealed();
            before = Shows.json(Shows.value(v.before(), v.sensitive(), showValues));
            after = Shows.json(Shows.value(v.after(), v.sensitive(), showValues));
        }
        return new ChangeEntry(a.text(), lower(a.kind()), a.environment(), a.service(), a.name(), lower(c.action()),
                lower(c.origin()), c.sensitive(), sealed, owned, c.note(), nullIfNull(before), nullIfNull(after));
    }

    private static JsonNode nullIfNull(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    /** A domain as {@code {"domain": name or null before Railway generates it, "targetPort": port or null}}. */
    private static JsonNode domain(String name, Integer port) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("domain", name);
        node.put("targetPort", port);
        return node;
    }

    static JsonNode limit(UsageLimitValue value) {
        if (value == null) {
            return null;
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("softLimitDollars", value.soft());
        if (value.hard() == null) {
            node.putNull("hardLimitDollars");
        } else {
            node.put("hardLimitDollars", value.hard());
        }
        return node;
    }

    private static UnmanagedEntry unmanaged(Unmanaged u) {
        Address a = u.address();
        return new UnmanagedEntry(a.text(), lower(a.kind()), a.environment(), a.service(), a.name(), u.note(), u.prunable());
    }
}
