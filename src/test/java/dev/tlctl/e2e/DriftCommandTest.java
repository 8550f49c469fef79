package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlctl.e2e.World.Run;
import dev.tlctl.spec.DotEnv;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code tlctl drift}, {@code drift --compare} and {@code vars list} on the sandbox: each scene
 * applies the spec, changes one thing behind tlctl's back with raw GraphQL, and checks that drift
 * reports exactly that (exit 2), and nothing at all before it (exit 0).
 */
class DriftCommandTest extends E2eTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Applies the spec and checks that a fresh apply shows no drift at all. */
    private World applied() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        Run clean = w.tlctl("drift");
        assertEquals(0, clean.code(), clean::toString);
        assertTrue(clean.out().contains("No drift."), clean::toString);
        return w;
    }

    /** The findings of {@code drift --json}, by address; the exit code checked. */
    private static Map<String, JsonNode> findings(World w, int expectedExit, String... more) {
        List<String> args = new ArrayList<>(List.of("drift", "--json"));
        args.addAll(List.of(more));
        Run run = w.tlctl(args.toArray(String[]::new));
        assertEquals(expectedExit, run.code(), run::toString);
        JsonNode doc = parse(run);
        assertEquals(1, doc.path("formatVersion").asInt());
        assertEquals("drift", doc.path("kind").asText());
        assertEquals(1, run.requests(), "one read with the remembered id: " + run);
        assertEquals(0, run.mutations(), run::toString);
        Map<String, JsonNode> out = new LinkedHashMap<>();
        doc.path("findings").forEach(f -> out.put(f.path("address").asText(), f));
        assertEquals(out.size(), doc.path("summary").path("findings").asInt());
        return out;
    }

    private static JsonNode parse(Run run) {
        try {
            return JSON.readTree(run.out());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + run, e);
        }
    }

    private static JsonNode only(Map<String, JsonNode> findings, String address) {
        assertEquals(List.of(address), List.copyOf(findings.keySet()), "exactly one finding: " + findings);
        return findings.get(address);
    }

    @Test
    void aVariableChangedOnRailwayIsDriftThatSaysWhichSideMoved() throws java.io.IOException {
        World w = applied();
        assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"),
                java.nio.file.Files.getPosixFilePermissions(w.dir.resolve(".tlctl/state.json")),
                "the records of what tlctl wrote are the owner's only");
        w.upsertVariable("staging", "engine-api", "GUNICORN_WORKERS", "7");
        JsonNode f = only(findings(w, 2), "staging/engine-api/variable/GUNICORN_WORKERS");
        assertEquals("different", f.path("side").asText());
        assertEquals("railway_changed", f.path("direction").asText());
        assertEquals("changed on Railway since tlctl last applied it", f.path("explanation").asText());
        assertTrue(f.path("railway").isNull(), "no value without --show-values: " + f);

        Map<String, JsonNode> shown = findings(w, 2, "--show-values");
        assertEquals("7", shown.get("staging/engine-api/variable/GUNICORN_WORKERS").path("railway").asText());
        assertEquals("1", shown.get("staging/engine-api/variable/GUNICORN_WORKERS").path("spec").asText());

        Run human = w.tlctl("drift", "--env", "staging");
        assertEquals(2, human.code(), human::toString);
        assertTrue(human.out().contains("variable GUNICORN_WORKERS  (hidden)  (hidden)  changed on Railway since tlctl"
                + " last applied it"), human::toString);
        assertTrue(human.out().contains("Drift: 1 difference (0 on Railway only, 0 in the YAML only, 1 different)."),
                human::toString);
    }

    @Test
    void aValueChangedInTheYamlIsDriftNotAppliedYet() {
        World w = applied();
        w.edit("environments/staging.yaml", t -> t.replace("GUNICORN_WORKERS: \"1\"", "GUNICORN_WORKERS: \"2\""));
        JsonNode f = only(findings(w, 2), "staging/engine-api/variable/GUNICORN_WORKERS");
        assertEquals("spec_changed", f.path("direction").asText());
        assertEquals("changed in the YAML and not applied yet", f.path("explanation").asText());
    }

    @Test
    void aVariableDeletedOnRailwayIsDrift() {
        World w = applied();
        w.deleteVariable("staging", "engine-api", "MAX_REQUESTS");
        JsonNode f = only(findings(w, 2), "staging/engine-api/variable/MAX_REQUESTS");
        assertEquals("only_in_spec", f.path("side").asText());
        assertEquals("deleted on Railway since tlctl applied it", f.path("explanation").asText());
    }

    @Test
    void aVariableAddedOnRailwayIsDriftUnlikeInPlan() {
        World w = applied();
        w.upsertVariable("production", "engine-api", "EXTRA_FLAG", "on");
        JsonNode f = only(findings(w, 2), "production/engine-api/variable/EXTRA_FLAG");
        assertEquals("only_on_railway", f.path("side").asText());
        assertEquals("on Railway, not in the YAML", f.path("explanation").asText());
        assertFalse(f.path("sensitive").asBoolean(), "EXTRA_FLAG=on is not a secret by name or value");
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code(), "plan leaves unmanaged variables alone");
    }

    @Test
    void valuesFromRailwayNeverReachTheTerminalAsControlCharacters() {
        World w = applied();
        w.upsertVariable("production", "engine-api", "BANNER", "\u001b]0;owned\u0007\u001b[2Jline\nbreak");
        Run run = w.tlctl("drift", "--show-values");
        assertEquals(2, run.code(), run::toString);
        assertFalse(run.out().chars().anyMatch(c -> c == 0x1b || c == 0x07), "no escape or bell: " + run);
        assertTrue(run.out().contains("\\u001b]0;owned\\u0007\\u001b[2Jline\\u000abreak"), run::toString);
        Run vars = w.tlctl("vars", "list", "--env", "production", "--show-values", "--output", "markdown");
        assertFalse(vars.out().chars().anyMatch(c -> c == 0x1b || c == 0x07), vars::toString);
        w.upsertVariable("production", "engine-api", "GUNICORN_WORKERS", "\u001b[2J4");
        Run plan = w.tlctl("plan", "--show-values");
        assertTrue(plan.out().contains("production/engine-api/variable/GUNICORN_WORKERS: \"\\u001b[2J4\" -> \"4\""),
                plan::toString);
        assertFalse(plan.all().chars().anyMatch(c -> c == 0x1b || c == 0x07), "plan escapes them too: " + plan);
    }

    @Test
    void aServiceVariableShadowingTheSharedOneIsDrift() {
        World w = applied();
        w.upsertVariable("staging", "engine-api", "ENVIRONMENT", "production");
        JsonNode f = only(findings(w, 2), "staging/engine-api/variable/ENVIRONMENT");
        assertTrue(f.path("detail").asText().startsWith("shadows the shared ENVIRONMENT with a value of its own"), f::toString);
    }

    @Test
    void aDeclaredSettingChangedOnRailwayIsDrift() {
        World w = applied();
        w.patch("staging", Map.of("services", Map.of(w.serviceId("engine-api"),
                Map.of("deploy", Map.of("healthcheckPath", "/changed-by-hand")))));
        JsonNode f = only(findings(w, 2), "staging/engine-api/setting/deploy.healthcheckPath");
        assertEquals("/changed-by-hand", f.path("railway").asText(), "settings are always shown");
        assertEquals("/health", f.path("spec").asText());
        assertEquals("railway_changed", f.path("direction").asText());
    }

    @Test
    void aSettingTheSpecDoesNotDeclareIsDriftWhenNotRailwaysDefault() {
        World w = applied();
        w.patch("production", Map.of("services", Map.of(w.serviceId("engine-api"),
                Map.of("deploy", Map.of("preDeployCommand", List.of("python -m engine.migrate"))))));
        JsonNode f = only(findings(w, 2), "production/engine-api/setting/deploy.preDeployCommand");
        assertEquals("only_on_railway", f.path("side").asText());
        assertEquals("python -m engine.migrate", f.path("railway").path(0).asText());
        assertEquals("on Railway, not in the YAML", f.path("explanation").asText());
    }

    @Test
    void anExtraServiceIsDrift() {
        World w = applied();
        w.gql.data("mutation E2eServiceCreate($input: ServiceCreateInput!) { serviceCreate(input: $input) { id } }",
                Map.of("input", Map.of("projectId", w.projectId(), "name", "stray")));
        JsonNode f = only(findings(w, 2), "project/service/stray");
        assertEquals("only_on_railway", f.path("side").asText());
    }

    @Test
    void anExtraEnvironmentIsDrift() {
        World w = applied();
        w.later();
        w.gql.data("mutation E2eEnvironmentCreate($input: EnvironmentCreateInput!) { environmentCreate(input: $input) { id } }",
                Map.of("input", Map.of("projectId", w.projectId(), "name", "preview")));
        JsonNode f = only(findings(w, 2), "preview");
        assertEquals("only_on_railway", f.path("side").asText());
        assertEquals(0, findings(w, 0, "--env", "staging").size(), "--env staging looks at staging only");
    }

    @Test
    void driftIgnoreSilencesWhatIsManagedByHand() {
        World w = applied();
        w.edit("tl-engine.yaml", t -> t + "\ndrift:\n  ignore:\n    - \"*/engine-api/variable/EXTRA_*\"\n");
        w.upsertVariable("production", "engine-api", "EXTRA_FLAG", "on");
        w.upsertVariable("production", "engine-api", "OTHER_FLAG", "on");
        Run run = w.tlctl("drift", "--json");
        assertEquals(2, run.code(), run::toString);
        JsonNode doc = parse(run);
        assertEquals(1, doc.path("summary").path("ignored").asInt(), run::toString);
        assertEquals("production/engine-api/variable/OTHER_FLAG", doc.path("findings").path(0).path("address").asText());
        assertEquals(1, doc.path("findings").size(), run::toString);

        w.deleteVariable("production", "engine-api", "OTHER_FLAG");
        Run silenced = w.tlctl("drift");
        assertEquals(0, silenced.code(), silenced::toString);
        assertTrue(silenced.out().contains("1 ignored by drift.ignore"), silenced::toString);
    }

    @Test
    void aMissingProjectIsOneFinding() {
        World w = world();
        Run run = w.tlctl("drift", "--env", "staging");
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.out().contains("project  -        exists  in the YAML, not on Railway"), run::toString);
        assertEquals(0, run.mutations(), run::toString);
    }

    @Test
    void markdownIsATableForAPullRequest() {
        World w = applied();
        w.upsertVariable("staging", "engine-api", "GUNICORN_WORKERS", "7");
        Run md = w.tlctl("drift", "--output", "markdown");
        assertEquals(2, md.code(), md::toString);
        assertTrue(md.out().contains("| Address | Railway | YAML | Finding |"), md::toString);
        assertTrue(md.out().contains("| staging/engine-api/variable/GUNICORN\\_WORKERS | (hidden) | (hidden) |"), md::toString);
        assertTrue(md.out().contains("**Drift: 1 difference"), md::toString);
        Run both = w.tlctl("drift", "--json", "--output", "markdown");
        assertEquals(64, both.code(), both::toString);
    }

    // ---- --compare ----------------------------------------------------------------------------

    @Test
    void compareFindsAMissingKeyADifferingSettingAndASharedSecretWithoutShowingIt() {
        World w = applied();
        String productionDb = DotEnv.read(w.dir.resolve(World.ENV_FILE)).get("PRODUCTION_DATABASE_URL");
        assertTrue(productionDb != null && !productionDb.isEmpty(), "the sandbox values hold production's database URL");
        w.upsertVariable("production", "engine-api", "FEATURE_SEARCH", "on");
        w.patch("staging", Map.of("services", Map.of(w.serviceId("engine-api"),
                Map.of("deploy", Map.of("healthcheckPath", "/staging-only")))));
        w.upsertVariable("staging", null, "DATABASE_URL", productionDb);

        Run run = w.tlctl("drift", "--compare", "production", "staging", "--json");
        assertEquals(2, run.code(), run::toString);
        assertEquals(1, run.requests(), "one read for both environments: " + run);
        JsonNode doc = parse(run);
        assertEquals("comparison", doc.path("kind").asText());
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        doc.path("differences").forEach(d -> byKey.put(d.path("type").asText() + " " + d.path("service").asText("")
                + " " + d.path("name").asText(), d));
        JsonNode missing = byKey.get("only_left engine-api FEATURE_SEARCH");
        assertTrue(missing != null && !missing.path("declared").asBoolean(), doc::toPrettyString);
        JsonNode setting = byKey.get("different engine-api deploy.healthcheckPath");
        assertTrue(setting != null && !setting.path("declared").asBoolean(), doc::toPrettyString);
        assertEquals("/staging-only", setting.path("right").asText());
        JsonNode risk = byKey.get("same_secret  DATABASE_URL");
        assertTrue(risk != null && risk.path("risk").asBoolean() && !risk.path("declared").asBoolean(), doc::toPrettyString);
        assertEquals("production/variable/DATABASE_URL", risk.path("leftAddress").asText());
        JsonNode replicas = byKey.get("different engine-api deploy.numReplicas");
        assertTrue(replicas != null && replicas.path("declared").asBoolean(), "the overlay declares it: " + doc);
        assertEquals(1, doc.path("summary").path("risks").asInt());

        for (String[] mode : List.of(new String[] {}, new String[] {"--show-values"}, new String[] {"--json", "--show-values"},
                new String[] {"--output", "markdown", "--show-values"}, new String[] {"--undeclared-only"})) {
            List<String> args = new ArrayList<>(List.of("drift", "--compare", "production", "staging"));
            args.addAll(List.of(mode));
            Run shown = w.tlctl(args.toArray(String[]::new));
            assertEquals(2, shown.code(), shown::toString);
            assertFalse(shown.all().contains(productionDb), "the shared secret is never shown: " + String.join(" ", mode));
            assertFalse(shown.all().contains("fake-prod-password"), shown::toString);
        }
        Run human = w.tlctl("drift", "--compare", "production", "staging", "--undeclared-only");
        assertTrue(human.out().contains("RISK: staging/variable/DATABASE_URL holds the same secret value as"
                + " production/variable/DATABASE_URL"), human::toString);
        assertFalse(human.out().contains("deploy.numReplicas"), "declared differences are not shown: " + human);
        assertTrue(human.out().contains("(not shown: --undeclared-only)"), human::toString);
    }

    @Test
    void compareOfEnvironmentsAsDeclaredHasOnlyDeclaredDifferences() {
        World w = applied();
        Run run = w.tlctl("drift", "--compare", "production", "staging");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("Declared in the spec (expected):"), run::toString);
        assertFalse(run.out().contains("Not declared in the spec:"), run::toString);
        assertTrue(run.out().contains("0 risks, 0 differences not declared in the spec"), run::toString);
    }

    @Test
    void compareRefusesWhatItCannotDo() {
        World w = applied();
        assertEquals(64, w.tlctl("drift", "--compare", "production", "production").code());
        Run unknown = w.tlctl("drift", "--compare", "production", "qa");
        assertEquals(64, unknown.code(), unknown::toString);
        assertTrue(unknown.err().contains("no environment \"qa\""), unknown::toString);
        assertEquals(64, w.tlctl("drift", "--compare", "production", "staging", "--env", "staging").code());
        assertEquals(64, w.tlctl("drift", "--undeclared-only").code());
    }

    // ---- vars list ----------------------------------------------------------------------------

    @Test
    void varsListShowsOriginsAndNeverSecrets() {
        World w = applied();
        w.upsertVariable("staging", "engine-api", "EXTRA_FLAG", "on");
        Run run = w.tlctl("vars", "list", "--env", "staging", "--json", "--show-values");
        assertEquals(0, run.code(), run::toString);
        assertEquals(1, run.requests(), run::toString);
        JsonNode doc = parse(run);
        assertEquals("variables", doc.path("kind").asText());
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        doc.path("variables").forEach(v -> byName.put(v.path("service").asText("shared") + "/" + v.path("name").asText(), v));
        assertEquals("railway", byName.get("engine-api/EXTRA_FLAG").path("origin").asText());
        assertEquals("on", byName.get("engine-api/EXTRA_FLAG").path("value").asText());
        assertEquals("reference", byName.get("engine-api/DATABASE_URL").path("form").asText());
        assertEquals("${{shared.DATABASE_URL}}", byName.get("engine-api/DATABASE_URL").path("value").asText());
        JsonNode db = byName.get("shared/DATABASE_URL");
        assertTrue(db.path("sensitive").asBoolean() && db.path("value").isNull(), db::toString);
        assertEquals("declared", db.path("origin").asText());

        Run human = w.tlctl("vars", "list", "--env", "staging", "--service", "engine-api");
        assertEquals(0, human.code(), human::toString);
        assertTrue(human.out().contains("EXTRA_FLAG        Railway only         (hidden; --show-values shows it)"), human::toString);
        assertFalse(human.out().contains("shared variables"), "--service lists that service only: " + human);
        assertEquals(64, w.tlctl("vars", "list", "--env", "staging", "--service", "nope").code());
    }
}
