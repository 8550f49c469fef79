package dev.tlctl.reconcile;

import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveState;
import dev.tlctl.live.LiveVariable;
import dev.tlctl.plan.Address;
import dev.tlctl.plan.Change;
import dev.tlctl.plan.History;
import dev.tlctl.secret.RecordKey;
import dev.tlctl.secret.Witness;
import dev.tlctl.spec.VariableSpec;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * tlctl's records as one read of the project found them (they come in the same request as
 * everything else), and what they tell a plan or an audit ({@link History}). The live state given
 * to everything else has them taken out: no plan, audit or listing ever sees them as variables.
 * A record that cannot be read, was copied from another environment, or was written with another
 * key is not used, and a note says so. Fingerprints are compared under the run's key, derived only
 * when one is first needed; what tlctl created needs no key. Where an environment has no record
 * on Railway yet, the fingerprints of this checkout's {@code .tlctl/state.json} (as versions before
 * shared records kept them) still serve.
 */
final class SharedRecords implements History {
    private final LiveState stripped;
    private final Map<String, SharedRecord> records;
    private final Supplier<RecordKey> key;
    private final Map<String, ? extends Witness> legacy;
    private final Set<String> notes = new LinkedHashSet<>();
    /** Asked one by one, then read from environments worked on side by side (RecordUpdate). */
    private final Map<String, Boolean> keyMatches = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Set<String>> held = new HashMap<>();

    private SharedRecords(LiveState stripped, Map<String, SharedRecord> records, Supplier<RecordKey> key,
            Map<String, ? extends Witness> legacy) {
        this.stripped = stripped;
        this.records = records;
        this.key = key;
        this.legacy = legacy;
    }

    /** Nothing recorded, nothing to strip: a project not created yet. */
    static SharedRecords none(LiveState live) {
        return new SharedRecords(live, Map.of(), () -> null, Map.of());
    }

