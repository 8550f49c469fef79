package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.e2e.World.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The CLI around plan, apply and init: confirmation, JSON, value display, --env, init, sealed variables. */
class CliBehaviourTest extends E2eTest {

    @Test
    void applyNeedsYesWithoutATerminalAndAnExplicitYesAtOne() {
        World w = world();
        Run noYes = w.tlctl("apply");
        assertEquals(64, noYes.code(), noYes::toString);
        assertTrue(noYes.err().contains("apply needs --yes when there is no terminal"), noYes::toString);
        assertEquals(0, noYes.mutations(), noYes::toString);

        Run declined = w.run(w.env(), true, "y\n", World.withEnvFile("apply", "--no-color"));
        assertEquals(1, declined.code(), declined::toString);
        assertTrue(declined.err().contains("Only 'yes' is accepted"), declined::toString);
        assertTrue(declined.err().contains("Apply cancelled; nothing was changed."), declined::toString);
        assertEquals(0, declined.mutations(), declined::toString);

        Run accepted = w.run(w.env(), true, "yes\n", World.withEnvFile("apply", "--no-color"));
        assertEquals(0, accepted.code(), accepted::toString);
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code());
    }

    @Test
    void detailedExitcodeKeepsErrorUsageAndSpecCodes() {
        World w = world(c -> c.withFaults("once:MyWorkspaces=error"));
        Run api = w.tlctl("plan", "--detailed-exitcode");
        assertEquals(1, api.code(), api::toString);
        assertTrue(api.err().contains("Could not find project tl-engine: Railway answered \"tlctl sandbox fault: injected"
                + " error\" (myWorkspaces, HTTP 200)."), api::toString);
        assertEquals(2, w.tlctl("plan", "--detailed-exitcode").code());
        Run usage = w.tlctl("plan", "--detailed-exitcode", "--no-such-option");
        assertEquals(64, usage.code(), usage::toString);
        w.edit("environments/staging.yaml", s -> s.replace("numReplicas: 1", "numReplicas: many"));
        Run spec = w.tlctl("plan", "--detailed-exitcode");
        assertEquals(65, spec.code(), spec::toString);
        assertTrue(spec.err().contains("staging.yaml"), spec::toString);
        assertEquals(0, spec.requests(), "an invalid spec is refused before Railway is asked: " + spec);
    }

    @Test
    void applyJsonPrintsJsonLinesOnStdoutAndProgressOnStderr() throws Exception {
        World w = world();
        Run apply = w.tlctl("apply", "--yes", "--json");
        assertEquals(0, apply.code(), apply::toString);
        List<JsonNode> events = new ArrayList<>();
        for (String line : apply.out().split("\n")) {
            JsonNode event = Gql.JSON.readTree(line);
            assertEquals(1, event.path("formatVersion").asInt(), line);
            assertTrue(Set.of("plan", "step", "wait", "result").contains(event.path("event").asText()), line);
            events.add(event);
        }
        assertEquals("plan", events.get(0).path("event").asText());
        assertEquals(57, events.get(0).path("plan").path("summary").path("create").asInt());
        assertEquals(2, events.get(0).path("plan").path("summary").path("byRailway").asInt(),
                "the new service's instances in both environments, made by Railway");
        JsonNode result = events.get(events.size() - 1);
        assertEquals("result", result.path("event").asText());
        assertTrue(result.path("succeeded").asBoolean(), result::toString);
        assertEquals(57, result.path("created").asInt());
        assertEquals(w.projectId(), result.path("projectId").asText());
        assertEquals(8, events.stream().filter(e -> e.path("event").asText().equals("step")).count(),
                "started and finished for each of 4 steps");
        assertTrue(events.stream().anyMatch(e -> "finished".equals(e.path("status").asText())
                && e.path("title").asText().equals("create environment staging")));
        assertTrue(apply.err().contains("ok [1/4] create project tl-engine with environment production"), apply::toString);
        assertFalse(apply.out().contains("Apply complete"), "human text stays off stdout");

        Run nothing = w.tlctl("apply", "--yes", "--json");
        assertEquals(0, nothing.code(), nothing::toString);
        String[] lines = nothing.out().split("\n");
        assertEquals(2, lines.length, nothing::toString);
        assertEquals("plan", Gql.JSON.readTree(lines[0]).path("event").asText());
        JsonNode done = Gql.JSON.readTree(lines[1]);
        assertEquals("result", done.path("event").asText(), "a stream always ends with its result");
        assertTrue(done.path("succeeded").asBoolean());
        assertEquals(0, done.path("steps").asInt());
    }

    @Test
    void planJsonIsOneVersionedDocument() throws Exception {
        World w = world();
        Run plan = w.tlctl("plan", "--json", "--detailed-exitcode");
        assertEquals(2, plan.code(), plan::toString);
        JsonNode doc = Gql.JSON.readTree(plan.out());
        assertEquals(1, doc.path("formatVersion").asInt());
        assertEquals("plan", doc.path("kind").asText());
        assertEquals("tl-engine", doc.path("project").path("name").asText());
        assertEquals(57, doc.path("summary").path("create").asInt());
        assertEquals(0, doc.path("summary").path("update").asInt());
        assertEquals(0, doc.path("summary").path("delete").asInt());
        assertEquals(2, doc.path("summary").path("byRailway").asInt());
        assertEquals(59, doc.path("changes").size());
        assertEquals("railway", find(doc, "staging/engine-api").path("origin").asText());
        assertEquals("[{\"environment\":\"production\",\"services\":[\"engine-api\"]},"
                + "{\"environment\":\"staging\",\"services\":[\"engine-api\"]}]", doc.path("deploys").toString());
        for (JsonNode change : doc.path("changes")) {
            assertTrue(change.path("address").isTextual() && change.path("action").isTextual()
                    && change.path("sensitive").isBoolean(), change::toString);
            if (change.path("sensitive").asBoolean()) {
                assertTrue(change.path("after").isNull(), "a secret is never in the document: " + change);
            }
        }
        JsonNode secret = find(doc, "staging/variable/DATABASE_URL");
        assertEquals("create", secret.path("action").asText());
        assertTrue(secret.path("sensitive").asBoolean());
        assertEquals(2, find(doc, "production/engine-api/setting/deploy.numReplicas").path("after").asInt());

        assertEquals(0, w.tlctl("apply", "--yes").code());
        JsonNode empty = Gql.JSON.readTree(w.tlctl("plan", "--json").out());
        assertEquals(0, empty.path("changes").size());
        assertEquals(w.projectId(), empty.path("project").path("id").asText());
    }

    private static JsonNode find(JsonNode doc, String address) {
        for (JsonNode change : doc.path("changes")) {
            if (change.path("address").asText().equals(address)) {
                return change;
            }
        }
        throw new AssertionError("no change " + address + " in " + doc);
    }

    @Test
    void planShowsPlainValuesByDefaultAndNeverSecrets() {
        World w = world();
        Run hidden = w.tlctl("plan", "--hide-values");
        assertTrue(hidden.out().contains("  + production/engine-api/variable/GUNICORN_WORKERS\n"), hidden::toString);
        Run both = w.tlctl("plan", "--hide-values", "--show-values");
        assertEquals(64, both.code(), both::toString);
        assertTrue(both.err().contains("Error: --hide-values and --show-values exclude each other"), both::toString);
        assertEquals(w.tlctl("plan").out().replaceAll("\\d+\\.\\d+s", ""),
                w.tlctl("plan", "--show-values").out().replaceAll("\\d+\\.\\d+s", ""),
                "--show-values is still accepted, and changes nothing");
        Run shown = w.tlctl("plan");
        assertTrue(shown.out().contains("+ production/engine-api/variable/GUNICORN_WORKERS = \"4\""), shown::toString);
        assertTrue(shown.out().contains("+ production/engine-api/variable/DATABASE_URL = \"${{shared.DATABASE_URL}}\""),
                shown::toString);
        assertTrue(shown.out().contains("+ staging/variable/DEBUG = \"1\""), shown::toString);
        assertTrue(shown.out().contains("+ production/variable/DATABASE_URL (sensitive)\n"), shown::toString);
        assertTrue(shown.out().contains("+ staging/variable/AMQP_URL (sensitive)\n"), shown::toString);
        Run json = w.tlctl("plan", "--json");
        assertTrue(json.out().contains("\"${{shared.REDIS_URL}}\""), json::toString);
        Run hiddenJson = w.tlctl("plan", "--json", "--hide-values");
        assertFalse(hiddenJson.out().contains("\"${{shared.REDIS_URL}}\""), hiddenJson::toString);
    }

    @Test
    void envPlansAndAppliesOnlyTheNamedEnvironment() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.edit("environments/staging.yaml", s -> s.replace("MAX_REQUESTS: \"1000\"", "MAX_REQUESTS: \"2000\""));
        w.edit("tl-engine.yaml", s -> s.replace("MAX_REQUESTS: \"10000\"", "MAX_REQUESTS: \"20000\""));

        Run staging = w.tlctl("plan", "--env", "staging", "--detailed-exitcode");
        assertEquals(2, staging.code(), staging::toString);
        assertTrue(staging.out().contains("~ staging/engine-api/variable/MAX_REQUESTS: \"1000\" -> \"2000\""), staging::toString);
        assertFalse(staging.out().contains("production"), staging::toString);
        assertTrue(staging.out().contains("Plan: 0 to create, 1 to update, 0 to delete."), staging::toString);
        Run unknown = w.tlctl("plan", "--env", "preview");
        assertEquals(64, unknown.code(), unknown::toString);
        assertTrue(unknown.err().contains("unknown environment \"preview\" in --env"), unknown::toString);

        assertEquals(0, w.tlctl("apply", "--env", "staging", "--yes").code());
        assertEquals(0, w.tlctl("plan", "--env", "staging", "--detailed-exitcode").code());
        Run rest = w.tlctl("plan", "--detailed-exitcode");
        assertEquals(2, rest.code(), rest::toString);
        assertTrue(rest.out().contains("~ production/engine-api/variable/MAX_REQUESTS: \"10000\" -> \"20000\""), rest::toString);
        assertTrue(rest.out().contains("Plan: 0 to create, 1 to update, 0 to delete."), rest::toString);
    }

    @Test
    void envCannotLeaveOutTheDefaultEnvironmentOfAProjectStillToCreate() {
        World w = world();
        for (List<String> args : List.of(List.of("plan", "--env", "staging"), List.of("apply", "--env", "staging", "--yes"))) {
            Run run = w.tlctl(args.toArray(String[]::new));
            assertEquals(64, run.code(), run::toString);
            assertTrue(run.err().contains("project tl-engine does not exist yet, and --env leaves out its default"
                    + " environment production"), run::toString);
            assertEquals(0, run.mutations(), run::toString);
        }
        Run initEnv = w.tlctl("init", "--env", "staging");
        assertEquals(64, initEnv.code(), "init creates the project with its default environment; it takes no --env");
        Run init = w.tlctl("init");
        assertEquals(0, init.code(), init::toString);
        assertEquals(List.of("production"), World.names(w.project().path("environments")),
                "the project is created with the spec's default environment");
        Run staging = w.tlctl("apply", "--env", "staging", "--yes");
        assertEquals(0, staging.code(), staging::toString);
        assertTrue(staging.out().contains("+ production/engine-api  (by Railway: added with the new service; production is"
                + " outside this run"), "the plan shows the instance Railway adds outside --env: " + staging);
        assertTrue(w.config("production").path("services").path(w.serviceId("engine-api")).isObject(),
                "as planned, Railway put the new service in production too");
        assertEquals(List.of("production", "staging"), World.names(w.project().path("environments")));
        assertEquals(0, w.tlctl("plan", "--env", "staging", "--detailed-exitcode").code());
        assertEquals(0, w.tlctl("apply", "--yes").code());
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code());
    }

    @Test
    void initIsIdempotentAndRecordsTheIdKeepingComments() {
        World w = world();
        List<String> before = w.read("tl-engine.yaml").lines().toList();
        Run created = w.tlctl("init");
        assertEquals(0, created.code(), created::toString);
        String id = w.projectId();
        assertTrue(created.out().contains("Created project tl-engine: " + id), created::toString);
        assertEquals(List.of("production"), World.names(w.project().path("environments")));

        Run again = w.tlctl("init");
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.out().contains("Project tl-engine exists: " + id), again::toString);
        assertEquals(0, again.mutations(), again::toString);
        assertEquals(before, w.read("tl-engine.yaml").lines().toList(), "without --record nor a terminal, the spec is unchanged");

        w.forgetCachedId();
        Run record = w.tlctl("init", "--record");
        assertEquals(0, record.code(), record::toString);
        assertEquals(0, record.mutations(), record::toString);
        List<String> after = w.read("tl-engine.yaml").lines().toList();
        assertTrue(after.contains("  id: " + id), after::toString);
        List<String> kept = new ArrayList<>(before);
        kept.removeIf(line -> line.trim().startsWith("# id:")); // the placeholder the id replaces
        List<String> remaining = new ArrayList<>(after);
        remaining.remove("  id: " + id);
        assertEquals(kept, remaining, "every other line, comments included, is kept");

        w.forgetCachedId();
        Run plan = w.tlctl("plan");
        assertEquals(0, plan.code(), plan::toString);
        assertEquals(1, plan.requests(), "the recorded id makes the read one request: " + plan);
        Run third = w.tlctl("init", "--record");
        assertEquals(0, third.code(), third::toString);
        assertEquals(after, w.read("tl-engine.yaml").lines().toList());
    }

    @Test
    void aSealedVariableIsComparedByFingerprint() {
        World w = world();
        String first = "sealed-fixture-value-0001";
        String second = "sealed-fixture-value-0002";
        w.secret(first);
        w.secret(second);
        w.write("environments/sealed.env", "FIXTURE_SEALED=" + first + "\n");
        w.edit("tl-engine.yaml", s -> s.replace("  DEBUG: \"0\"\n",
                "  DEBUG: \"0\"\n  SIGNING_KEY: {value: \"${env:FIXTURE_SEALED}\", sealed: true}\n"));

        Run apply = w.tlctl("apply", "--yes", "--env-file", "environments/sealed.env");
        assertEquals(0, apply.code(), apply::toString);
        JsonNode sealed = w.config("production").path("sharedVariables").path("SIGNING_KEY");
        assertTrue(sealed.path("isSealed").asBoolean(), sealed::toString);
        assertFalse(sealed.has("value"), "a sealed value never comes back: " + sealed);

        Run same = w.tlctl("plan", "--detailed-exitcode", "--env-file", "environments/sealed.env");
        assertEquals(0, same.code(), same::toString);

        w.write("environments/sealed.env", "FIXTURE_SEALED=" + second + "\n");
        Run changed = w.tlctl("plan", "--detailed-exitcode", "--env-file", "environments/sealed.env");
        assertEquals(2, changed.code(), changed::toString);
        assertTrue(changed.out().contains("~ production/variable/SIGNING_KEY (sensitive, changed, sealed)"), changed::toString);
        assertTrue(changed.out().contains("~ staging/variable/SIGNING_KEY (sensitive, changed, sealed)"), changed::toString);
        assertEquals(0, w.tlctl("apply", "--yes", "--env-file", "environments/sealed.env").code());
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode", "--env-file", "environments/sealed.env").code());
    }
}
