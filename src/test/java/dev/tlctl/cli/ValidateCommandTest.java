package dev.tlctl.cli;

import static dev.tlctl.spec.SpecFixture.LEAK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlctl.testing.Tlctl;
import dev.tlctl.testing.Tlctl.Run;
import dev.tlctl.spec.SpecFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code tlctl validate} and the CLI skeleton, run in-process. */
class ValidateCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ANSI = "\u001b[";

    @TempDir
    Path tmp;

    /** A valid spec with a secret from the environment, a staging overlay and a usage limit. */
    static SpecFixture valid() {
        return SpecFixture.base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                  staging:
                    from: production
                sharedVariables:
                  DEBUG: "0"
                  API_TOKEN: ${env:FIXTURE_TOKEN}
                services:
                  api:
                    deploy:
                      numReplicas: 2
                    variables:
                      DEBUG: ${{shared.DEBUG}}
                      API_TOKEN: ${{shared.API_TOKEN}}
                billing:
                  usageLimit:
                    softLimitDollars: 5
                    hardLimitDollars: 10
                version: 1
                """).overlay("staging", """
                services:
                  api:
                    deploy:
                      numReplicas: 1
                """);
    }

    /** The same spec with one error on line 13. */
    static SpecFixture invalid() {
        return SpecFixture.base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                sharedVariables:
                  DEBUG: "0"
                  API_TOKEN: ${env:FIXTURE_TOKEN}
                services:
                  api:
                    deploy:
                      numReplicas: 2
                    variables:
                      1BAD: x
                version: 1
                """);
    }

    private Run validate(SpecFixture fixture, String... args) {
        Path dir = fixture.writeTo(tmp);
        String[] all = new String[args.length + 1];
        all[0] = "validate";
        System.arraycopy(args, 0, all, 1, args.length);
        return Tlctl.in(dir).env(fixture.env()).run(all);
    }

    @Test
    void aValidSpecExitsZeroWithASummaryOnStdout() {
        Run run = validate(valid());
        assertEquals(0, run.code(), run::toString);
        assertEquals("", run.err());
        assertTrue(run.out().contains("tl-engine.yaml is valid."), run::toString);
        assertTrue(run.out().contains("Usage limit  soft $5 (email alert), hard $10 (stops services); workspace-wide on Railway"), run::toString);
        assertTrue(run.out().contains("staging (inherits production's declaration; created empty on Railway)"), run::toString);
        assertTrue(run.out().lines().anyMatch(l -> l.matches("\\s+shared\\s+API_TOKEN\\s+\\(sensitive\\)\\s+from \\$\\{env:FIXTURE_TOKEN}")),
                run::toString);
        assertFalse(run.all().contains(LEAK));
    }

    @Test
    void anInvalidSpecExits65WithCompilerStyleDiagnosticsOnStderr() {
        Run run = validate(invalid());
        assertEquals(65, run.code(), run::toString);
        assertEquals("", run.out());
        String[] lines = run.err().split("\n");
        assertTrue(lines[0].endsWith("tl-engine.yaml:13:7: error: services.api.variables.1BAD: invalid variable name \"1BAD\""), run::toString);
        assertEquals("    Variable names are letters, digits and underscores, and do not start with a digit.", lines[1]);
        assertTrue(lines[2].endsWith("tl-engine.yaml is invalid: 1 error."), run::toString);
        assertFalse(run.all().contains(LEAK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "--jsn", "extra-argument"})
    void aUsageErrorExits64(String arg) {
        Run run = validate(valid(), arg);
        assertEquals(64, run.code(), run::toString);
        assertTrue(run.err().contains("Run 'tlctl validate --help' for usage."), run::toString);
        assertEquals("", run.out());
    }

    @Test
    void noCommandIsAUsageError() {
        Run run = Tlctl.in(tmp).env(Map.of()).run();
        assertEquals(64, run.code(), run::toString);
        assertTrue(run.err().contains("Error: a command is required"), run::toString);
    }

    @Test
    void jsonForAValidSpec() throws Exception {
        Run run = validate(valid(), "--json");
        assertEquals(0, run.code(), run::toString);
        assertEquals("", run.err());
        JsonNode doc = JSON.readTree(run.out());
        assertEquals(1, doc.get("formatVersion").asInt());
        assertTrue(doc.get("valid").asBoolean());
        assertEquals("tl-test", doc.at("/project/name").asText());
        assertEquals("production", doc.at("/environments/0/name").asText());
        assertEquals("staging", doc.at("/environments/1/name").asText());
        assertEquals("production", doc.at("/environments/1/from").asText());
        JsonNode token = doc.at("/environments/0/sharedVariables/1");
        assertEquals("API_TOKEN", token.get("name").asText());
        assertTrue(token.get("sensitive").asBoolean());
        assertTrue(token.get("value").isNull());
        assertEquals("${env:FIXTURE_TOKEN}", token.get("reference").asText());
        assertEquals("0", doc.at("/environments/0/sharedVariables/0/value").asText());
        assertEquals(1, doc.at("/environments/1/services/0/settings/deploy.numReplicas").asInt());
        assertEquals("workspace", doc.at("/billing/usageLimit/scope").asText());
        assertFalse(run.all().contains(LEAK));
    }

    @Test
    void jsonForAnInvalidSpec() throws Exception {
        Run run = validate(invalid(), "--json");
        assertEquals(65, run.code(), run::toString);
        assertEquals("", run.err());
        JsonNode doc = JSON.readTree(run.out());
        assertEquals(1, doc.get("formatVersion").asInt());
        assertFalse(doc.get("valid").asBoolean());
        assertEquals(1, doc.get("diagnostics").size());
        JsonNode d = doc.at("/diagnostics/0");
        assertEquals("error", d.get("severity").asText());
        assertTrue(d.get("file").asText().endsWith("tl-engine.yaml"));
        assertEquals("services.api.variables.1BAD", d.get("path").asText());
        assertEquals(13, d.get("line").asInt());
        assertEquals(7, d.get("column").asInt());
        assertEquals("invalid variable name \"1BAD\"", d.get("summary").asText());
        assertTrue(d.get("detail").asText().startsWith("Variable names are"));
    }

    @Test
    void fileIsRelativeToTheWorkingDirectory() throws Exception {
        Path dir = valid().writeTo(tmp);
        Files.move(dir.resolve("tl-engine.yaml"), dir.resolve("other.yaml"));
        Map<String, String> env = valid().env();
        Run run = Tlctl.in(dir.getParent()).env(env).run("validate", "-f", dir.getFileName() + "/other.yaml");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains(dir.resolve("other.yaml") + " is valid."), run::toString);
        Run here = Tlctl.in(dir).env(env).run("-f", "other.yaml", "validate");
        assertEquals(0, here.code(), here::toString);
        Run missing = Tlctl.in(dir.getParent()).env(env).run("validate", "-f", "other.yaml");
        assertEquals(66, missing.code(), "no input: " + missing);
        assertTrue(missing.err().contains(dir.getParent().resolve("other.yaml") + ": error: no spec file here"), missing::toString);
    }

    @Test
    void envFileFeedsReferencesAndIsRelativeToTheWorkingDirectory() throws Exception {
        SpecFixture fixture = SpecFixture.base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                sharedVariables:
                  SESSION_SECRET: ${env:SESSION_SECRET}
                version: 1
                """).file("secrets/local.env", "export SESSION_SECRET='" + SpecFixture.MARKER + "-dotenv'\n");
        Path dir = fixture.writeTo(tmp);
        Run without = Tlctl.in(dir).env(Map.of()).run("validate");
        assertEquals(0, without.code(), "a missing value is a note for validate: " + without);
        assertTrue(without.err().contains("note: 1 reference cannot be resolved"), without::toString);
        Run with = Tlctl.in(dir).env(Map.of()).run("validate", "--env-file", "secrets/local.env");
        assertEquals(0, with.code(), with::toString);
        assertTrue(with.out().contains("SESSION_SECRET  (sensitive)  from ${env:SESSION_SECRET}"), with::toString);
        Run badFile = Tlctl.in(dir).env(Map.of()).run("validate", "--env-file", "secrets/nope.env");
        assertEquals(66, badFile.code(), "no input: " + badFile);
        assertTrue(badFile.err().contains("error: cannot read the env file"), badFile::toString);
        for (Run run : new Run[] {without, with, badFile}) {
            assertFalse(run.all().contains(LEAK), run::toString);
        }
    }

    @Test
    void sandboxValuesAreReadOnlyInSandboxMode() {
        SpecFixture fixture = SpecFixture.base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                sharedVariables:
                  DATABASE_URL: ${env:PRODUCTION_DATABASE_URL}
                version: 1
                """).file("environments/sandbox.env",
                "PRODUCTION_DATABASE_URL=postgresql://engine:" + SpecFixture.MARKER + "-sandbox@db.sandbox.invalid/x\n");
        Path dir = fixture.writeTo(tmp);
        Run plain = Tlctl.in(dir).env(Map.of()).run("validate");
        assertEquals(0, plain.code(), plain::toString);
        assertTrue(plain.err().contains("note: 1 reference cannot be resolved"), plain::toString);
        assertTrue(plain.err().contains("${env:PRODUCTION_DATABASE_URL} at "), plain::toString);
        Run sandbox = Tlctl.in(dir).env(Map.of()).run("validate", "--sandbox");
        assertEquals(0, sandbox.code(), sandbox::toString);
        assertFalse(plain.all().contains(LEAK));
        assertFalse(sandbox.all().contains(LEAK));
    }

    @Test
    void theRepositorySpecValidatesInSandboxModeWithoutShowingItsFakeSecrets() throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        Run plain = Tlctl.in(repo).env(Map.of()).run("validate");
        assertEquals(0, plain.code(), plain::toString);
        assertTrue(plain.err().contains("note: 6 references cannot be resolved"), plain::toString);
        Run sandbox = Tlctl.in(repo).env(Map.of()).run("validate", "--sandbox");
        assertEquals(0, sandbox.code(), sandbox::toString);
        assertTrue(sandbox.out().contains("  engine-api          in production, staging\n"), sandbox::toString);
        assertTrue(sandbox.out().contains("  engine-worker       disabled (not created)\n"), sandbox::toString);
        assertTrue(sandbox.out().contains("  engine-scheduler    disabled (not created)\n"), sandbox::toString);
        Run json = Tlctl.in(repo).env(Map.of()).run("validate", "--env-file", "environments/sandbox.env", "--json");
        assertEquals(0, json.code(), json::toString);
        assertTrue(JSON.readTree(json.out()).get("valid").asBoolean());
        for (String value : dev.tlctl.spec.DotEnv.read(repo.resolve("environments/sandbox.env")).values()) {
            for (Run run : new Run[] {plain, sandbox, json}) {
                assertFalse(run.all().contains(value), run::toString);
                assertFalse(run.all().contains("fake-prod-password"), run::toString);
                assertFalse(run.all().contains("fake-staging-password"), run::toString);
            }
        }
    }

    @Test
    void version() {
        Run run = Tlctl.in(tmp).env(Map.of()).run("--version");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().startsWith("tlctl "), run::toString);
        assertTrue(run.out().lines().findFirst().orElseThrow().matches("tlctl \\S+ \\(commit .+\\)"), run::toString);
    }

    @Test
    void help() {
        Run run = Tlctl.in(tmp).env(Map.of()).run("--help");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("validate"), run::toString);
        Run validateHelp = Tlctl.in(tmp).env(Map.of()).run("validate", "--help");
        assertEquals(0, validateHelp.code(), validateHelp::toString);
        assertTrue(validateHelp.out().contains("65"), validateHelp::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void completionScripts(String shell) {
        Run run = Tlctl.in(tmp).env(Map.of()).run("completion", shell);
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().length() > 200, run::toString);
        assertTrue(run.out().contains("validate"), "the script completes the validate command");
        assertTrue(run.out().contains("--env-file"), "and its options");
        assertEquals("zsh".equals(shell), run.out().startsWith("#compdef tlctl"), "compinit reads zsh's first line");
        assertEquals("", run.err());
    }

    @Test
    void completionForAnUnknownShellIsAUsageError() {
        Run run = Tlctl.in(tmp).env(Map.of()).run("completion", "powershell");
        assertEquals(64, run.code(), run::toString);
    }

    @Test
    void colourOnlyOnATerminalWithoutNoColor() {
        Path ok = valid().writeTo(tmp);
        Path bad = invalid().writeTo(tmp);
        Map<String, String> env = valid().env();
        Map<String, String> noColorEnv = new java.util.HashMap<>(env);
        noColorEnv.put("NO_COLOR", "1");
        // The control: a terminal gets colour, so the assertions below can fail.
        assertTrue(Tlctl.in(ok).env(env).terminal("").run("validate").out().contains(ANSI));
        assertTrue(Tlctl.in(bad).env(env).terminal("").run("validate").err().contains(ANSI));
        for (Path dir : new Path[] {ok, bad}) {
            Run[] runs = {
                Tlctl.in(dir).env(noColorEnv).terminal("").run("validate"),
                Tlctl.in(dir).env(env).terminal("").run("validate", "--no-color"),
                Tlctl.in(dir).env(env).terminal("").run("--no-color", "validate"),
                Tlctl.in(dir).env(env).run("validate"),
                Tlctl.in(dir).env(noColorEnv).terminal("").run("validate", "--help"),
                Tlctl.in(dir).env(env).terminal("").run("validate", "--bogus", "--no-color"),
            };
            for (Run run : runs) {
                assertFalse(run.all().contains(ANSI), run::toString);
            }
        }
    }
}
