package dev.tlctl.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.audit.DriftFinding;
import dev.tlctl.plan.Change;
import dev.tlctl.plan.Plan;
import dev.tlctl.railway.ClientConfig;
import dev.tlctl.railway.GraphQLRequest;
import dev.tlctl.railway.RailwayTransport;
import dev.tlctl.sandbox.Sandbox;
import dev.tlctl.sandbox.SandboxConfig;
import dev.tlctl.secret.Secret;
import dev.tlctl.testing.TickingClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core as a library, with no command line: a {@link Reconciler} opened on a spec and a
 * sandbox served in this process (no port, as {@code --sandbox} runs it), driven with request
 * records. Plan, apply, plan again finds nothing; a change made on Railway behind tlctl's back
 * is drift, blamed on Railway; what fails below leaves as a {@link ReconcileException}.
 */
class ReconcilerTest {
    private static final String SPEC = """
            version: 1
            project:
              name: demo
            environments:
              production: {}
              staging: {}
            sharedVariables:
              DEBUG: "0"
            services:
              api:
                source:
                  repo: acme/api
                deploy:
                  numReplicas: 1
                variables:
                  DEBUG: ${{shared.DEBUG}}
                  WORKERS: "2"
            """;

    @TempDir
    Path dir;

    private final TickingClock clock = new TickingClock(Instant.parse("2026-11-30T08:00:00Z"));
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private final List<String> waits = Collections.synchronizedList(new ArrayList<>());
    private Sandbox sandbox;

