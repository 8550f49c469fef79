package dev.tlctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlctl.sandbox.Sandbox;
import dev.tlctl.sandbox.SandboxConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code tlctl sandbox usage set} and {@code tlctl sandbox usage period}, run in-process against a state file. */
class SandboxUsageCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USAGE = "query($m: [MetricMeasurement!]!) { usage(measurements: $m,"
            + " groupBy: [PROJECT_ID, ENVIRONMENT_ID, SERVICE_ID], startDate: \\\"2026-09-01T00:00:00Z\\\","
            + " endDate: \\\"2026-10-01T00:00:00Z\\\") { measurement value tags { projectId environmentId serviceId } } }";
    private static final String CUSTOMER = "query($id: String!) { workspace(workspaceId: $id) { customer {"
            + " currentUsage billingPeriod { start end } } } }";

    @TempDir
    Path cwd;

    @ParameterizedTest
    @ValueSource(strings = {"sandbox usage", "sandbox usage set", "sandbox usage period"})
    void helpHasExamplesAndExitCodes(String command) {
        dev.tlctl.testing.Tlctl.Run run = dev.tlctl.testing.Tlctl.in(cwd).run((command + " --help").split(" "));
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("Examples:"), run.out());
        assertTrue(run.out().contains("Exit codes"), run.out());
        assertFalse(run.out().matches("(?s).*\\bnull\\b.*"), run.out());
    }

    @Test
    void setAndPeriodWriteTheStateARunningSandboxAnswers() throws Exception {
        Path state = cwd.resolve("s.json");
        Clock september10 = Clock.fixed(Instant.parse("2026-09-10T00:00:00Z"), ZoneOffset.UTC);
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withTiming(SandboxConfig.Timing.immediate())
                .withStateFile(state).withClock(september10))) {
            String token = sandbox.accountToken();
            post(sandbox, token, "mutation { projectCreate(input: {name: \\\"demo\\\"}) { id } }");
            post(sandbox, token, "mutation($p: String!) { serviceCreate(input: {projectId: $p, name: \\\"api\\\"}) { id } }",
                    "p", projectId(sandbox, token));

            dev.tlctl.testing.Tlctl.Run period = dev.tlctl.testing.Tlctl.in(cwd).run("sandbox", "usage", "period",
                    "--start", "2026-09-01", "--end", "2026-10-01T00:00:00Z", "--state", "s.json");
            assertEquals(0, period.code(), period::toString);
            assertEquals("billing period: 2026-09-01T00:00:00Z to 2026-10-01T00:00:00Z\n", period.out());

            dev.tlctl.testing.Tlctl.Run set = dev.tlctl.testing.Tlctl.in(cwd).run("sandbox", "usage", "set", "--project", "demo",
                    "--environment", "production", "--service", "api", "--measurement", "CPU_USAGE", "--value", "4320",
                    "--from", "2026-09-01", "--to", "2026-09-04", "--state", "s.json");
            assertEquals(0, set.code(), set::toString);
            assertEquals("CPU_USAGE of demo/production/api: 4320.0\n", set.out());

            JsonNode usage = post(sandbox, token, USAGE, "m", new String[] {"CPU_USAGE"}).at("/data/usage/0");
            assertEquals(4320, usage.get("value").asDouble(), 1e-9);
            assertFalse(usage.at("/tags/serviceId").isNull());

            String workspace = post(sandbox, token, "{ me { workspaces { id } } }").at("/data/me/workspaces/0/id").asText();
            JsonNode customer = post(sandbox, token, CUSTOMER, "id", workspace).at("/data/workspace/customer");
            assertEquals("2026-09-01T00:00:00Z", customer.at("/billingPeriod/start").asText());
            assertEquals(2.0, customer.get("currentUsage").asDouble(), 1e-9, "4320 vCPU-minutes at $20 a vCPU-month");

            dev.tlctl.testing.Tlctl.Run dollars = dev.tlctl.testing.Tlctl.in(cwd).run("sandbox", "usage", "set", "--current-usage", "12.5",
                    "--state", "s.json");
            assertEquals("current usage: $12.50\n", dollars.out());
            assertEquals(12.5, post(sandbox, token, CUSTOMER, "id", workspace)
                    .at("/data/workspace/customer/currentUsage").asDouble(), 1e-9);
            dev.tlctl.testing.Tlctl.Run derived = dev.tlctl.testing.Tlctl.in(cwd).run("sandbox", "usage", "set", "--current-usage",
                    "derived", "--state", "s.json");
            assertEquals("current usage: derived from the usage figures\n", derived.out());
            assertEquals(2.0, post(sandbox, token, CUSTOMER, "id", workspace)
                    .at("/data/workspace/customer/currentUsage").asDouble(), 1e-9);
        }
    }

    @Test
    void missingOrConflictingOptionsAndBadValuesAreUsageErrors() {
        assertUsageError("usage set needs --project, --measurement and --value (or --current-usage)",
                "sandbox", "usage", "set", "--project", "demo");
        assertUsageError("give either --current-usage or --project, --measurement and --value, not both",
                "sandbox", "usage", "set", "--current-usage", "3", "--project", "demo");
        assertUsageError("--current-usage takes a number of dollars or 'derived', not lots",
                "sandbox", "usage", "set", "--current-usage", "lots");
        assertUsageError("Unknown measurement CPU; expected one of [BACKUP_USAGE_GB,",
                "sandbox", "usage", "set", "--project", "demo", "--measurement", "CPU", "--value", "1");
        assertUsageError("--from takes a date such as 2026-09-01 or an instant such as 2026-09-01T00:00:00Z, not"
                + " yesterday", "sandbox", "usage", "set", "--project", "demo", "--measurement", "CPU_USAGE",
                "--value", "1", "--from", "yesterday");
        assertUsageError("The billing period must end after it starts: 2026-10-01T00:00:00Z to 2026-09-01T00:00:00Z",
                "sandbox", "usage", "period", "--start", "2026-10-01", "--end", "2026-09-01");
        assertUsageError("a sandbox usage command is required: set or period", "sandbox", "usage");
        dev.tlctl.testing.Tlctl.Run missing = dev.tlctl.testing.Tlctl.in(cwd).run("sandbox", "usage", "period", "--start", "2026-10-01");
        assertEquals(64, missing.code(), missing::toString);
    }

    @Test
    void anUnknownProjectIsAnError() {
        dev.tlctl.testing.Tlctl.Run run = dev.tlctl.testing.Tlctl.in(cwd).run("sandbox", "usage", "set", "--project", "nope",
                "--measurement", "CPU_USAGE", "--value", "1");
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("Could not set the usage"), run.err());
        assertTrue(run.err().contains("No project named nope in the sandbox state (state: "
                + cwd.resolve(".tlctl/sandbox.json")), run.err());
    }

    private void assertUsageError(String message, String... args) {
        dev.tlctl.testing.Tlctl.Run run = dev.tlctl.testing.Tlctl.in(cwd).run(args);
        assertEquals(64, run.code(), run::toString);
        assertTrue(run.err().contains(message), run::toString);
    }

    private static String projectId(Sandbox sandbox, String token) throws Exception {
        return post(sandbox, token, "{ projects { edges { node { id } } } }").at("/data/projects/edges/0/node/id").asText();
    }

    private static JsonNode post(Sandbox sandbox, String token, String query, Object... variables) throws Exception {
        Map<String, Object> vars = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < variables.length; i += 2) {
            vars.put((String) variables[i], variables[i + 1]);
        }
        String body = "{\"query\": \"" + query + "\", \"variables\": " + JSON.writeValueAsString(vars) + "}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                sandbox.graphqlUrl().toString())).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = JSON.readTree(response.body());
        assertFalse(json.has("errors"), json::toString);
        return json;
    }
}
