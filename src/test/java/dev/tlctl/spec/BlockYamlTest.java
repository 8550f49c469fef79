package dev.tlctl.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

    /**
 * The tree {@link BlockYaml} reads line by line is the composer's, node for node (positions,
 * paths, kinds, order); everything else (hostile, huge, blank or malformed text, any YAML beyond its
 * form) it leaves to {@link PlainYaml} and the composer, whose diagnostics stay the same.
 */
class BlockYamlTest {
    @TempDir
    Path tmp;

    /** Compares both readings; returns whether the line one read it. */
    private static boolean same(String text) {
        return ComposerReadings.same(BlockYaml::read, text);
    }

    private static void simple(String text) {
        assertTrue(same(text), text);
    }

    private static void notSimple(String text) {
        assertFalse(same(text), text);
    }

    @Test
    void simpleDocumentsGiveTheComposersTree() {
        simple("version: 1\nproject:\n  name: demo\nenvironments:\n  production: {}\n  staging: { from: production }\n");
        simple("a: 1\nb: 0x1F\nc: 1.5e3\ne: true\nf: yes\ng: off\nh: ~\ni: null\nk: 2024-01-02\n"
                + "l: 2024-01-02T03:04:05Z\nm: '1'\nn: \"true\"\no: ''\np: -0\nq: -1.5\nr: 0o17\ns: 1_000\nt: 12:30\n");
        simple("# head\n\n  # indented comment\nkey: value # trailing\nother: \"quoted\"   # c\nthird: 'single' \n");
        simple("deploy:\n  startCommand: gunicorn engine.main:app --bind 0.0.0.0:$PORT --workers $W\n"
                + "  cron: \"*/15 * * * *\"\n  path: /health\n  ref: ${{shared.ENVIRONMENT}}\n  e: \"${env:A}\"\n"
                + "  url: http://x.example/a?b=c#frag\n  words: a, b, [c] {d}\n  odd: (x) 'y' \"z\"\n");
        simple("a:\n  b:\n    c:\n      d: 1\n    e: 2\n  f: 3\ng: 4\n");
        simple("a:\n    deeper: 1\n    again: {x: 1, y: \"two\", z: 'three'}\nb: {}\nc: { }\n");
        simple("  indented: 1\n  root: 2\n");
        simple("a: héllo wörld ünïcode ✓\nb: \"日本語\"\n");
        simple("key.with.dots: 1\nkey-with-dashes: 2\n0: zero\n1abc: x\n");
        simple("a: x\nb: x # not: a key\n");
        simple("staging:\n  from: production        # a comment\n                          # more comment\nnext: 1");
    }

    @Test
    void anythingElseIsLeftToTheOthers() {
        notSimple("");
        notSimple("\n\n");
        notSimple("   ");
        notSimple("# only a comment\n");
        notSimple("just a scalar");
        notSimple("- a\n- b\n");
        notSimple("a:\n  - one\n");
        notSimple("a:\n- one\n");
        notSimple("a: [1, 2]\n");
        notSimple("a: &x 1\nb: *x\n");
        notSimple("base: &b {x: 1}\nother:\n  <<: *b\n");
        notSimple("a: !!str 1\n");
        notSimple("a: 1\na: 2\n");
        notSimple("a: 1\n---\nb: 2\n");
        notSimple("---\na: 1\n");
        notSimple("a: 1\n...\n");
        notSimple("%YAML 1.1\n---\na: 1\n");
        notSimple("a: \"unclosed\nb: 2\n");
        notSimple("a: \"esc\\\"aped\"\n");
        notSimple("a: 'it''s'\n");
        notSimple("a:\n\tb: tab\n");
        notSimple("a: 1\r\nb: 2\r\n");
        notSimple("\uFEFFa: 1\n");
        notSimple("a: bell\u0007\n");
        notSimple("a: nel\u0085x\n");
        notSimple("a: sep\u2028x\n");
        notSimple("a: \uD83D\uDE00\n");
        notSimple("a:\nb: 1\n");
        notSimple("a:\n");
        notSimple("a: b: c\n");
        notSimple("a: b:\n");
        notSimple("a:b\n");
        notSimple("a : 1\n");
        notSimple("\"quoted key\": 1\n");
        notSimple("a: plain\n  continued\n");
        notSimple("a: 1\n  b: 2\n");
        notSimple("a:\n    b: 1\n  c: 2\n");
        notSimple("  a: 1\nb: 2\n");
        notSimple("a: |\n  block\n");
        notSimple("a: >\n  folded\n");
        notSimple("a: {b: 1\n");
        notSimple("a: {b: 1,}\n");
        notSimple("a: {b: {c: 1}}\n");
        notSimple("a: {b: [1]}\n");
        notSimple("a: {b: x:y}\n");
        notSimple("a: \"x\"y\n");
        notSimple("a: \"x\"#c\n");
        notSimple("a: {b: 1}x\n");
        notSimple("a: @x\n");
        notSimple("a: `x\n");
        notSimple("a: <<\n");
        notSimple("a: =\n");
        notSimple("a: .inf\n");
        notSimple("a: - x\n");
        notSimple("? a\n: 1\n");
        notSimple("k".repeat(300) + ": 1\n");
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 45; i++) {
            deep.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        notSimple(deep.append("  ".repeat(45)).append("v: 1\n").toString());
    }

