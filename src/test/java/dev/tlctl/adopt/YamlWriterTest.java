package dev.tlctl.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The YAML import writes: read back by SnakeYAML (what the spec reader uses), every string is itself. */
class YamlWriterTest {
    private static final List<String> HARD = List.of("", " ", "plain", "with space", " leading", "trailing ", "0", "007",
            "1.5", "-1", "+1", ".5", "1e3", "0x1F", "1_000", "12:30", "2026-12-07", "true", "False", "YES", "no", "on",
            "Off", "y", "N", "null", "Null", "~", "=", "<<", "-", "- item", "? key", ": x", "a: b", "a:b", "a #b", "a#b",
            "#comment", "key:", "[list]", "{map}", "a, b", "&anchor", "*alias", "!tag", "|", ">", "'single'",
            "\"double\"", "%directive", "@at", "`tick`", "back\\slash", "line\nbreak", "tab\there", "cr\rhere",
            "nul\u0000", "bell\u0007", "del\u007f", "nel\u0085", "ls\u2028", "bom\ufeff", "é accent", "日本", "emoji 🚀",
            "lone \ud800 surrogate", "${{shared.DATABASE_URL}}", "${env:STAGING_X}", "$${env:X}",
            "gunicorn engine.main:app -k uvicorn.workers.UvicornWorker --bind 0.0.0.0:$PORT", "*/15 * * * *",
            "postgresql://u@h:5432/db?sslmode=require", "C:\\path", "http://x.y/?a=1&b=2", ".inf", ".NaN",
            "--flag", "./serve", ".hidden", ".", "..", ".5x", "a\"b'c", "end:", "trailing colon :", "x\u000b");

    @Test
    void everyStringReadsBackAsItself() {
        Yaml yaml = new Yaml(new LoaderOptions());
        for (String text : HARD) {
            String written = "k: " + YamlWriter.scalar(text) + "\n";
            Object read = ((Map<?, ?>) yaml.load(written)).get("k");
            assertEquals(text, read, () -> "written as " + written);
            String key = YamlWriter.scalar(text) + ": 1\n";
            if (!text.isEmpty()) {
                assertEquals(Map.of(text, 1), yaml.load(key), () -> "key written as " + key);
            }
        }
    }

    @Test
    void aNameFromRailwayInACommentCannotEndIt() {
        Yaml yaml = new Yaml(new LoaderOptions());
        SpecDocument document = new SpecDocument().header("volume evil\rservices: {}", "domain x\u2028hacked: 1",
                "nel\u0085injected: 2");
        document.root().put("version", 1L);
        document.footer(List.of("tcp\r\ninjected: 3"));
        String text = document.text();
        assertEquals(Map.of("version", 1), yaml.load(text), text);
    }

    @Test
    void mappingsInAListReadBackWithEveryHardString() {
        Yaml yaml = new Yaml(new LoaderOptions());
        SpecDocument document = new SpecDocument();
        List<SpecDocument.Mapping> items = new java.util.ArrayList<>();
        List<Map<String, Object>> expected = new java.util.ArrayList<>();
        for (String text : HARD) {
            items.add(new SpecDocument.Mapping().put("mountPath", text).put("size", 10_000L));
            expected.add(Map.of("mountPath", text, "size", 10_000));
        }
        items.add(new SpecDocument.Mapping());
        expected.add(Map.of());
        document.root().mapping("api").put("volumes", items);
        Object read = ((Map<?, ?>) ((Map<?, ?>) yaml.load(document.text())).get("api")).get("volumes");
        assertEquals(expected, read, document::text);
        assertEquals("api:\n  volumes:\n    - mountPath: plain\n      size: 10000\n", text("plain"));
    }

    private static String text(String mountPath) {
        SpecDocument document = new SpecDocument();
        document.root().mapping("api").put("volumes", List.of(new SpecDocument.Mapping().put("mountPath", mountPath)
                .put("size", 10_000L)));
        return document.text();
    }

    @Test
    void inlineListsReadBack() {
        Yaml yaml = new Yaml(new LoaderOptions());
        List<String> items = List.of("src/**", "a, b", "[x]", "0", "tab\there");
        Object read = ((Map<?, ?>) yaml.load("k: " + YamlWriter.inline(items))).get("k");
        assertEquals(items, read);
    }

    @Test
    void numbersAndBooleansAreWrittenPlainAndWholeNumbersWithoutAFraction() {
        assertEquals("2", YamlWriter.value(2.0));
        assertEquals("0.512", YamlWriter.value(0.512));
        assertEquals("0.0001", YamlWriter.value(1.0E-4));
        assertEquals("300", YamlWriter.value(300L));
        assertEquals("false", YamlWriter.value(false));
        assertEquals("null", YamlWriter.value(null));
    }

    @Test
    void aDocumentHasOneLayout() {
        SpecDocument document = new SpecDocument().header("first line", "second line");
        var root = document.root();
        root.put("version", 1L);
        root.mapping("environments").mapping("production");
        root.mapping("environments").mapping("staging").put("from", "production");
        var services = root.mapping("services");
        services.mapping("api").mapping("build").put("watchPatterns", List.of("src/**"));
        services.mapping("api").mapping("variables").put("DEBUG", "0").put("GONE", null);
        services.mapping("worker").put("enabled", false);
        services.comment("worker", List.of("a comment above"));
        document.footer(List.of("the end", "  indented"));
        assertEquals("""
                # first line
                # second line

                version: 1

                environments:
                  production: {}
                  staging:
                    from: production

                services:
                  api:
                    build:
                      watchPatterns:
                        - src/**
                    variables:
                      DEBUG: "0"
                      GONE: null

                  # a comment above
                  worker:
                    enabled: false

                # the end
                #   indented
                """, document.text());
    }
}
