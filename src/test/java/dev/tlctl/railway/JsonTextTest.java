package dev.tlctl.railway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTextTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void writesWhatJacksonWritesForRandomTrees() {
        Random random = new Random(22);
        for (int i = 0; i < 5_000; i++) {
            JsonNode tree = tree(random, 0);
            assertEquals(tree.toString(), JsonText.of(tree), "tree " + i);
        }
    }

    @Test
    void escapesEveryControlCharacterQuoteAndBackslashAsJacksonDoes() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x100; c++) {
            all.append(c);
        }
        all.append("\u2028\u2029\uD83D\uDE00\uD800 end");
        ObjectNode node = F.objectNode().put(all.toString(), all.toString());
        assertEquals(node.toString(), JsonText.of(node));
    }

    @Test
    void readsBackToTheSameTreeForAParsedConfig() throws Exception {
        String config = "{\"source\":{\"image\":\"nginx:1\",\"repo\":null},\"deploy\":{\"numReplicas\":2,"
                + "\"limitOverride\":{\"containers\":{\"cpu\":1.5}},\"startCommand\":\"sh -c \\\"a\\tb\\\"\"},"
                + "\"build\":{\"watchPatterns\":[\"/a\",\"/b\"],\"big\":123456789012345678901234567890}}";
        JsonNode tree = new ObjectMapper().readTree(config);
        assertEquals(tree.toString(), JsonText.of(tree));
        assertEquals(tree, new ObjectMapper().readTree(JsonText.of(tree)));
    }

    private static JsonNode tree(Random random, int depth) {
        // Doubles and big numbers (8, 9) are rare: a tree holding one is written by Jackson whole.
        int kind = depth > 3 ? 2 + random.nextInt(6) : random.nextInt(8);
        if (random.nextInt(40) == 0) {
            kind = 8 + random.nextInt(2);
        }
        switch (kind) {
            case 0 -> {
                ObjectNode o = F.objectNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    o.set(text(random), tree(random, depth + 1));
                }
                return o;
            }
            case 1 -> {
                ArrayNode a = F.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    a.add(tree(random, depth + 1));
                }
                return a;
            }
            case 2, 3 -> {
                return F.textNode(text(random));
            }
            case 4 -> {
                return F.booleanNode(random.nextBoolean());
            }
            case 5 -> {
                return F.nullNode();
            }
            case 6 -> {
                return F.numberNode(random.nextInt() >> random.nextInt(32));
            }
            case 7 -> {
                return F.numberNode(random.nextLong());
            }
            case 8 -> {
                return random.nextBoolean() ? F.numberNode(random.nextDouble() * 1e6)
                        : F.numberNode(new BigDecimal(random.nextInt()).movePointLeft(3));
            }
            default -> {
                return F.numberNode(BigInteger.valueOf(random.nextLong()).shiftLeft(40));
            }
        }
    }

    private static String text(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            int pick = random.nextInt(6);
            s.append(switch (pick) {
                case 0 -> (char) random.nextInt(0x20);
                case 1 -> "\"\\/".charAt(random.nextInt(3));
                case 2 -> (char) (0x7F + random.nextInt(0x200));
                case 3 -> (char) (0xD800 + random.nextInt(0x800));
                default -> (char) (0x20 + random.nextInt(0x5F));
            });
        }
        return s.toString();
    }
}
