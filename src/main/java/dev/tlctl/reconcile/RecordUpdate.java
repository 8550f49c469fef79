package dev.tlctl.reconcile;

import dev.tlctl.apply.ApplyResult;
import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.live.LiveVariable;
import dev.tlctl.plan.Action;
import dev.tlctl.plan.Address;
import dev.tlctl.plan.Change;
import dev.tlctl.plan.EnvironmentTarget;
import dev.tlctl.plan.Origin;
import dev.tlctl.plan.Plan;
import dev.tlctl.plan.Values;
import dev.tlctl.railway.EnvironmentPatch;
import dev.tlctl.secret.RecordKey;
import dev.tlctl.secret.Secret;
import dev.tlctl.secret.Witness;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.ServiceInstanceSpec;
import dev.tlctl.spec.VariableSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each environment of a run should record after an apply (or a run with nothing to apply),
 * and the patch that writes it where it is not what Railway holds already. A value is recorded
 * when tlctl wrote it in this apply (and, where the apply was read back, Railway holds it), or
 * when Railway held the spec's value where the record had nothing; a value the plan did not
 * change keeps what the record said (so that an apply costs one HMAC per value it writes, not per
 * value it manages).
 * What tlctl created (the environment, services, instances, variables, domains) stays recorded while it
 * exists. Environments where changes are staged in Railway and this apply wrote nothing are left
 * alone: a commit there could commit what someone staged.
 */
final class RecordUpdate {
    private static final byte[] NO_FINGERPRINT = new byte[0];

    /** One environment's new record and the patch that writes it. */
    record Write(String environment, String environmentId, SharedRecord record, EnvironmentPatch patch) {}

    private final PlanResult planned;
    private final SharedRecords records;
    private final ApplyResult result;
    private final LiveProject after;
    private final RecordKey key;
    /** Fingerprints worked out while Railway carried out the apply (a cache: {@link Prefingerprints}). */
    private final Prefingerprints prepared;
    /**
     * The changes applied, by environment (null for project-wide ones), each environment's by its
     * address relative to the environment (the whole address for project-wide ones): each
     * environment's bookkeeping looks at its own, not at every change of the apply (changes can be
     * many), and by the relative address its values are recorded under.
     */
    private final Map<String, Map<String, Change>> appliedIn = new HashMap<>();
    /** By environment, its instances by service name: looked up once per value, so found once. */
    private final Map<String, Map<String, LiveServiceInstance>> instances = new ConcurrentHashMap<>();
    /**
     * The services tlctl created that still exist: the same in every environment's record, found
     * once (before the environments are worked on side by side).
     */
    private volatile Map<String, String> services;

    private RecordUpdate(PlanResult planned, SharedRecords records, ApplyResult result, LiveProject after, RecordKey key,
            Prefingerprints prepared) {
        this.planned = planned;
        this.records = records;
        this.result = result;
        this.after = after;
        this.key = key;
        this.prepared = prepared;
        if (result != null) {
            Plan plan = planned.plan();
            for (Change c : result.applied()) {
                String env = c.environment();
                Map<String, Change> in = appliedIn.get(env);
                if (in == null) {
                    in = new LinkedHashMap<>(capacity(env == null ? 0 : plan.changesIn(env).size()));
                    appliedIn.put(env, in);
                }
                in.put(within(c), c);
            }
        }
    }

    /**
     * @param result what the apply did; null when there was nothing to apply
     * @param after the project as read back after the apply (records taken out); null when not read
     * @param prepared fingerprints worked out beforehand ({@link Prefingerprints#NONE}: none)
     */
    static List<Write> of(PlanResult planned, SharedRecords records, ApplyResult result, LiveProject after, RecordKey key,
            Prefingerprints prepared) {
        return new RecordUpdate(planned, records, result, after, key, prepared).writes();
    }

    /**
     * The fingerprints of the values the spec declares in an environment at the addresses
     * {@code relatives} (those the plan writes there), under {@code key} in the scope
     * {@code environmentId}: what {@link #values} hashes after an apply that wrote them, worked
     * out beforehand by {@link Prefingerprints}.
     */
    static Map<String, Prefingerprints.Prepared> prefingerprints(EnvironmentSpec spec, String environmentId,
            Set<String> relatives, RecordKey key) {
        Map<String, Prefingerprints.Prepared> out = new HashMap<>(capacity(relatives.size()));
        RecordKey.Fingerprints fingerprints = key.in(environmentId);
        declared(spec, (service, name, setting, relative, text) -> {
            if (relatives.contains(relative)) {
                out.put(relative, new Prefingerprints.Prepared(text, fingerprints.of(relative, text)));
            }
        });
        return out;
    }