    @Test
    void hugeTextIsLeftToTheOthersWithItsDiagnostic() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < YamlLoader.MAX_NODES; i++) {
            many.append("k").append(i).append(": 1\n");
        }
        String text = many.toString();
        assertNull(BlockYaml.read(text, "f.yaml"));
        Problems viaLoader = new Problems();
        Problems viaComposer = new Problems();
        assertEquals(YamlLoader.composed(text, "f.yaml", viaComposer), YamlLoader.parse(text, "f.yaml", viaLoader));
        assertEquals(viaComposer.all(), viaLoader.all());
        assertTrue(viaLoader.hasErrors());
    }

    @Test
    void malformedTextKeepsItsDiagnostics() {
        for (String text : List.of("a: \"unclosed\nb: 2\n", "a:\n\tb: 1\n", "a: 1\na: 2\n", "a:\n    b: 1\n  c: 2\n",
                "a: 1\n---\nb: 2\n", "a: {b: 1\n", "a: b: c\n", "a: !!binary x\n")) {
            Problems viaLoader = new Problems();
            Problems viaComposer = new Problems();
            assertEquals(YamlLoader.composed(text, "f.yaml", viaComposer), YamlLoader.parse(text, "f.yaml", viaLoader));
            assertEquals(viaComposer.all(), viaLoader.all(), text);
            assertTrue(viaLoader.hasErrors(), text);
        }
    }

    @Test
    void aLargeGeneratedSpecIsReadSimply() {
        StringBuilder yaml = new StringBuilder("# generated\nversion: 1\nproject:\n  name: big\nenvironments:\n"
                + "  production: {}\n  staging: { from: production }\nservices:\n");
        for (int s = 1; s <= 20; s++) {
            yaml.append("  svc-").append(s).append(":\n    source:\n      image: nginx:1\n    deploy:\n")
                    .append("      startCommand: \"./run svc-").append(s).append("\"\n      numReplicas: 1\n    variables:\n")
                    .append("      API_KEY: \"${env:SVC_").append(s).append("_API_KEY}\"\n");
            for (int v = 1; v <= 100; v++) {
                yaml.append("      VAR_").append(v).append(": \"value-").append(s).append('-').append(v).append("\"\n");
            }
        }
        simple(yaml.toString());
    }

    @Test
    void theRepositorysAndEveryMalformedSpecsFilesReadTheSame() throws IOException {
        ComposerReadings.corpus(tmp, BlockYamlTest::same, 3);
    }

    /**
     * Random documents made of the pieces YAML is made of, mostly well nested with now and then an
     * odd piece: those read simply give the composer's tree.
     */
    @Test
    void randomDocumentsReadSimplyGiveTheComposersTree() {
        String[] goodKeys = {"a", "b", "key", "VAR_1", "svc-01", "x.y", "0", "true", "null"};
        String[] badKeys = {"-k", "k ", "\"q\"", "<<", "a#", "? k", "- k"};
        String[] goodValues = {" 1", " v", " \"s\"", " 's'", " {}", " { a: b }", " {a: 1, b: \"c\"}", " ~", " yes",
                " 0x1F", " 1.5", " 2024-01-02", " a b  ", " a # c", " \"a\" # c", " ${{shared.A}}", " http://h/p",
                " -1", " é", " x:y", " (x)", " /", " x:#c", " a:b # c: d", " a#b", " \"a#b\" #c", " 'a\\b'"};
        String[] badValues = {" x: y", " x:", " #c", " [1]", " - a", " |", " &a x", " *a", " !!str x", " \"un",
                " 'it''s'", " \t", " {a: b", " {a: {b: c}}", " -x", " .5", ":", "  ", "\r", " a\u0085b"};
        Random random = new Random(22);
        int simple = 0;
        int runs = 4000;
        for (int run = 0; run < runs; run++) {
            StringBuilder text = new StringBuilder();
            List<Integer> levels = new java.util.ArrayList<>(List.of(random.nextInt(4) == 0 ? 2 : 0));
            boolean open = false; // the last key had no value: the next goes deeper
            int lines = 1 + random.nextInt(10);
            for (int l = 0; l < lines; l++) {
                boolean odd = random.nextInt(25) == 0;
                int shape = random.nextInt(12);
                if (shape == 0) {
                    text.append(" ".repeat(random.nextInt(6))).append("# comment\n");
                    continue;
                } else if (shape == 1) {
                    text.append('\n');
                    continue;
                }
                int indent;
                if (open) {
                    indent = levels.get(levels.size() - 1) + 1 + random.nextInt(4);
                    levels.add(indent);
                } else {
                    int pop = random.nextInt(levels.size());
                    for (int i = 0; i < pop && random.nextBoolean(); i++) {
                        levels.remove(levels.size() - 1);
                    }
                    indent = levels.get(levels.size() - 1);
                }
                if (odd) {
                    indent += random.nextInt(3) - 1;
                }
                String key = random.nextInt(20) == 0 ? badKeys[random.nextInt(badKeys.length)]
                        : goodKeys[random.nextInt(goodKeys.length)];
                open = random.nextInt(4) == 0;
                String value = open ? (random.nextBoolean() ? "" : " # c")
                        : random.nextInt(20) == 0 ? badValues[random.nextInt(badValues.length)]
                        : goodValues[random.nextInt(goodValues.length)];
                text.append(" ".repeat(Math.max(indent, 0))).append(key).append(':').append(value).append('\n');
            }
            if (same(text.toString())) {
                simple++;
            }
        }
        assertTrue(simple > runs / 5, simple + " of " + runs + " read simply");
    }

    /** The kinds worked out without SnakeYAML's resolver are its kinds. */
    @Test
    void commonKindsAreTheResolversKinds() {
        org.yaml.snakeyaml.resolver.Resolver resolver = new org.yaml.snakeyaml.resolver.Resolver();
        List<String> samples = new java.util.ArrayList<>(List.of("yes", "Yes", "YES", "yES", "no", "No", "NO", "nO",
                "true", "True", "TRUE", "tRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "y", "n",
                "Y", "N", "null", "Null", "NULL", "nULL", "nil", "none", "None", "nginx:1", "t", "f", "o", "x", "0", "1",
                "9", "10", "123456789012345678", "1234567890123456789", "01", "007", "089", "1_000", "1.5", "1e3", "12:30",
                "0x1F", "/", "/health", "$PORT", "${{shared.A}}", "(x)", "_x", "__", "2024-01-02", "-1", "+1", ".5",
                "~", "<<", "=", "Tuesday", "ONE", "offset", "onion"));
        Random random = new Random(22);
        String alphabet = "yYnNtTfFoOaAeElLsSuUrR01239_:/$(.-+~<=! ";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = 1 + random.nextInt(6);
            for (int c = 0; c < length; c++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            samples.add(s.toString());
        }
        int known = 0;
        for (String sample : samples) {
            YNode.Kind kind = BlockYaml.commonKind(sample);
            if (kind != null) {
                known++;
                assertEquals(YamlLoader.kindOf(resolver.resolve(org.yaml.snakeyaml.nodes.NodeId.scalar, sample, true)),
                        kind, sample);
            }
        }
        assertTrue(known > samples.size() / 3, known + " of " + samples.size());
    }

    /** A file of printable ASCII skips decoding; any other file is decoded and read as before. */
    @Test
    void filesReadTheSameWhateverTheirBytes() throws IOException {
        assertTrue(BlockYaml.printableAscii("a: 1\nb: \"x y\" # c\n".getBytes(StandardCharsets.UTF_8)));
        assertFalse(BlockYaml.printableAscii("a: \u00e9\n".getBytes(StandardCharsets.UTF_8)));
        assertFalse(BlockYaml.printableAscii("a:\tb\n".getBytes(StandardCharsets.UTF_8)));
        assertFalse(BlockYaml.printableAscii("a: b\r\n".getBytes(StandardCharsets.UTF_8)));
        assertFalse(BlockYaml.printableAscii(new byte[] {'a', ':', ' ', 0x7f}));
        List<byte[]> files = List.of("a: 1\nb:\n  c: d\n".getBytes(StandardCharsets.UTF_8),
                "a: [1, 2]\n".getBytes(StandardCharsets.UTF_8), "a: h\u00e9llo\n".getBytes(StandardCharsets.UTF_8),
                "a:\n\tb: 1\n".getBytes(StandardCharsets.UTF_8), "a: \"unclosed\n".getBytes(StandardCharsets.UTF_8),
                new byte[] {'a', ':', ' ', (byte) 0xff, '\n'}, new byte[] {'a', ':', ' ', 0x7f, '\n'});
        int i = 0;
        for (byte[] bytes : files) {
            Path file = tmp.resolve("f" + i++ + ".yaml");
            Files.write(file, bytes);
            Problems loaded = new Problems();
            YNode node = YamlLoader.load(file, file.toString(), loaded);
            Problems composedProblems = new Problems();
            YNode composed = bytes[3] == (byte) 0xff ? null
                    : YamlLoader.composed(new String(bytes, StandardCharsets.UTF_8), file.toString(), composedProblems);
            assertEquals(composed, node, new String(bytes, StandardCharsets.UTF_8));
            if (bytes[3] == (byte) 0xff) {
                assertTrue(loaded.all().get(0).summary().contains("UTF-8"), loaded.all().toString());
            } else {
                assertEquals(composedProblems.all(), loaded.all());
            }
        }
    }

    @Test
    void theLoaderTakesTheSimpleReading() {
        Problems problems = new Problems();
        YNode node = YamlLoader.parse("a: 1\nb:\n  c: \"d\"\n", "x.yaml", problems);
        assertNotNull(node);
        assertEquals(YamlLoader.composed("a: 1\nb:\n  c: \"d\"\n", "x.yaml", new Problems()), node);
        assertFalse(problems.hasErrors());
    }
}
