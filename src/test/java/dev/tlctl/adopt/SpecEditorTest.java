package dev.tlctl.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlctl.spec.SpecEditor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text edits of a spec that keep its comments and layout. */
class SpecEditorTest {
    static final String SPEC = """
            # top comment
            version: 1
            environments:
              production: {}

            services:
              api:
                source:
                  repo: acme/app   # the code
                deploy:
                  startCommand: old
                  preDeployCommand:
                    - a
                    - b
                variables:
                  A: "1"

              # the worker
              worker:
                enabled: false
            """;

    @Test
    void replacesAValueKeepingItsComment() {
        assertEquals(SPEC.replace("repo: acme/app   # the code", "repo: acme/other   # the code"),
                SpecEditor.set("f", SPEC, List.of("services", "api", "source", "repo"), "acme/other"));
    }

    @Test
    void replacesAListWrittenOnSeveralLines() {
        assertEquals(SPEC.replace("preDeployCommand:\n        - a\n        - b", "preDeployCommand: [\"c\"]"),
                SpecEditor.set("f", SPEC, List.of("services", "api", "deploy", "preDeployCommand"), "[\"c\"]"));
    }

    @Test
    void addsMissingKeysAfterTheLastLineOfTheDeepestMapping() {
        assertEquals(SPEC.replace("        - b\n", "        - b\n      healthcheckPath: /health\n"),
                SpecEditor.set("f", SPEC, List.of("services", "api", "deploy", "healthcheckPath"), "/health"));
        assertEquals(SPEC.replace("    enabled: false\n", "    enabled: false\n    build:\n      builder: DOCKERFILE\n"),
                SpecEditor.set("f", SPEC, List.of("services", "worker", "build", "builder"), "DOCKERFILE"));
        assertEquals(SPEC + "  web:\n    deploy:\n      numReplicas: 2\n",
                SpecEditor.set("f", SPEC, List.of("services", "web", "deploy", "numReplicas"), "2"));
    }

    @Test
    void anEmptyFlowMappingBecomesABlock() {
        assertEquals(SPEC.replace("  production: {}\n", "  production:\n    from: x\n"),
                SpecEditor.set("f", SPEC, List.of("environments", "production", "from"), "x"));
    }

    @Test
    void aNewFileGetsTheKeys() {
        assertEquals("# staging\nservices:\n  api:\n    deploy:\n      numReplicas: 1\n",
                SpecEditor.set("f", "# staging\n", List.of("services", "api", "deploy", "numReplicas"), "1"));
        assertEquals("services:\n  api:\n    deploy:\n      numReplicas: 1\n",
                SpecEditor.set("f", "", List.of("services", "api", "deploy", "numReplicas"), "1"));
    }

    @Test
    void readsTheCurrentScalar() {
        assertEquals("old", SpecEditor.current(SPEC, List.of("services", "api", "deploy", "startCommand")));
        assertEquals(null, SpecEditor.current(SPEC, List.of("services", "api", "deploy", "nothing")));
    }

    @Test
    void aFlowMappingWithContentIsNotEdited() {
        var e = assertThrows(SpecEditor.EditException.class, () -> SpecEditor.set("tl-engine.yaml",
                "services:\n  api: {deploy: {startCommand: x}}\n", List.of("services", "api", "deploy", "x"), "1"));
        assertEquals("tl-engine.yaml:2: services.api is not a mapping in block style; edit it by hand", e.getMessage());
    }
}
