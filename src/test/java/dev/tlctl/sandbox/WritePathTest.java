package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The write path's shortcuts give what the general ways gave: {@link Json#toTree} the nodes of
 * the mapper's {@code valueToTree} (node types included: JsonNode equality compares them), and
 * {@link DeploymentIndex}, kept up to date by appending, the index made afresh.
 */
class WritePathTest {

    @Test
    void aTreeOfPlainValuesIsTheMappersTree() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "x\u00e9\"\n");
        value.put("int", 7);
        value.put("long", 12345678901234L);
        value.put("double", 1.5);
        value.put("nan", Double.NaN);
        value.put("float", 2.5f);
        value.put("big", new BigInteger("123456789012345678901234567890"));
        value.put("decimal", new BigDecimal("1.10"));
        value.put("true", true);
        value.put("null", null);
        value.put("list", Arrays.asList(1, "a", null, List.of(), Map.of("k", false)));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", Map.of());
        nested.put("a", new ArrayList<>(List.of(List.of(3L))));
        value.put("nested", nested);
        Map<Object, Object> odd = new HashMap<>();
        odd.put(1, "key not text");
        value.put("odd", odd);
        JsonNode expected = Json.MAPPER.valueToTree(value);
        JsonNode actual = Json.toTree(value);
        assertEquals(expected, actual);
        assertEquals(expected.toString(), actual.toString());
        for (Object single : Arrays.asList("s", 1, 2L, 0.5, true, List.of(), Map.of())) {
            assertEquals(Json.MAPPER.valueToTree(single), Json.toTree(single), String.valueOf(single));
        }
        assertEquals(String.valueOf((Object) Json.MAPPER.valueToTree(null)), String.valueOf(Json.toTree(null)));
    }

    @Test
    void anIndexKeptByAppendingIsTheIndexMadeAfresh() {
        List<State.DeploymentRec> deployments = new ArrayList<>();
        DeploymentIndex kept = new DeploymentIndex();
        for (int i = 0; i < 40; i++) {
            deployments.add(deployment("d" + (i % 37), "e" + (i % 3), "s" + (i % 5)));
            kept.of(deployments);
            DeploymentIndex fresh = new DeploymentIndex().of(new ArrayList<>(deployments));
            for (int e = 0; e < 3; e++) {
                for (int s = 0; s < 5; s++) {
                    assertEquals(fresh.of("e" + e, "s" + s), kept.of("e" + e, "s" + s));
                }
            }
            for (int d = 0; d < 37; d++) {
                assertSame(fresh.byId("d" + d), kept.byId("d" + d));
            }
        }
        assertTrue(kept.of("e9", "s1").isEmpty());
        // Another list (a reload or a reset): made afresh, nothing of the old one kept.
        List<State.DeploymentRec> other = new ArrayList<>(List.of(deployment("x", "e0", "s0")));
        assertEquals(List.of(other.get(0)), kept.of(other).of("e0", "s0"));
        assertEquals(null, kept.byId("d1"));
        // The same list changed in place where it was indexed: made afresh too.
        State.DeploymentRec replaced = deployment("y", "e0", "s0");
        other.set(0, replaced);
        assertEquals(List.of(replaced), kept.of(other).of("e0", "s0"));
        assertNotSame(null, kept.byId("y"));
    }

    private static State.DeploymentRec deployment(String id, String environmentId, String serviceId) {
        State.DeploymentRec deployment = new State.DeploymentRec();
        deployment.id = id;
        deployment.environmentId = environmentId;
        deployment.serviceId = serviceId;
        return deployment;
    }
}