    /** The capacity of a hash map that holds {@code expected} entries without growing (values can be many). */
    private static int capacity(int expected) {
        return Math.max(16, (int) (expected / 0.75f) + 1);
    }

    /** An environment whose record is brought up to date, and what is known of it before its values are. */
    private record Due(String name, EnvironmentSpec spec, LiveEnvironment now, SharedRecord old, boolean oldKey,
            byte[] check) {}

    private List<Write> writes() {
        Plan plan = planned.plan();
        Set<String> previews = createdPreviews(plan);
        Map<String, Map<String, Change>> changesIn = prepared.changes(plan);
        // In order, one by one: what derives the key (once, slowly) and notes a record written with another.
        List<Due> due = new ArrayList<>();
        for (String name : planned.environments()) {
            EnvironmentSpec spec = planned.spec().environment(name).orElse(null);
            LiveEnvironment now = environment(name);
            EnvironmentTarget target = plan.target().environment(name).orElse(null);
            boolean wroteHere = appliedIn.containsKey(name);
            if (spec == null || now == null || target != null && target.stagedChanges() > 0 && !wroteHere
                    || previews.contains(name) && result != null) {
                continue; // a preview this apply created got its record in its commit (fresh)
            }
            SharedRecord old = records.record(name);
            boolean oldKey = old != null && records.keyMatches(name);
            due.add(new Due(name, spec, now, old, oldKey, key.check(now.id())));
        }
        services();
        // Then the environments side by side (each record's values, fingerprints and encoding are its own; a
        // large project has a hundred thousand values), each result and failure kept in its environment's place.
        List<Write> out = new ArrayList<>();
        for (Write write : SideBySide.map(due, d -> write(d, changesIn.getOrDefault(d.name(), Map.of())))) {
            if (write != null) {
                out.add(write);
            }
        }
        return out;
    }

    /** The environment's new record and its patch; null when the record there is what it should be. */
    private Write write(Due due, Map<String, Change> changes) {
        String name = due.name();
        LiveEnvironment now = due.now();
        SharedRecord old = due.old();
        SharedRecord desired = new SharedRecord(now.id(), environmentCreated(name, old), due.check(), services(),
                instances(name, now, old), values(due.spec(), now, old, due.oldKey(), changes),
                planned.parameters().getOrDefault(name, Set.of()));
        if (old != null && due.oldKey() && desired.equals(old)) {
            return null;
        }
        return new Write(name, now.id(), desired, patch(name, desired));
    }

    /**
     * The record of a preview the apply creates, written in its one commit (so written exactly when
     * what it records is): created by tlctl, every instance and value the plan writes there, the
     * parameter keys of the run.
     */
    static void fresh(EnvironmentPatch patch, PlanResult planned, SharedRecords records, String env,
            String environmentId, Map<String, String> serviceIds, RecordKey key) {
        EnvironmentSpec spec = planned.spec().environment(env).orElseThrow();
        Map<String, Change> changes = new LinkedHashMap<>();
        planned.plan().changesIn(env).forEach(c -> changes.put(within(c), c));
        Map<String, String> services = new TreeMap<>(records.createdServices());
        Map<String, String> instances = new TreeMap<>();
        for (Change c : planned.plan().changes()) {
            if (c instanceof Change.Service s && s.action() == Action.CREATE) {
                services.put(s.service(), serviceIds.get(s.service()));
            } else if (c instanceof Change.Instance i && i.action() == Action.CREATE && env.equals(i.environment())) {
                instances.put(i.service(), serviceIds.get(i.service()));
            }
        }
        Map<String, SharedRecord.Value> values = new SharedRecord.HandedInOrder(changes.size());
        RecordKey.Fingerprints fingerprints = key.in(environmentId);
        declared(spec, (service, name, setting, relative, text) -> {
            if (changes.containsKey(relative)) {
                values.put(relative, new SharedRecord.Value(fingerprints.of(relative, text), !setting));
            }
        });
        SharedRecord record = new SharedRecord(environmentId, true, key.check(environmentId), services, instances,
                values, planned.parameters().getOrDefault(env, Set.of()));
        variables(patch, record, Set.of());
    }

    /**
     * The key of a change among its environment's: its address relative to the environment, empty
     * for the environment itself, the whole address for a project-wide change.
     */
    private static String within(Address address) {
        String env = address.environment();
        if (env == null) {
            return address.text();
        }
        return address.kind() == Address.Kind.ENVIRONMENT ? "" : SharedRecords.relative(address);
    }

