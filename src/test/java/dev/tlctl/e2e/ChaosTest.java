package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlctl.e2e.World.Run;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Applies under random faults: HTTP 429 bursts, 5xx, dropped connections, answers lost after the
 * change was made, and latency, decided per request from a seed. However often an apply fails, it
 * fails cleanly (exit 1, saying what was applied), and applying again converges to exactly the
 * state a fault-free apply reaches: one project, the same environments, services, settings and
 * variables (compared by name, ids aside). Bounded: a few seeds, at most {@link #ATTEMPTS} applies each.
 */
class ChaosTest extends E2eTest {
    static final String FAULTS = "429=0.12,5xx=0.12,drop=0.08,lost=0.08,latency=0-3ms";
    static final int ATTEMPTS = 8;

    /** A larger spec than the repository's: 6 services, 3 environments, 15 variables each. */
    static void writeLargerSpec(World w) {
        StringBuilder yaml = new StringBuilder("version: 1\nproject:\n  name: tl-engine\nenvironments:\n"
                + "  production: {}\n  staging: {from: production}\n  qa: {}\n"
                + "sharedVariables:\n  DATABASE_URL: ${env:PRODUCTION_DATABASE_URL}\nservices:\n");
        for (int s = 1; s <= 6; s++) {
            yaml.append(String.format(Locale.ROOT, "  svc-%d:%n    source: {repo: acme/big, branch: main}%n", s));
            yaml.append("    deploy: {numReplicas: ").append(s % 3 + 1).append(", region: us-west2}\n    variables:\n");
            yaml.append("      DATABASE_URL: ${{shared.DATABASE_URL}}\n");
            for (int v = 1; v < 15; v++) {
                yaml.append(String.format(Locale.ROOT, "      VAR_%02d: \"%d-%d\"%n", v, s, v));
            }
        }
        w.write("tl-engine.yaml", yaml.toString());
        w.write("environments/production.yaml", "");
        w.write("environments/staging.yaml", "sharedVariables:\n  DATABASE_URL: ${env:STAGING_DATABASE_URL}\n");
        w.write("environments/qa.yaml", "sharedVariables:\n  DATABASE_URL: ${env:STAGING_DATABASE_URL}\n");
    }

    @ParameterizedTest(name = "{0} spec, seed {1}")
    @CsvSource({"repository, 1", "repository, 2", "repository, 3", "repository, 4", "larger, 5", "larger, 7", "larger, 8"})
    void appliesUnderRandomFaultsConvergeToTheFaultFreeState(String spec, long seed) {
        long[] cleanRequests = new long[1];
        Map<String, String> expected = faultFree(spec, cleanRequests);

        World w = world(c -> c.withFaults(FAULTS).withSeed(seed));
        if (spec.equals("larger")) {
            writeLargerSpec(w);
        }
        List<Run> failures = new ArrayList<>();
        Run last = null;
        for (int i = 0; i < ATTEMPTS && (last == null || last.code() != 0); i++) {
            last = w.tlctl("apply", "--yes");
            if (last.code() != 0) {
                failures.add(last);
            }
        }
        assertEquals(0, last.code(), () -> "no convergence in " + ATTEMPTS + " applies; the last:\n" + failures);
        for (Run failed : failures) {
            assertEquals(1, failed.code(), failed::toString);
            assertFalse(failed.err().contains("bug in tlctl"), failed::toString);
            assertTrue(failed.err().contains("Running `tlctl apply` again converges") || failed.err().startsWith("Error: "),
                    failed::toString);
        }
        assertEquals(1, w.projects(World.PROJECT).size(), "no duplicate project");
        assertEquals(expected, state(w), "the same state as a fault-free apply");
        long retries = w.recorder.events().stream().filter(e -> e.startsWith("retry ")).count();
        long faultedAnswers = w.recorder.events().stream().filter(e -> e.matches("response .* HTTP (429|5\\d\\d)")).count();
        long requests = w.runs().stream().filter(r -> r.args().get(0).equals("apply")).mapToLong(Run::requests).sum();
        assertTrue(requests > cleanRequests[0], "the faults were met (" + requests + " requests against " + cleanRequests[0]
                + " without faults): this seed proves nothing otherwise");
        System.out.printf(Locale.ROOT, "chaos %s seed %d: %d applies (%d failed cleanly), %d faulted answers, %d retries,"
                + " %d requests (%d without faults)%n", spec, seed, failures.size() + 1, failures.size(), faultedAnswers,
                retries, requests, cleanRequests[0]);
    }

    /** What a fault-free apply of the same spec leaves, in a sandbox of its own. */
    private Map<String, String> faultFree(String spec, long[] requests) {
        World clean = World.start(dir.resolve("fault-free"), c -> c);
        try {
            if (spec.equals("larger")) {
                writeLargerSpec(clean);
            }
            Run apply = clean.tlctl("apply", "--yes");
            assertEquals(0, apply.code(), apply::toString);
            requests[0] = apply.requests();
            return state(clean);
        } finally {
            clean.close();
        }
    }

    /** Every environment's config, decrypted, with service ids replaced by names: comparable across sandboxes. */
    private static Map<String, String> state(World w) {
        JsonNode project = w.project();
        Map<String, String> names = new TreeMap<>();
        project.path("services").path("edges").forEach(e -> names.put(e.path("node").path("id").asText(),
                e.path("node").path("name").asText()));
        Map<String, String> out = new TreeMap<>();
        for (String env : World.names(project.path("environments"))) {
            JsonNode config = w.config(env).deepCopy();
            JsonNode services = config.path("services");
            if (services instanceof ObjectNode object) {
                ObjectNode byName = object.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    byName.set(names.getOrDefault(e.getKey(), e.getKey()), e.getValue());
                }
                ((ObjectNode) config).set("services", byName);
            }
            // tlctl's record holds ids and fingerprints keyed by the project's id: only that it is there compares.
            if (config.path("sharedVariables") instanceof ObjectNode shared) {
                shared.fieldNames().forEachRemaining(name -> {
                    if (dev.tlctl.spec.VariableSpec.reserved(name)) {
                        shared.putObject(name).put("value", "(tlctl's record)");
                    }
                });
            }
            out.put(env, canonical(config));
        }
        out.put("services", String.join(",", new TreeMap<>(Map.copyOf(invert(names))).keySet()));
        return out;
    }

    private static Map<String, String> invert(Map<String, String> map) {
        Map<String, String> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(v, k));
        return out;
    }

    /** JSON with object keys sorted, so that the order writes happened in does not matter. */
    private static String canonical(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, String> fields = new TreeMap<>();
            node.fields().forEachRemaining(e -> fields.put(e.getKey(), canonical(e.getValue())));
            StringBuilder out = new StringBuilder("{");
            fields.forEach((k, v) -> out.append('"').append(k).append("\":").append(v).append(','));
            return out.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder out = new StringBuilder("[");
            node.forEach(n -> out.append(canonical(n)).append(','));
            return out.append(']').toString();
        }
        return node.toString();
    }
}
