package dev.tlctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.audit.Difference;
import dev.tlctl.audit.DriftFinding;
import dev.tlctl.audit.DriftReport;
import dev.tlctl.audit.ListedVariable;
import dev.tlctl.live.LiveState;
import dev.tlctl.live.LiveWorkspace;
import dev.tlctl.plan.Address;
import dev.tlctl.plan.Change;
import dev.tlctl.plan.Plan;
import dev.tlctl.plan.PlanOptions;
import dev.tlctl.plan.Planner;
import dev.tlctl.reconcile.ApplyOutcome;
import dev.tlctl.reconcile.ApplyStep;
import dev.tlctl.reconcile.CompareResult;
import dev.tlctl.reconcile.DriftResult;
import dev.tlctl.reconcile.PlanResult;
import dev.tlctl.reconcile.ReconcileException;
import dev.tlctl.reconcile.RequestTally;
import dev.tlctl.reconcile.ValidateResult;
import dev.tlctl.reconcile.VariablesResult;
import dev.tlctl.secret.Secret;
import dev.tlctl.spec.Diagnostic;
import dev.tlctl.spec.Location;
import dev.tlctl.spec.Spec;
import dev.tlctl.testing.LiveBuilder;
import dev.tlctl.testing.SpecBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each command's views in every form, terraform style: a result built in code, rendered to a
 * captured {@link Terminal}, the exact text asserted. (The golden files cover the same views end to
 * end, from a sandbox through the command line.)
 */
class ViewsTest {
    private static final String DB = "postgresql://app:fake-MARKER-password@db/app";
    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    /** A terminal whose streams are kept: no colour, no person watching. */
    private static final class Captured {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Style.plain(), false);

        String out() {
            return out.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return err.toString(StandardCharsets.UTF_8);
        }

