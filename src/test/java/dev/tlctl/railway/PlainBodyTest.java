package dev.tlctl.railway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tlctl.secret.Secret;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A plain body is written byte for byte as the mapper writes it; anything else is left to the mapper. */
class PlainBodyTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Map<String, Object> body(Object variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", "query project($id: String!) { project(id: $id) { id name } }");
        body.put("variables", variables);
        return body;
    }

    @Test
    void aReadsBodyIsTheMappersBytes() throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("id", "9ca8a164-477d-4801-b064-3a4e15e67e01");
        variables.put("none", null);
        variables.put("odd", "quote \" backslash \\ tab \t newline \n nul \u0000 del \u007f é 日本 \uD83D\uDE00 </script>");
        variables.put("count", 3);
        variables.put("big", Long.MIN_VALUE);
        variables.put("flag", false);
        variables.put("list", Arrays.asList("a", null, 1, List.of(true), Map.of("k", "v")));
        variables.put("empty", Map.of());
        Map<String, Object> body = body(Collections.unmodifiableMap(variables));
        body.put("operationName", "project");
        assertArrayEquals(MAPPER.writeValueAsBytes(body), PlainBody.of(body));
        assertArrayEquals(MAPPER.writeValueAsBytes(body(Map.of())), PlainBody.of(body(Map.of())));
    }

    @Test
    void randomPlainBodiesAreTheMappersBytes() throws Exception {
        Random random = new Random(22);
        for (int i = 0; i < 2_000; i++) {
            Map<String, Object> body = body(randomMap(random, 0));
            assertArrayEquals(MAPPER.writeValueAsBytes(body), PlainBody.of(body), body::toString);
        }
    }

    @Test
    void anythingElseIsLeftToTheMapper() {
        assertNull(PlainBody.of(body(Map.of("value", Secret.of("s3cret")))));
        assertNull(PlainBody.of(body(Map.of("input", List.of(Map.of("value", Secret.of("s3cret")))))));
        assertNull(PlainBody.of(body(Map.of("tree", JsonNodeFactory.instance.objectNode()))));
        assertNull(PlainBody.of(body(Map.of("ratio", 0.5))));
        assertNull(PlainBody.of(body(Map.of("names", Set.of("a")))));
        assertNull(PlainBody.of(body(Map.of("keys", Map.of(1, "one")))));
        assertNull(PlainBody.of(body(Map.of("record", new Shape("a")))));
        Object deep = "leaf";
        for (int i = 0; i < 200; i++) {
            deep = List.of(deep);
        }
        assertNull(PlainBody.of(body(Map.of("deep", deep))));
    }

    private record Shape(String name) {}

    private static Map<String, Object> randomMap(Random random, int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        int size = random.nextInt(depth == 0 ? 6 : 4);
        for (int i = 0; i < size; i++) {
            map.put(randomText(random), randomValue(random, depth + 1));
        }
        return map;
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 5 : 7);
        return switch (kind) {
            case 0 -> null;
            case 1 -> randomText(random);
            case 2 -> random.nextBoolean();
            case 3 -> random.nextInt();
            case 4 -> random.nextLong();
            case 5 -> randomMap(random, depth);
            default -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
        };
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            int pick = random.nextInt(10);
            text.append(switch (pick) {
                case 0 -> (char) random.nextInt(0x20);
                case 1 -> '"';
                case 2 -> '\\';
                case 3 -> (char) (0x80 + random.nextInt(0x780));
                case 4 -> "\uD83D\uDE00";
                case 5 -> (char) (0x3000 + random.nextInt(0x1000));
                default -> (char) ('a' + random.nextInt(26));
            });
        }
        return text.toString();
    }
}
