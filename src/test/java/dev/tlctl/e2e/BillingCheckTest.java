package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.e2e.World.Run;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code tlctl billing} and {@code billing check} against the sandbox, as the "done when"
 * lists them: no limit set, limits applied from the spec, spend over the threshold (current or
 * projected), live limits differing from the spec, a staging service that does not sleep or runs
 * two replicas; every request counted (one with the project's id known, two by name). The scene's
 * clock stands at 2026-11-30T08:00Z, in the sandbox's November billing period.
 */
class BillingCheckTest extends E2eTest {

    /** The repository's spec applied, its id remembered: the next read is one request. */
    private World applied() {
        World w = world();
        Run apply = w.tlctl("apply", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        return w;
    }

    private static JsonNode json(Run run) throws Exception {
        return Gql.JSON.readTree(run.out());
    }

    private static List<String> failed(JsonNode doc) {
        List<String> out = new ArrayList<>();
        doc.path("checks").forEach(c -> {
            if (!c.path("passed").asBoolean()) {
                out.add(c.path("check").asText() + " " + c.path("subject").asText());
            }
        });
        return out;
    }

    private static String customerId(World w) {
        return w.gql.data("query E2eCustomer { me { workspaces { customer { id } } } }", Map.of())
                .at("/me/workspaces/0/customer/id").asText();
    }

    @Test
    void limitsAppliedFromTheSpecPassInOneRequestWithTheIdKnownAndTwoByName() throws Exception {
        World w = applied();
        Run check = w.tlctl("billing", "check");
        assertEquals(0, check.code(), check::toString);
        assertEquals(1, check.requests(), "one request with the project's id known: " + check);
        assertEquals(0, check.mutations());
        assertTrue(check.out().startsWith("Billing check passed: 9 checks. Spent $0.00, 0% of the $25 soft limit;"),
                check::toString);
        assertTrue(check.err().contains("tlctl: 1 request to Railway"), check::toString);

        w.forgetCachedId();
        Run byName = w.tlctl("billing");
        assertEquals(0, byName.code(), byName::toString);
        assertEquals(2, byName.requests(), "found by name: the user's workspaces, then the project with its usage");

        w.edit("tl-engine.yaml", s -> s.replace("  # id: ...", "  id: " + w.projectId()));
        Run byId = w.tlctl("billing", "check", "--json");
        assertEquals(0, byId.code(), byId::toString);
        assertEquals(1, byId.requests());
        JsonNode doc = json(byId);
        assertEquals(List.of(), failed(doc));
        assertEquals(9, doc.path("summary").path("checkCount").asInt());
        assertTrue(doc.path("summary").path("passed").asBoolean());
    }

    @Test
    void planAndApplyDoNotPayForUsageTheyDoNotShow() {
        World w = applied();
        List<String> reads = java.util.Collections.synchronizedList(new ArrayList<>());
        w.hook(new dev.tlctl.railway.RequestListener() {
            @Override
            public void onRequest(dev.tlctl.railway.GraphQLRequest request, int attempt) {
                reads.add(request.operation() + " " + new java.util.TreeMap<>(request.variables()).keySet());
            }
        });
        assertEquals(0, w.tlctl("plan").code());
        assertEquals(List.of("readProject [billing, id]"), reads, "the plan's read is what it always was");
        reads.clear();
        assertEquals(0, w.tlctl("billing").code());
        assertEquals(List.of("readProject [billing, id, usage]"), reads, "the same document, with its usage switched on");
    }

    @Test
    void noLimitSetFailsNamingIt() throws Exception {
        World w = world();
        w.edit("tl-engine.yaml", s -> s.replace("""
                  usageLimit:
                    softLimitDollars: 25    # email alert
                    hardLimitDollars: 50    # Railway stops the workspace's services
                """, ""));
        assertEquals(0, w.tlctl("apply", "--yes").code());
        Run check = w.tlctl("billing", "check");
        assertEquals(3, check.code(), check::toString);
        assertEquals(1, check.requests());
        assertTrue(check.out().startsWith("FAIL no usage alert: the workspace has no usage limit on Railway, so nobody is"
                + " told what it spends; declare billing.usageLimit.softLimitDollars in the spec and run tlctl apply\n"),
                check::toString);
        assertTrue(check.out().contains("Billing check failed: 1 of "), check::toString);

        Run doc = w.tlctl("billing", "check", "--json");
        assertEquals(3, doc.code());
        assertEquals(List.of("usage_limit_set workspace"), failed(json(doc)));
        assertTrue(json(doc).path("workspace").path("softLimitDollars").isNull());
    }

    @Test
    void spentOverTheThresholdFailsWithTheFigures() {
        World w = applied();
        w.sandbox.setCurrentUsage(26.40);
        Run check = w.tlctl("billing", "check");
        assertEquals(3, check.code(), check::toString);
        assertTrue(check.out().contains("FAIL spend: $26.40 spent this period, 106% of the $25 soft limit (warn at 75%,"
                + " $18.75); reduce usage"), check::toString);
        assertTrue(check.out().contains("FAIL projected spend: $27.00 projected by 2026-12-01 (linear, estimated), 108%"
                + " of the $25 soft limit"), check::toString);
        assertEquals(1, check.requests());

        Run report = w.tlctl("billing");
        assertEquals(0, report.code(), "billing reports; only billing check fails: " + report);
        assertTrue(report.out().contains("2 of 9 checks fail (tlctl billing check exits 3):"), report::toString);
    }

    @Test
    void projectedSpendOverTheThresholdFailsEvenWhenWhatIsSpentIsBelowIt() throws Exception {
        World w = applied();
        // Half of a period gone, $10 spent: $20 projected, over 75% of $25.
        w.sandbox.setBillingPeriod(Instant.parse("2026-11-15T08:00:00Z"), Instant.parse("2026-12-15T08:00:00Z"));
        w.sandbox.setCurrentUsage(10);
        Run check = w.tlctl("billing", "check", "--json");
        assertEquals(3, check.code(), check::toString);
        JsonNode doc = json(check);
        assertEquals(List.of("projected_spend_threshold workspace"), failed(doc));
        JsonNode workspace = doc.path("workspace");
        assertEquals(10.0, workspace.path("spentDollars").asDouble());
        assertEquals(20.0, workspace.path("projectedDollars").asDouble());
        assertEquals(80.0, workspace.path("projectedPercentOfSoftLimit").asDouble());
        assertEquals(50.0, doc.path("period").path("elapsedPercent").asDouble());
        JsonNode failed = doc.path("checks").get(3);
        assertEquals("projected_spend_threshold", failed.path("check").asText());
        assertEquals(20.0, failed.path("actual").asDouble());
        assertEquals(18.75, failed.path("limit").asDouble());
        assertEquals("dollars", failed.path("unit").asText());
        assertTrue(failed.path("message").asText().startsWith("projected spend: $20.00 projected by 2026-12-15"),
                failed::toString);
    }

    @Test
    void liveLimitsThatDifferFromTheSpecFail() {
        World w = applied();
        w.gql.data("""
                mutation E2eUsageLimitSet($input: UsageLimitSetInput!) { usageLimitSet(input: $input) }""",
                Map.of("input", Map.of("customerId", customerId(w), "softLimitDollars", 20, "hardLimitDollars", 50)));
        Run check = w.tlctl("billing", "check");
        assertEquals(3, check.code(), check::toString);
        assertTrue(check.out().startsWith("FAIL usage limits differ from the spec: Railway has soft $20 and hard $50, the"
                + " spec soft $25 and hard $50; run tlctl apply to set the spec's, or change billing.usageLimit to what"
                + " Railway has\n"), check::toString);
        assertEquals(1, check.requests());
        assertEquals(0, w.tlctl("apply", "--yes").code());
        assertEquals(0, w.tlctl("billing", "check").code(), "apply puts the spec's limits back");
    }

    @Test
    void aStagingServiceWithTwoReplicasBreaksItsGuardInThePlanAndOnRailway() {
        World w = applied();
        w.edit("environments/staging.yaml", s -> s.replace("numReplicas: 1", "numReplicas: 2"));

        Run plan = w.tlctl("plan");
        assertEquals(0, plan.code(), "a guard is a warning: " + plan);
        assertTrue(plan.err().contains("environments/staging.yaml:13:20: warning: services.engine-api.deploy.numReplicas:"
                + " billing guard: staging/engine-api declares 2 replicas, more than the guard's maxReplicas 1"), plan::toString);
        Run strict = w.tlctl("plan", "--strict");
        assertEquals(65, strict.code(), "--strict makes it an error: " + strict);
        assertEquals(0, strict.requests());
        assertEquals(65, w.tlctl("validate", "--strict").code());

        assertEquals(0, w.tlctl("apply", "--yes").code());
        Run check = w.tlctl("billing", "check");
        assertEquals(3, check.code(), check::toString);
        assertTrue(check.out().startsWith("FAIL staging/engine-api runs 2 replicas on Railway, more than the guard's"
                + " maxReplicas 1; set deploy.numReplicas to at most 1 for engine-api in staging and run tlctl apply, or"
                + " raise billing.guards.staging.maxReplicas\n"), check::toString);
        assertEquals(1, check.requests());
    }

    @Test
    void aStagingServiceThatDoesNotSleepBreaksItsGuard() throws Exception {
        World w = applied();
        // Someone turns sleeping off in Railway's dashboard.
        w.patch("staging", Map.of("services", Map.of(w.serviceId("engine-api"),
                Map.of("deploy", Map.of("sleepApplication", false)))));
        Run check = w.tlctl("billing", "check", "--json");
        assertEquals(3, check.code(), check::toString);
        assertEquals(List.of("guard_sleep staging/engine-api"), failed(json(check)));
        // The spec says it sleeps; Railway moved: apply the spec, do not edit it.
        assertTrue(json(check).path("checks").toString().contains("staging/engine-api does not sleep when idle on Railway,"
                + " and the guard's sleepApplication requires it; run tlctl apply: the spec already declares"
                + " deploy.sleepApplication: true for engine-api in staging"), check::toString);
        assertEquals(2, w.tlctl("plan", "--detailed-exitcode").code(), "the plan puts it back");
    }

    @Test
    void usageIsShownPerEnvironmentAndServiceTopSpendersFirstInAnAlignedTable() {
        World w = applied();
        w.sandbox.setUsage(World.PROJECT, "staging", "engine-api", "CPU_USAGE", 4_320);        // $2
        w.sandbox.setUsage(World.PROJECT, "production", "engine-api", "CPU_USAGE", 43_200);    // $20
        w.sandbox.setUsage(World.PROJECT, "production", "engine-api", "MEMORY_USAGE_GB", 21_600); // $5
        w.sandbox.setUsage(World.PROJECT, "production", "engine-api", "NETWORK_TX_GB", 100);   // $5
        Run report = w.tlctl("billing");
        assertEquals(0, report.code(), report::toString);
        List<String> table = new ArrayList<>();
        boolean in = false;
        for (String line : report.out().split("\n")) {
            if (line.stripLeading().startsWith("spent")) {
                in = true;
            } else if (line.isEmpty() && in) {
                break;
            }
            if (in) {
                table.add(line);
            }
        }
        assertEquals(List.of(
                "                    spent  projected  % of soft  % of hard",
                "workspace sandbox  $32.00     $32.73       128%        64%",
                "project tl-engine  $32.00     $32.73       128%        64%",
                "  production       $30.00     $30.68       120%        60%",
                "    engine-api     $30.00     $30.68       120%        60%",
                "  staging           $2.00      $2.05         8%         4%",
                "    engine-api      $2.00      $2.05         8%         4%"), table,
                "29 days 8 hours of 30 gone: projected = spent / 0.9778; " + report);
        assertTrue(report.out().replace("\n", " ").contains("estimates from the project's usage at Railway's list prices"),
                report::toString);
        assertEquals(1, report.requests());
    }

    @Test
    void aServiceNameFromRailwayCannotBreakTheMarkdown() {
        World w = applied();
        String name = "stray|*api*";  // Railway refuses control characters in names; tlctl escapes them anyway
        w.gql.data("mutation E2eServiceCreate($input: ServiceCreateInput!) { serviceCreate(input: $input) { id } }",
                Map.of("input", Map.of("projectId", w.projectId(), "name", name)));
        w.later(); // its instances show a moment after the create
        w.sandbox.setUsage(World.PROJECT, "staging", name, "CPU_USAGE", 4_320);
        Run human = w.tlctl("billing");
        assertEquals(0, human.code(), human::toString);
        assertTrue(human.out().contains("\n    stray|*api*    $2.00"), human::toString);
        assertTrue(human.out().contains("staging/stray|*api* has no vCPU limit on Railway"), "the guards see it: " + human);
        Run markdown = w.tlctl("billing", "--output", "markdown");
        assertTrue(markdown.out().contains("\n| staging / stray\\|\\*api\\* | $2.00 |"), markdown::toString);
        assertEquals(3, w.tlctl("billing", "check").code(), "a service Railway runs in staging breaks staging's guards");
    }

    @Test
    void everyFigureInTheDocumentIsANumberWithItsUnitInItsName() throws Exception {
        World w = applied();
        w.sandbox.setUsage(World.PROJECT, "staging", "engine-api", "CPU_USAGE", 4_320);
        w.sandbox.setUsage(World.PROJECT, "production", "engine-api", "DISK_USAGE_GB", 43_200);
        Run run = w.tlctl("billing", "--output", "json");
        assertEquals(0, run.code(), run::toString);
        JsonNode doc = json(run);
        assertEquals(1, doc.path("formatVersion").asInt());
        assertEquals("billing", doc.path("kind").asText());
        assertTrue(doc.path("cost").path("estimated").asBoolean());
        List<String> problems = new ArrayList<>();
        Pattern unit = Pattern.compile(".*(Dollars|Percent|PercentOfSoftLimit|PercentOfHardLimit|Minutes|GB|Count)$"
                + "|minutesPerMonth");
        walk(doc, "", (path, name, node) -> {
            if (node.isNumber() && !unit.matcher(name).matches() && !List.of("formatVersion", "actual", "limit")
                    .contains(name)) {
                problems.add(path + ": a number without its unit in its name");
            }
            if (unit.matcher(name).matches() && !node.isNumber() && !node.isNull()) {
                problems.add(path + ": " + node + " is not a number");
            }
            if (node.isTextual() && node.asText().matches("\\$?[0-9.,]+%?")) {
                problems.add(path + ": a figure as text: " + node);
            }
        });
        assertEquals(List.of(), problems);
        doc.path("checks").forEach(c -> assertTrue(c.path("actual").isNull() || c.path("unit").isTextual(), c::toString));
        assertEquals("staging", doc.at("/environments/0/name").asText(), "$2 of CPU before $0.15 of disk");
        assertEquals(4320.0, doc.at("/environments/0/services/0/usage/cpuVcpuMinutes").asDouble(), 0.001);
        assertEquals(43200.0, doc.at("/environments/1/usage/diskGBMinutes").asDouble(), 0.001);
        assertEquals(0.15, doc.at("/environments/1/spentDollars").asDouble(), 0.001);
    }

    private interface Visitor {
        void visit(String path, String name, JsonNode node);
    }

    private static void walk(JsonNode node, String path, Visitor visitor) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                visitor.visit(path + "/" + e.getKey(), e.getKey(), e.getValue());
                walk(e.getValue(), path + "/" + e.getKey(), visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, visitor);
            }
        }
    }

    @Test
    void theMarkdownIsOneTableWithTheChecksBelow() {
        World w = applied();
        w.sandbox.setCurrentUsage(20);
        Run run = w.tlctl("billing", "check", "--output", "markdown");
        assertEquals(3, run.code(), run::toString);
        List<String> rows = run.out().lines().filter(l -> l.startsWith("|")).toList();
        assertEquals("| | spent | projected | % of soft | % of hard |", rows.get(0));
        assertEquals("| :--- | ---: | ---: | ---: | ---: |", rows.get(1));
        assertEquals("| workspace sandbox | $20.00 | $20.45 | 80% | 40% |", rows.get(2));
        rows.forEach(r -> assertEquals(7, r.split("(?<!\\\\)\\|", -1).length, "five cells between six pipes: " + r));
        assertTrue(run.out().startsWith("### Billing of project tl-engine in workspace sandbox\n"), run::toString);
        assertTrue(run.out().contains("**2 of 9 checks fail:**\n\n- spend: $20.00 spent"), run::toString);
        assertFalse(run.out().contains("\u001b["), "no colour in Markdown");
    }

    @Test
    void aProjectTokenCannotReadBillingAndSaysSo() throws Exception {
        World w = applied();
        String token = w.sandbox.mintProjectToken(World.PROJECT, "staging");
        w.secret(token);
        Map<String, String> env = Map.of("TLCTL_API_URL", w.sandbox.graphqlUrl().toString(), "RAILWAY_TOKEN", token);
        Run run = w.run(env, false, "", "billing", "check");
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().startsWith("Error: a project token cannot read billing or usage\n"), run::toString);
        assertTrue(run.err().contains("set RAILWAY_API_TOKEN to an account or workspace token"), run::toString);
        assertEquals(0, run.requests(), "refused before asking Railway anything");

        Run json = w.run(env, false, "", "billing", "--output", "json");
        assertEquals(1, json.code());
        JsonNode error = Gql.JSON.readTree(json.out());
        assertEquals("error", error.path("kind").asText());
        assertEquals(1, error.path("exitCode").asInt());
    }

    @Test
    void aWorkspaceTokenReadsBillingToo() {
        World w = applied();
        String token = w.sandbox.mintWorkspaceToken(null);
        w.secret(token);
        Map<String, String> env = Map.of("TLCTL_API_URL", w.sandbox.graphqlUrl().toString(), "RAILWAY_API_TOKEN", token);
        Run run = w.run(env, false, "", "billing", "check");
        assertEquals(0, run.code(), run::toString);
        assertEquals(1, run.requests(), "the id is known: one request");
    }

    @Test
    void aProjectThatDoesNotExistYetIsAnError() {
        World w = world();
        Run run = w.tlctl("billing");
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("Error: project tl-engine does not exist on Railway yet"), run::toString);
        assertEquals(2, run.requests(), "the look-up by name and the workspace's billing");
    }

    @Test
    void outputFormatsAreChecked() {
        World w = world();
        Run bad = w.tlctl("billing", "--output", "yaml");
        assertEquals(64, bad.code(), bad::toString);
        assertTrue(bad.err().contains("Invalid value for option '--output': expected one of [HUMAN, JSON, MARKDOWN]"),
                bad::toString);
        Run both = w.tlctl("billing", "check", "--json", "--output", "markdown");
        assertEquals(64, both.code(), both::toString);
        assertTrue(both.err().contains("--json and --output markdown ask for two outputs"), both::toString);
        assertEquals(0, both.requests() + bad.requests());
    }
}