        JsonNode json() throws Exception {
            return Json.MAPPER.readTree(out());
        }
    }

    private static Spec spec() {
        return SpecBuilder.project("shop").environment("production")
                .shared("DATABASE_URL", SpecBuilder.fromEnv("DB", DB))
                .service("api", s -> s.setting("source.image", "ghcr.io/acme/api:1").setting("deploy.numReplicas", 2L)
                        .variable("WORKERS", "4"))
                .build();
    }

    /** The plan of {@code spec} against a project where WORKERS was set to 8 and DATABASE_URL changed. */
    private static PlanResult planned() {
        Spec spec = spec();
        LiveState live = new LiveState(new LiveWorkspace("ws-1", "team", "cus-1", true, null, 0),
                LiveBuilder.shared(LiveBuilder.variable(LiveBuilder.applied(spec), "production", "api", "WORKERS", "8"),
                        "production", "DATABASE_URL", "postgresql://app:fake-MARKER-other@db/app"));
        Plan plan = Planner.plan(spec, live, PlanOptions.defaults());
        return new PlanResult(spec, live, plan, List.of(), List.of("production"), false, null, "https://example.test",
                NOW, Set.of());
    }

    @Test
    void planForPeopleShowsValuesButNeverASecret() {
        Captured c = new Captured();
        PlanView.of(c.terminal, Format.HUMAN, true).render(planned());
        assertEquals("""
                tlctl will make these changes to project shop in workspace team:

                  production
                  ~ production/api/variable/WORKERS: "8" -> "4"
                  ~ production/variable/DATABASE_URL (sensitive, changed)
                  Deploys: api (one deployment)

                Plan: 0 to create, 2 to update, 0 to delete.
                """, c.out());
        assertEquals("", c.err());

        Captured hidden = new Captured();
        PlanView.of(hidden.terminal, Format.HUMAN, false).render(planned());
        assertTrue(hidden.out().contains("  ~ production/api/variable/WORKERS (value changed)\n"), hidden.out());
    }

    @Test
    void planAsJsonHoldsNoSecretValue() throws Exception {
        Captured c = new Captured();
        PlanView.of(c.terminal, Format.JSON, true).render(planned());
        JsonNode doc = c.json();
        assertEquals(1, doc.get("formatVersion").asInt());
        assertEquals("plan", doc.get("kind").asText());
        assertEquals(2, doc.at("/summary/update").asInt());
        JsonNode db = doc.at("/changes/1");
        assertEquals("production/variable/DATABASE_URL", db.get("address").asText());
        assertTrue(db.get("sensitive").asBoolean());
        assertTrue(db.get("before").isNull() && db.get("after").isNull(), db::toString);
        assertEquals("4", doc.at("/changes/0/after").asText());
        assertFalse(c.out().contains("MARKER"));
    }

    private static ApplyOutcome failed() {
        PlanResult planned = planned();
        List<Change> changes = planned.plan().changes();
        ApplyStep first = new ApplyStep(1, 2, "create service api", List.of());
        ApplyStep commit = new ApplyStep(2, 2, "commit environment production", changes);
        return new ApplyOutcome(planned, ApplyOutcome.Status.FAILED, new ApplyOutcome.Steps("prj-1", List.of(first), commit,
                "Could not commit environment production: Railway answered \"boom\" (environmentPatchCommit, HTTP 200).",
                true, List.of(), List.of(), List.of()), List.of(), List.of(), null, List.of());
    }

    @Test
    void aFailedApplySaysWhatWasAndWasNotApplied() {
        Captured c = new Captured();
        ApplyView view = ApplyView.of(c.terminal, false, true);
        ApplyOutcome outcome = failed();
        view.finished(outcome.steps().done().get(0), Duration.ofMillis(250));
        view.failed(outcome.steps().failed(), Duration.ofMillis(1500), outcome.steps().error());
        view.outcome(outcome, new RequestTally(4, 96L, 100L), 1750);
        assertEquals("", c.out());
        assertEquals("""
                  ok [1/2] create service api (0.25s)
                  FAILED [2/2] commit environment production (1.50s)

                Apply failed at step 2 of 2 (commit environment production).
                  Railway said: Could not commit environment production: Railway answered "boom" (environmentPatchCommit, HTTP 200).
                  Applied (0 created, 0 updated, 0 deleted):
                    - create service api
                  Not applied:
                    - commit environment production (may be partly applied)
                  Running `tlctl apply` again converges: it plans from what Railway has now.
                tlctl: 4 requests to Railway (96 of 100 left in this window)
                """, c.err());
    }

    @Test
    void applyAsJsonLinesEndsWithItsResult() throws Exception {
        Captured c = new Captured();
        ApplyView view = ApplyView.of(c.terminal, true, true);
        ApplyOutcome outcome = failed();
        view.waited("create service api", "Railway's creation quota", Duration.ofSeconds(31));
        view.failed(outcome.steps().failed(), Duration.ofMillis(1500), outcome.steps().error());
        view.outcome(outcome, new RequestTally(4, null, null), 1750);
        List<String> lines = c.out().lines().toList();
        assertEquals(3, lines.size(), c.out());
        JsonNode wait = Json.MAPPER.readTree(lines.get(0));
        assertEquals("wait", wait.get("event").asText());
        assertEquals(31_000, wait.get("waitMs").asLong());
        JsonNode step = Json.MAPPER.readTree(lines.get(1));
        assertEquals("failed", step.get("status").asText());
        assertEquals(List.of("production/api/variable/WORKERS", "production/variable/DATABASE_URL"),
                Json.MAPPER.convertValue(step.get("changes"), List.class));
        JsonNode result = Json.MAPPER.readTree(lines.get(2));
        assertEquals("failed", result.get("status").asText());
        assertFalse(result.get("succeeded").asBoolean());
        assertEquals("prj-1", result.get("projectId").asText());
        assertEquals("commit environment production", result.get("failedStep").asText());
        assertEquals(4, result.get("requests").asInt());
        assertTrue(c.err().contains("Apply failed at step 2 of 2"), "people still read stderr: " + c.err());
        assertFalse(c.err().contains("tlctl: 4 requests"), "the count is in the result event: " + c.err());
    }

    private static DriftResult drifted() {
        DriftReport report = new DriftReport("shop", List.of("production"), List.of(
                new DriftFinding(Address.variable("production", "api", "WORKERS"), DriftFinding.Side.DIFFERENT,
                        DriftFinding.Direction.RAILWAY_CHANGED, Secret.of("8"), Secret.of("4"), false, null),
                new DriftFinding(Address.variable("production", null, "DATABASE_URL"), DriftFinding.Side.DIFFERENT,
                        DriftFinding.Direction.UNKNOWN, Secret.of(DB + "x"), Secret.of(DB), true, null)),
                0, List.of("A note."), List.of());
        return new DriftResult(planned(), report);
    }

    @Test
    void driftInEveryForm() throws Exception {
        Captured human = new Captured();
        DriftView.of(human.terminal, Format.HUMAN, false).render(drifted());
        assertEquals("""
                Drift in project shop (production): Railway and the spec differ.

                  production
                    api
                      WHAT              RAILWAY   YAML      FINDING
                      variable WORKERS  (hidden)  (hidden)  changed on Railway since tlctl last applied it

                    shared variables
                      WHAT                   RAILWAY      YAML         FINDING
                      variable DATABASE_URL  (sensitive)  (sensitive)  differs

                Notes:
                  - A note.

                Drift: 2 differences (0 on Railway only, 0 in the YAML only, 2 different).
                """, human.out());

        Captured markdown = new Captured();
        DriftView.of(markdown.terminal, Format.MARKDOWN, true).render(drifted());
        assertTrue(markdown.out().startsWith("### tlctl drift: shop (production)\n\n| Address | Railway | YAML | Finding |\n"),
                markdown.out());
        assertTrue(markdown.out().contains("| production/api/variable/WORKERS | 8 | 4 |"), markdown.out());
        assertTrue(markdown.out().endsWith("> A note.\n\n**Drift: 2 differences (0 on Railway only, 0 in the YAML only,"
                + " 2 different).**\n"), markdown.out());

        Captured json = new Captured();
        DriftView.of(json.terminal, Format.JSON, true).render(drifted());
        JsonNode doc = json.json();
        assertEquals("drift", doc.get("kind").asText());
        assertEquals(2, doc.at("/summary/different").asInt());
        assertEquals("8", doc.at("/findings/0/railway").asText());
        assertTrue(doc.at("/findings/1/railway").isNull());
        for (Captured each : List.of(human, markdown, json)) {
            assertFalse(each.out().contains("MARKER"), each.out());
        }
    }

    private static CompareResult compared(boolean undeclaredOnly) {
        List<Difference> all = List.of(
                new Difference(Difference.Type.SAME_SECRET, Difference.Subject.VARIABLE, "api", "DATABASE_URL",
                        "production/api/variable/DATABASE_URL", "staging/api/variable/DATABASE_URL", null, null, true, false,
                        "both hold the same secret"),
                new Difference(Difference.Type.DIFFERENT, Difference.Subject.SETTING, "api", "deploy.numReplicas",
                        "production/api/setting/deploy.numReplicas", "staging/api/setting/deploy.numReplicas", 2L, 1L,
                        false, true, null));
        List<Difference> shown = undeclaredOnly ? all.subList(0, 1) : all;
        return new CompareResult("shop", "production", "staging", shown, List.of(), undeclaredOnly,
                new CompareResult.Tally(1, 0, 1));
    }

    @Test
    void aComparisonCountsWhatItDoesNotShow() throws Exception {
        Captured human = new Captured();
        CompareView.of(human.terminal, Format.HUMAN, false).render(compared(true));
        assertEquals("""
                production vs staging in project shop

                Not declared in the spec:

                  api
                    WHAT                   PRODUCTION   STAGING      FINDING
                    variable DATABASE_URL  (sensitive)  (sensitive)  RISK: both hold the same secret

                Compare production vs staging: 1 risk, 0 differences not declared in the spec, 1 declared (not shown: --undeclared-only).
                """, human.out());

        Captured json = new Captured();
        CompareView.of(json.terminal, Format.JSON, false).render(compared(true));
        JsonNode doc = json.json();
        assertEquals(1, doc.get("differences").size());
        assertEquals(0, doc.at("/summary/declared").asInt(), "the document counts what it holds");
        assertTrue(compared(false).hasFindings());
    }

    @Test
    void variablesCarryTheirTallies() throws Exception {
        VariablesResult list = new VariablesResult("shop", "production", null, List.of(
                new ListedVariable("api", "WORKERS", true, ListedVariable.Form.VALUE, Secret.of("4"), false),
                new ListedVariable(null, "DATABASE_URL", false, ListedVariable.Form.VALUE, Secret.of(DB), true)));
        assertEquals(1, list.declared());
        assertEquals(1, list.secrets());
        Captured markdown = new Captured();
        VariablesView.of(markdown.terminal, Format.MARKDOWN, true).render(list);
        assertEquals("""
                ### Variables of production (shop)

                | Service | Name | Origin | Value |
                |---|---|---|---|
                | api | WORKERS | declared | 4 |
                | (shared) | DATABASE\\_URL | Railway only | (sensitive) |

                **2 variables: 1 declared, 1 on Railway only; 1 secret (never shown).**
                """, markdown.out());
        Captured json = new Captured();
        VariablesView.of(json.terminal, Format.JSON, false).render(list);
        assertTrue(json.json().at("/variables/0/value").isNull(), "not asked for: " + json.out());
        assertTrue(json.json().at("/variables/1/value").isNull(), "a secret: " + json.out());
    }

    @Test
    void anInvalidSpecListsEveryProblemAndTheNotes() throws Exception {
        Location at = new Location("tl-engine.yaml", "services.api.deploy.numReplicas", 7, 20);
        ValidateResult invalid = new ValidateResult("tl-engine.yaml", null,
                List.of(Diagnostic.error(at, "numReplicas must be a whole number", "Write numReplicas: 2.")),
                List.of(Diagnostic.error(Diagnostic.Cause.MISSING_VALUE, at.withPath("sharedVariables.DB"),
                        "DB is not set", "Pass --env-file.").asNote()),
                ReconcileException.Kind.INVALID_SPEC);
        assertEquals(1, invalid.errors());
        Captured human = new Captured();
        ValidateView.of(human.terminal, Format.HUMAN).render(invalid);
        assertEquals("", human.out());
        assertTrue(human.err().endsWith("tl-engine.yaml is invalid: 1 error.\n"), human.err());
        assertTrue(human.err().startsWith("tl-engine.yaml:7:20: note: sharedVariables.DB: DB is not set\n"), human.err());
        Captured json = new Captured();
        ValidateView.of(json.terminal, Format.JSON).render(invalid);
        assertFalse(json.json().get("valid").asBoolean());
        assertEquals("error", json.json().at("/diagnostics/0/severity").asText());
        Captured markdown = new Captured();
        ValidateView.of(markdown.terminal, Format.MARKDOWN).render(invalid);
        assertEquals("### tlctl validate: tl-engine.yaml is invalid (1 error)\n\n"
                + "|  | Where | What |\n|---|---|---|\n"
                + "| error | tl-engine.yaml:7:20 services.api.deploy.numReplicas | numReplicas must be a whole number."
                + " Write numReplicas: 2. |\n"
                + "| note | tl-engine.yaml:7:20 sharedVariables.DB | DB is not set. Pass --env-file. |\n", markdown.out());
        assertEquals("note", json.json().at("/notes/0/severity").asText());
        assertEquals(ExitCodes.SPEC_INVALID, ExitCodes.of(invalid.failure()));
    }
}
