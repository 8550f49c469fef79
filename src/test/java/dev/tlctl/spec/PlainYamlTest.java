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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tree {@link PlainYaml} builds from the parser's events is the composer's, node for node
 * (positions, paths, kinds, order); anything it does not read plainly it leaves to the composer.
 */
class PlainYamlTest {
    @TempDir
    Path tmp;

    /** Compares both readings; returns whether the plain one read it. */
    private static boolean same(String text) {
        Problems problems = new Problems();
        YNode composed = YamlLoader.composed(text, "f.yaml", problems);
        YNode plain = PlainYaml.read(text, "f.yaml", YamlLoader.options());
        if (plain != null) {
            assertEquals(composed, plain, text.length() > 400 ? text.substring(0, 400) : text);
            assertFalse(problems.hasErrors(), () -> "read plainly, yet the composer found: " + problems.all());
        }
        return plain != null;
    }

    private static void plain(String text) {
        assertTrue(same(text), text);
    }

    private static void notPlain(String text) {
        assertFalse(same(text), text);
    }

    @Test
    void plainDocumentsGiveTheComposersTree() {
        plain("version: 1\nproject:\n  name: demo\nenvironments:\n  production: {}\n  staging: { from: production }\n");
        plain("a: 1\nb: 0x1F\nc: 1.5e3\nd: .inf\ne: true\nf: yes\ng: off\nh: ~\ni: null\nj:\nk: 2024-01-02\n"
                + "l: 2024-01-02T03:04:05Z\nm: '1'\nn: \"true\"\no: ''\np: -0\nq: +1\nr: 0o17\ns: 1_000\n");
        plain("list:\n  - one\n  - [two, three]\n  - {four: 4}\n  -\n  - - nested\n    - again\nempty: []\nnone: {}\n");
        plain("literal: |\n  line one\n  line two\nfolded: >-\n  folded\n  text\nquoted: \"tab\\there \\u00e9\"\n");
        plain("\"odd key\": 1\n'with.dot': 2\n\"a\\\"quote\": 3\nüñí: 4\n\"\": 5\n? complex plain key\n: 6\n\"<<\": 7\n");
        plain("# a comment\n---\nkey: value # trailing\n...\n");
        plain("---\n");
        plain("just a scalar");
        plain("- a\n- b\n");
        plain("services:\n  web:\n    variables:\n      A: \"${env:A}\"\n      B: ${{shared.B}}\n      C: {value: x, secret: true}\n");
        plain("flow: {a: [1, 2, {b: c}], 'd': \"e\"}\n");
    }

    @Test
    void anythingElseIsLeftToTheComposer() {
        notPlain("");
        notPlain("# only a comment\n");
        notPlain("a: &x 1\nb: *x\n");
        notPlain("base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n");
        notPlain("a: !!str 1\n");
        notPlain("a: !custom x\n");
        notPlain("a: !!binary aGVsbG8=\n");
        notPlain("! a: 1\n");
        notPlain("a: 1\na: 2\n");
        notPlain("? [a, b]\n: 1\n");
        notPlain("? {a: b}\n: 1\n");
        notPlain("a: 1\n---\nb: 2\n");
        notPlain("a: \"unclosed\nb: 2\n");
        notPlain("a:\n\t- tab\n");
        notPlain("a: <<\n");
        notPlain("a: [1, 2\n");
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 45; i++) {
            deep.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        notPlain(deep.toString());
    }

    @Test
    void aLargeGeneratedSpecIsReadPlainly() {
        StringBuilder yaml = new StringBuilder("version: 1\nproject:\n  name: big\nenvironments:\n  production: {}\n"
                + "services:\n");
        for (int s = 1; s <= 20; s++) {
            yaml.append("  svc-").append(s).append(":\n    source:\n      image: nginx:1\n    deploy:\n")
                    .append("      startCommand: \"./run svc-").append(s).append("\"\n      numReplicas: 1\n    variables:\n");
            for (int v = 1; v <= 100; v++) {
                yaml.append("      VAR_").append(v).append(": \"value-").append(s).append('-').append(v).append("\"\n");
            }
        }
        plain(yaml.toString());
    }

    @Test
    void theRepositorysAndEveryMalformedSpecsFilesReadTheSame() throws IOException {
        int plain = 0;
        int files = 0;
        List<Path> repository = List.of(Path.of("tl-engine.yaml"), Path.of("environments/production.yaml"),
                Path.of("environments/staging.yaml"));
        for (Path file : repository) {
            plain(Files.readString(file));
        }
        for (MalformedSpecs.Case c : MalformedSpecs.all()) {
            Path dir = Files.createDirectories(tmp.resolve("case-" + files));
            c.fixture().writeTo(dir);
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path file : walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .toList()) {
                    files++;
                    byte[] bytes = Files.readAllBytes(file);
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    if (same(text)) {
                        plain++;
                    }
                }
            }
        }
        assertTrue(files > 50, "files read: " + files);
        assertTrue(plain > files / 2, plain + " of " + files + " read plainly");
    }

    @Test
    void aPlainReadGivesTheSameSpecAsBefore() {
        Problems problems = new Problems();
        YNode node = YamlLoader.parse("a: [1, {b: c}]\n", "x.yaml", problems);
        assertNotNull(node);
        assertEquals(YamlLoader.composed("a: [1, {b: c}]\n", "x.yaml", new Problems()), node);
        assertNull(YamlLoader.parse("", "x.yaml", problems));
        assertFalse(problems.hasErrors());
    }
}
