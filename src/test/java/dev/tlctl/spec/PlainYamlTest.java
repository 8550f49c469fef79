package dev.tlctl.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
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
        return ComposerReadings.same((t, file) -> PlainYaml.read(t, file, YamlLoader.options()), text);
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
        ComposerReadings.corpus(tmp, PlainYamlTest::same, 2);
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