    /** {@link #within(Address)} of the change's address, a variable's and a setting's without making it. */
    private static String within(Change change) {
        return change instanceof Change.Variable || change instanceof Change.Setting ? SharedRecords.relative(change)
                : within(change.address());
    }

    /** The environments the plan creates as previews. */
    static Set<String> createdPreviews(Plan plan) {
        Set<String> out = new HashSet<>();
        for (Change c : plan.changes()) {
            if (c instanceof Change.Environment e && e.ephemeral() && e.action() == Action.CREATE) {
                out.add(e.environment());
            }
        }
        return out;
    }

    /**
     * The plan's changes of tlctl's own (not Railway's consequences) by environment, then by
     * address relative to the environment.
     */
    static Map<String, Map<String, Change>> tlctlChangesByEnvironment(Plan plan) {
        Map<String, Map<String, Change>> out = new HashMap<>();
        for (Change c : plan.changes()) {
            if (c.origin() == Origin.TLCTL && !(c instanceof Change.Environment)) {
                String env = c.environment();
                if (env != null) {
                    String relative = SharedRecords.relative(c);
                    Map<String, Change> in = out.get(env);
                    if (in == null) {
                        in = new HashMap<>(capacity(plan.changesIn(env).size()));
                        out.put(env, in);
                    }
                    in.put(relative, c);
                }
            }
        }
        return out;
    }

    /** The environment as it is now: read back after the apply, else as the plan read it. */
    private LiveEnvironment environment(String name) {
        if (after != null) {
            return after.environment(name).orElse(null);
        }
        LiveProject before = planned.live().project();
        return before == null ? null : before.environment(name).orElse(null);
    }

    private LiveProject project() {
        return after != null ? after : planned.live().project();
    }

    private java.util.Collection<Change> appliedIn(String env) {
        return appliedIn.getOrDefault(env, Map.of()).values();
    }

    private boolean environmentCreated(String name, SharedRecord old) {
        if (old != null && old.environmentCreated()) {
            return true;
        }
        return appliedIn(name).stream().anyMatch(c -> c instanceof Change.Environment e && e.action() == Action.CREATE)
                || appliedIn(null).stream().anyMatch(c -> c instanceof Change.Project p
                        && p.defaultEnvironment().equals(name));
    }

    /** Services tlctl created that still exist with the same id, in every record (services are project-wide). */
    private Map<String, String> services() {
        if (services == null) {
            services = findServices();
        }
        return services;
    }

    private Map<String, String> findServices() {
        Map<String, String> out = new TreeMap<>();
        LiveProject project = project();
        if (project == null) {
            return out;
        }
        records.createdServices().forEach((name, id) -> {
            if (project.service(name).map(LiveService::id).filter(id::equals).isPresent()) {
                out.put(name, id);
            }
        });
        for (Change c : appliedIn(null)) {
            if (c instanceof Change.Service s && s.action() == Action.CREATE) {
                project.service(s.service()).ifPresent(live -> out.put(live.name(), live.id()));
            }
        }
        return out;
    }

    private Map<String, String> instances(String env, LiveEnvironment now, SharedRecord old) {
        Map<String, String> out = new TreeMap<>();
        LiveProject project = project();
        if (old != null) {
            old.instances().forEach((service, id) -> {
                if (now.instance(id).isPresent()) {
                    out.put(service, id);
                }
            });
        }
        for (Change c : appliedIn(env)) {
            if (c instanceof Change.Instance i && i.action() == Action.CREATE) {
                project.service(i.service()).filter(s -> now.instance(s.id()).isPresent())
                        .ifPresent(s -> out.put(s.name(), s.id()));
            }
        }
        return out;
    }