    /**
     * The records in {@code live}, and {@code live} without them.
     *
     * @param key this run's record key (asked for only when a fingerprint is compared)
     * @param legacy fingerprints kept in {@code .tlctl/state.json} by earlier versions, by address text
     */
    static SharedRecords read(LiveState live, Supplier<RecordKey> key, Map<String, ? extends Witness> legacy) {
        LiveProject project = live.project();
        if (project == null) {
            return none(live);
        }
        Map<String, SharedRecord> records = new TreeMap<>();
        Map<String, Set<String>> held = new HashMap<>();
        List<LiveEnvironment> environments = new ArrayList<>();
        List<Recorded> recordedIn = new ArrayList<>();
        for (LiveEnvironment env : project.environments()) {
            Map<String, LiveVariable> shared = new LinkedHashMap<>();
            Map<String, LiveVariable> recorded = new TreeMap<>();
            env.sharedVariables().forEach((name, v) -> (VariableSpec.reserved(name) ? recorded : shared).put(name, v));
            environments.add(env.withSharedVariables(shared));
            if (recorded.isEmpty()) {
                continue;
            }
            held.put(env.name(), Set.copyOf(recorded.keySet()));
            recordedIn.add(new Recorded(env, recorded));
        }
        // The records decoded side by side (a large project's hold a hundred thousand values), their notes
        // then taken in the environments' order. One string per address text, shared by the records.
        Map<String, String> addresses = new java.util.concurrent.ConcurrentHashMap<>();
        List<Object> decoded = SideBySide.map(recordedIn, r -> decode(r.environment(), r.variables(), addresses));
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < decoded.size(); i++) {
            LiveEnvironment env = recordedIn.get(i).environment();
            if (decoded.get(i) instanceof SharedRecord record) {
                records.put(env.name(), record);
            } else if (!env.ephemeral()) {
                // A Railway PR environment copies its base's record with the shared variables: that copy is
                // neither used nor noted. A preview tlctl made (ephemeral too) holds its own, which is used.
                notes.add((String) decoded.get(i));
            }
        }
        LiveProject without = new LiveProject(project.id(), project.name(), project.workspaceId(), environments,
                project.services(), project.volumes(), project.runtime(), project.pullRequests());
        SharedRecords out = new SharedRecords(new LiveState(live.workspace(), without), records, key, legacy);
        out.notes.addAll(notes);
        out.held.putAll(held);
        return out;
    }

    /** An environment holding a record, and the record's variables. */
    private record Recorded(LiveEnvironment environment, Map<String, LiveVariable> variables) {}

    /** The environment's record, or the note that says why it is not used. */
    private static Object decode(LiveEnvironment env, Map<String, LiveVariable> recorded, Map<String, String> addresses) {
        List<String> chunks = new ArrayList<>();
        for (int i = 1; recorded.containsKey(SharedRecord.variableName(i)); i++) {
            LiveVariable v = recorded.get(SharedRecord.variableName(i));
            if (!v.readable()) {
                return "tlctl's record of " + env.name() + " cannot be read with this token: what tlctl wrote there"
                        + " is unknown to this run.";
            }
            chunks.add(v.value().reveal());
        }
        try {
            SharedRecord record = SharedRecord.decode(chunks, addresses);
            if (!record.environmentId().equals(env.id())) {
                return "The record tlctl found in " + env.name() + " belongs to another environment (Railway copies"
                        + " shared variables into an environment made from another one): it is not used, and the next"
                        + " apply there writes " + env.name() + "'s own.";
            }
            return record;
        } catch (IllegalArgumentException e) {
            return "tlctl's record of " + env.name() + " on Railway cannot be read (" + e.getMessage() + "): it is"
                    + " not used, and the next apply there writes it afresh.";
        }
    }

    /** The live state without tlctl's records. */
    LiveState stripped() {
        return stripped;
    }

    /** The record of an environment as read, if it had a usable one. */
    SharedRecord record(String environment) {
        return records.get(environment);
    }

    /** Notes for the reader: records not used, and why. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    /** Whether the record of {@code environment} was written with this run's key (derives it: a slow step). */
    boolean keyMatches(String environment) {
        SharedRecord record = records.get(environment);
        if (record == null) {
            return false;
        }
        return keyMatches.computeIfAbsent(environment, e -> {
            boolean same = MessageDigest.isEqual(key.get().check(record.environmentId()), record.check());
            if (!same) {
                notes.add("tlctl's record of " + e + " was written with another record key (TLCTL_RECORD_KEY): its"
                        + " fingerprints are not used, and the next apply there writes it with this run's key.");
            }
            return same;
        });
    }

    @Override
    public Witness written(Address address) {
        String env = address.environment();
        if (env == null || !address.isVariable() && address.kind() != Address.Kind.SETTING) {
            return null;
        }
        SharedRecord record = records.get(env);
        if (record == null) {
            return legacy.get(address.text());
        }
        SharedRecord.Value value = record.values().get(relative(address));
        if (value == null || value.fingerprint().length == 0 || !keyMatches(env)) {
            return null;
        }
        return key.get().witness(record.environmentId(), relative(address), value.fingerprint());
    }

    @Override
    public boolean created(Address address, String id) {
        return switch (address.kind()) {
            case SERVICE -> records.values().stream().anyMatch(r -> id != null && id.equals(r.services().get(address.service())));
            case ENVIRONMENT -> {
                SharedRecord r = records.get(address.environment());
                yield r != null && r.environmentCreated() && r.environmentId().equals(id);
            }
            case INSTANCE -> {
                SharedRecord r = records.get(address.environment());
                yield r != null && id != null && id.equals(r.instances().get(address.service()));
            }
            case VARIABLE, SHARED_VARIABLE, DOMAIN -> {
                SharedRecord r = records.get(address.environment());
                SharedRecord.Value v = r == null ? null : r.values().get(relative(address));
                yield v != null && v.created();
            }
            default -> false;
        };
    }

    /** An address relative to its environment: {@code engine-api/variable/DEBUG}, {@code variable/DEBUG}. */
    static String relative(Address address) {
        // The many kinds made in one piece at their length (records hold a value per variable and setting, and
        // a + is compiled inline: a builder of 16 characters, grown and copied); Address.text()'s forms.
        return switch (address.kind()) {
            case VARIABLE -> joined(address.service(), "/variable/", address.name());
            case SHARED_VARIABLE -> "variable/".concat(address.name());
            case SETTING -> joined(address.service(), "/setting/", address.name());
            default -> address.text().substring(address.environment().length() + 1);
        };
    }

    /**
     * {@link #relative(Address)} of the change's address: a variable's and a setting's (nearly
     * every change of a large plan) without making the address.
     */
    static String relative(Change change) {
        if (change instanceof Change.Variable v) {
            return v.service() == null ? "variable/".concat(v.name()) : joined(v.service(), "/variable/", v.name());
        }
        if (change instanceof Change.Setting s) {
            return joined(s.service(), "/setting/", s.key());
        }
        return relative(change.address());
    }

    private static String joined(String a, String b, String c) {
        return new StringBuilder(a.length() + b.length() + c.length()).append(a).append(b).append(c).toString();
    }

    /** The keys parameters set in {@code environment} in earlier runs ({@code service/setting}). */
    Set<String> parameters(String environment) {
        SharedRecord record = records.get(environment);
        return record == null ? Set.of() : record.parameters();
    }

    /** Every record's services created by tlctl, by name (the union: services are project-wide). */
    Map<String, String> createdServices() {
        Map<String, String> out = new TreeMap<>();
        records.values().forEach(r -> out.putAll(r.services()));
        return out;
    }

    /** The names of the record's variables an environment holds now (to remove those a shorter record no longer needs). */
    Set<String> variables(String environment) {
        return held.getOrDefault(environment, Set.of());
    }
}