    @BeforeEach
    void start() throws IOException {
        Files.writeString(dir.resolve("tl-engine.yaml"), SPEC);
        Files.createDirectories(dir.resolve("environments"));
        Files.writeString(dir.resolve("environments/staging.yaml"), "sharedVariables:\n  DEBUG: \"1\"\n");
        sandbox = Sandbox.startInProcess(SandboxConfig.defaults().withClock(clock).withRateLimit(100_000, 10_000));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** A reconciler as any front end opens one: the spec, its records beside it, effects that never sleep. */
    private Reconciler open() {
        SpecSource source = new SpecSource(dir.resolve("tl-engine.yaml"), List.of(), Map.of(), false, List.of());
        Effects effects = new Effects(clock, d -> {
            sleeps.add(d);
            clock.advance(d);
        }, new RequestListener() {
            @Override
            public void onRequest(ApiRequest request, int attempt) {
                sent.add(request.operation());
            }

            @Override
            public void onRetry(ApiRequest request, int attempt, Duration wait, String reason) {
                waits.add("retry " + request.operation() + " " + wait);
            }

            @Override
            public void onWait(String subject, String reason, Duration wait) {
                waits.add(subject + " " + wait);
            }
        });
        return Reconciler.open(source, FileLocalRecords.beside(source.file(), null, null), effects,
                () -> Endpoint.inProcessSandbox(sandbox.handler(), sandbox.accountToken(), dir.resolve("sandbox.json")));
    }

    private static PlanRequest everything() {
        return new PlanRequest(Target.all(), false, false);
    }

    private static List<String> addresses(Plan plan) {
        return plan.changes().stream().map(c -> c.action().symbol() + " " + c.address().text()).toList();
    }

    @Test
    void planApplyPlanIsEmptyAndAChangeBehindItsBackIsDriftOnRailwaysSide() throws Exception {
        try (Reconciler reconciler = open()) {
            PlanResult first = reconciler.plan(everything());
            assertTrue(addresses(first.plan()).containsAll(List.of("+ project", "+ project/service/api",
                    "+ production/api/variable/WORKERS", "+ staging/variable/DEBUG")), () -> addresses(first.plan()).toString());
            assertEquals(List.of("production", "staging"), first.environments());

            List<String> steps = new ArrayList<>();
            ApplyOutcome applied = reconciler.apply(new ApplyRequest(Target.all(), false, false, null, false,
                    StagedPolicy.REFUSE), new ApplyObserver() {
                        @Override
                        public void finished(ApplyStep step, Duration duration) {
                            steps.add(step.number() + "/" + step.of() + " " + step.title());
                        }
                    }, Approval.ALWAYS);
            assertEquals(ApplyOutcome.Status.APPLIED, applied.status(), applied::toString);
            assertTrue(applied.succeeded());
            assertNotNull(applied.projectId());
            assertEquals(applied.steps().done().size(), steps.size(), "the observer heard every step: " + steps);
            assertEquals(first.plan().count(dev.tlctl.plan.Action.CREATE), applied.steps().created(),
                    "the outcome tallies what tlctl created, as the plan counted it");
            assertEquals(List.of("production", "staging"), applied.recorded(), "tlctl's records were written");

            PlanResult again = reconciler.plan(everything());
            assertTrue(again.plan().isEmpty(), () -> addresses(again.plan()).toString());
            assertEquals(List.of(), again.plan().unmanaged());
            assertFalse(reconciler.drift(new DriftRequest(Target.all(), false)).report().drifted());

            upsertVariable(again.plan(), "staging", "api", "WORKERS", "8");
            sent.clear();
            DriftResult drift = reconciler.drift(new DriftRequest(Target.all(), false));
            assertEquals(1, sent.size(), "drift is one read: " + sent);
            assertTrue(drift.report().drifted());
            List<DriftFinding> findings = drift.report().findings();
            assertEquals(List.of("staging/api/variable/WORKERS"), findings.stream().map(f -> f.address().text()).toList());
            assertEquals(DriftFinding.Side.DIFFERENT, findings.get(0).side());
            assertEquals("changed on Railway since tlctl last applied it", findings.get(0).explanation());

            Plan back = reconciler.plan(everything()).plan();
            assertEquals(List.of("~ staging/api/variable/WORKERS"), addresses(back));
            assertEquals("2", ((Change.Variable) back.changes().get(0)).after().reveal());
        }
        // Nothing failed, so nothing was retried: the only waits are Railway's own timing (the
        // sandbox's default), a new project and new instances visible a second after their create.
        assertEquals(List.of("project demo PT1S", "the new services' instances in production, staging PT1S"), waits);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), sleeps, "every wait announced, and only those");
    }

    @Test
    void whatFailsBelowLeavesAsOneExceptionWithAKind() throws IOException {
        try (Reconciler reconciler = open()) {
            ReconcileException unknown = assertThrows(ReconcileException.class, () -> reconciler.plan(
                    new PlanRequest(new Target(List.of("qa"), null, null), false, false)));
            assertEquals(ReconcileException.Kind.USAGE, unknown.kind());
            assertEquals("unknown environment \"qa\" in --env", unknown.getMessage());
            assertEquals("The spec declares: production, staging.", unknown.detail());

            sandbox.close(); // Railway unreachable: the client's failure, translated
            ReconcileException gone = assertThrows(ReconcileException.class, () -> reconciler.plan(everything()));
            assertEquals(ReconcileException.Kind.RAILWAY, gone.kind());
            assertTrue(gone.getMessage().startsWith("Could not "), gone::getMessage);
            assertEquals(4, sleeps.size(), "five attempts, four waits, none of them real: " + sleeps);
        }
        Files.writeString(dir.resolve("tl-engine.yaml"), SPEC.replace("numReplicas: 1", "numReplicas: two"));
        ReconcileException invalid = assertThrows(ReconcileException.class, this::open);
        assertEquals(ReconcileException.Kind.INVALID_SPEC, invalid.kind());
        assertEquals("the spec is invalid: 1 error", invalid.getMessage());
        assertEquals(1, invalid.diagnostics().size());
        assertTrue(invalid.diagnostics().get(0).format().contains("tl-engine.yaml:"), invalid.diagnostics()::toString);
    }

    /** Changes a variable on Railway as someone at the dashboard would: one {@code variableUpsert}, by its own client. */
    private void upsertVariable(Plan plan, String environment, String service, String name, String value) {
        Endpoint dashboard = Endpoint.inProcessSandbox(sandbox.handler(), sandbox.accountToken(), dir.resolve("sandbox.json"));
        try (RailwayTransport transport = new RailwayTransport(ClientConfig.of(dashboard.url(),
                new dev.tlctl.railway.Credentials.BearerToken(Secret.of(sandbox.accountToken())), "test"))) {
            JsonNode data = transport.execute(GraphQLRequest.idempotentWrite("variableUpsert", "change a variable",
                    "mutation Edit($input: VariableUpsertInput!) { variableUpsert(input: $input) }",
                    Map.of("input", Map.of("projectId", plan.target().projectId(),
                            "environmentId", plan.target().environmentIds().get(environment),
                            "serviceId", plan.target().serviceIds().get(service), "name", name, "value", value))));
            assertTrue(data.path("variableUpsert").asBoolean(), data::toString);
        } finally {
            dashboard.release();
        }
    }
}