    /** @param planned the plan's changes of tlctl's own in the environment, by address text */
    private Map<String, SharedRecord.Value> values(EnvironmentSpec spec, LiveEnvironment now, SharedRecord old,
            boolean oldKey, Map<String, Change> planned) {
        Map<String, SharedRecord.Value> oldValues = old == null ? Map.of() : old.values();
        // In the spec's order, nearly the address order the record is written in.
        Map<String, SharedRecord.Value> out = new SharedRecord.HandedInOrder(Math.max(oldValues.size(), planned.size()));
        Set<String> declared = new HashSet<>();
        String env = spec.name();
        Map<String, Prefingerprints.Prepared> ready = planned.isEmpty() ? Map.of() : prepared.of(now.id());
        Map<String, Change> appliedHere = appliedIn.getOrDefault(env, Map.of());
        declared(spec, (service, name, setting, relative, text) -> {
            if (old != null) {
                declared.add(relative); // to find what the old record holds and the spec dropped
            }
            SharedRecord.Value was = oldValues.get(relative);
            Change change = planned.get(relative);
            Change done = change == null ? null : appliedHere.get(relative);
            boolean applied = done != null && change.origin() == done.origin();
            boolean created = !setting && (was != null && was.created() || applied && change.action() == Action.CREATE);
            byte[] kept = was != null && oldKey ? was.fingerprint() : NO_FINGERPRINT;
            byte[] fingerprint;
            if (change != null) {
                fingerprint = applied && holds(now, service, name, setting, text)
                        ? fingerprint(ready.get(relative), now.id(), relative, text) : kept;
            } else if (kept.length > 0) {
                // Unchanged since the record was written: its fingerprint stands (values can be many; no HMAC each).
                fingerprint = kept;
            } else {
                fingerprint = confirmed(now, service, name, setting, text) ? key.fingerprint(now.id(), relative, text)
                        : kept;
            }
            if (fingerprint.length > 0 || created) {
                out.put(relative, new SharedRecord.Value(fingerprint, created));
            }
        });
        domains(spec.name(), now, old, oldKey, out);
        if (old != null) {
            // What tlctl created and the spec dropped stays recorded until it is gone (its deletion is planned).
            old.values().forEach((relative, value) -> {
                if (relative.contains("/domain/")) {
                    return; // domains()
                }
                Change gone = appliedIn.getOrDefault(env, Map.of()).get(relative);
                if (!declared.contains(relative) && value.created() && !(gone != null && gone.action() == Action.DELETE)
                        && exists(now, relative)) {
                    out.put(relative, new SharedRecord.Value(oldKey ? value.fingerprint() : NO_FINGERPRINT, true));
                }
            });
        }
        return out;
    }

    /** The fingerprint of {@code text}: the one prepared when it was prepared for this very text, else hashed now. */
    private byte[] fingerprint(Prefingerprints.Prepared ready, String environmentId, String relative, String text) {
        return ready != null && ready.text().equals(text) ? ready.fingerprint()
                : key.fingerprint(environmentId, relative, text);
    }

    /**
     * The domains tlctl created in the environment ({@code service/domain/railway} for a generated
     * one, whose name is Railway's; else the custom name), kept until an apply deletes them or
     * Railway, read, no longer has them: a domain made by hand is never recorded, so it stays
     * unmanaged.
     */
    private void domains(String env, LiveEnvironment now, SharedRecord old, boolean oldKey,
            Map<String, SharedRecord.Value> out) {
        Set<String> made = new LinkedHashSet<>();
        if (old != null) {
            old.values().forEach((relative, value) -> {
                if (relative.contains("/domain/") && value.created() && domainExists(now, relative)) {
                    made.add(relative);
                }
            });
        }
        for (Change c : appliedIn(env)) {
            if (c instanceof Change.Domain d) {
                String relative = d.service() + "/domain/" + (d.custom() ? d.domain() : Address.RAILWAY_DOMAIN);
                if (d.action() == Action.CREATE) {
                    made.add(relative); // written now: the project as read may not show it yet
                } else if (d.action() == Action.DELETE) {
                    made.remove(relative);
                }
            }
        }
        made.forEach(relative -> out.put(relative, new SharedRecord.Value(NO_FINGERPRINT, true)));
    }

    /** Whether the domain is still there; true when Railway's answer did not carry the instance's domains. */
    private boolean domainExists(LiveEnvironment now, String relative) {
        int at = relative.indexOf("/domain/");
        String service = relative.substring(0, at);
        String name = relative.substring(at + "/domain/".length());
        LiveProject project = project();
        LiveService live = project == null ? null : project.service(service).orElse(null);
        if (live == null) {
            return false;
        }
        return project.runtime().instance(now.id(), live.id())
                .map(i -> i.domains().stream().anyMatch(d -> Address.RAILWAY_DOMAIN.equals(name)
                        ? d.kind() == dev.tlctl.live.LiveDomain.Kind.RAILWAY : d.domain().equalsIgnoreCase(name)))
                .orElse(true);
    }

    /** What {@link #declared} gives for each value: where it is (service null: shared), and the text fingerprinted. */
    @FunctionalInterface
    private interface Declared {
        /**
         * @param setting a setting (named {@code name}), else a variable
         * @param relative its address relative to the environment, as {@link SharedRecords#relative} gives it
         */
        void accept(String service, String name, boolean setting, String relative, String text);
    }

    /**
     * Every variable and setting the spec declares in the environment, with the text tlctl
     * fingerprints, in order; the relative addresses made from one prefix per service (values can
     * be many, and no {@link Address} is needed for each), each by {@link String#concat} at its
     * length (a {@code +} is compiled inline here: a builder of 16 characters, grown and copied).
     */
    private static void declared(EnvironmentSpec spec, Declared each) {
        for (VariableSpec v : spec.sharedVariables().values()) {
            if (v.value() != null) {
                each.accept(null, v.name(), false, "variable/".concat(v.name()), v.value().reveal());
            }
        }
        for (ServiceInstanceSpec instance : spec.services().values()) {
            if (!instance.enabled()) {
                continue;
            }
            String service = instance.service();
            String settingPrefix = service + "/setting/";
            instance.settings().forEach((setting, value) ->
                    each.accept(service, setting, true, settingPrefix.concat(setting), Values.canonical(value)));
            String variablePrefix = service + "/variable/";
            for (VariableSpec v : instance.variables().values()) {
                if (v.value() != null) {
                    each.accept(service, v.name(), false, variablePrefix.concat(v.name()), v.value().reveal());
                }
            }
        }
    }

    /**
     * After an apply read back, whether Railway holds what tlctl wrote; without a read-back (a
     * change set, all or nothing), and for a sealed value (never read back), the write stands.
     */
    private boolean holds(LiveEnvironment now, String service, String name, boolean setting, String text) {
        if (after == null) {
            return true;
        }
        if (setting) {
            return confirmed(now, service, name, true, text);
        }
        LiveVariable live = variable(now, service, name);
        return live != null && live.sealed() || confirmed(now.name(), service, name, text, live);
    }

    /** Whether Railway holds the spec's value of the setting or variable, as far as it can be known. */
    private boolean confirmed(LiveEnvironment now, String service, String name, boolean setting, String text) {
        if (setting) {
            LiveServiceInstance instance = instance(now, service);
            return instance != null && instance.settings().containsKey(name)
                    && Values.canonical(instance.settings().get(name)).equals(text);
        }
        return confirmed(now.name(), service, name, text, variable(now, service, name));
    }

    /** Whether Railway's variable (null: none) holds the spec's value, as far as it can be known. */
    private boolean confirmed(String env, String service, String name, String text, LiveVariable live) {
        if (live == null) {
            return false;
        }
        if (live.sealed()) {
            // Never read back: only the record can say, and the plan found it matching (or it was written now).
            Witness witness = records.written(Address.variable(env, service, name));
            return witness != null && witness.matches(text);
        }
        return live.readable() && live.value().equals(Secret.of(text));
    }

    private boolean exists(LiveEnvironment now, String relative) {
        Address address = parse(now.name(), relative);
        return address != null && variable(now, address.service(), address.name()) != null;
    }

    private static Address parse(String env, String relative) {
        if (relative.startsWith("variable/")) {
            return Address.variable(env, null, relative.substring("variable/".length()));
        }
        int at = relative.indexOf("/variable/");
        return at < 0 ? null : Address.variable(env, relative.substring(0, at), relative.substring(at + "/variable/".length()));
    }

    /** The variable {@code name} of {@code service} (null: the shared one) as Railway holds it, or null. */
    private LiveVariable variable(LiveEnvironment now, String service, String name) {
        if (service == null) {
            return now.sharedVariables().get(name);
        }
        LiveServiceInstance instance = instance(now, service);
        return instance == null ? null : instance.variables().get(name);
    }

    private LiveServiceInstance instance(LiveEnvironment now, String service) {
        Map<String, LiveServiceInstance> found = instances.get(now.name()); // asked once per value: no lambda made each
        return found != null ? found.get(service) : instances.computeIfAbsent(now.name(), name -> {
            Map<String, LiveServiceInstance> byName = new LinkedHashMap<>();
            LiveProject project = project();
            if (project != null) {
                project.services().forEach(s -> now.instance(s.id()).ifPresent(i -> byName.put(s.name(), i)));
            }
            return byName;
        }).get(service);
    }

    /** The patch that writes {@code record} in place of what the environment holds. */
    private EnvironmentPatch patch(String env, SharedRecord record) {
        return variables(new EnvironmentPatch(), record, records.variables(env));
    }

    /** {@code patch} writing {@code record}'s variables, and deleting those of {@code held} it no longer needs. */
    private static EnvironmentPatch variables(EnvironmentPatch patch, SharedRecord record, Set<String> held) {
        List<String> chunks = record.encode();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < chunks.size(); i++) {
            String name = SharedRecord.variableName(i + 1);
            names.add(name);
            patch.setVariable(null, name, Secret.of(chunks.get(i)), false, false);
        }
        for (String name : held) {
            if (!names.contains(name)) {
                patch.deleteVariable(null, name);
            }
        }
        return patch;
    }
}
