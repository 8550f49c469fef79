package dev.tlctl.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.live.LiveState;
import dev.tlctl.live.LiveUsageLimit;
import dev.tlctl.live.LiveVariable;
import dev.tlctl.live.LiveWorkspace;
import dev.tlctl.plan.Plan;
import dev.tlctl.plan.PlanOptions;
import dev.tlctl.plan.Planner;
import dev.tlctl.secret.Secret;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The applier against a recording fake of Railway: which writes, in which order, with what in
 * each patch, and what a failure reports. Plans come from the real planner.
 */
class ApplierTest {
    private static final String SECRET = "postgresql://u:fake-MARKER@db/staging";
    private static final LiveWorkspace WORKSPACE = new LiveWorkspace("ws-1", "acme", "cus-1", true,
            new LiveUsageLimit(25, 50, false), 0);

    @TempDir
    Path dir;

    private final RecordingWrites railway = new RecordingWrites();
    private final List<String> events = new ArrayList<>();
    private final ApplyListener listener = new ApplyListener() {
        @Override
        public void started(Step step) {
            events.add("started " + step.number() + "/" + step.of() + " " + step.title());
        }

        @Override
        public void finished(Step step, Duration duration) {
            events.add("finished " + step.number());
        }

        @Override
        public void failed(Step step, Duration duration, RuntimeException error) {
            events.add("failed " + step.number() + ": " + error.getMessage());
        }
    };

    private Spec spec(String yaml) throws IOException {
        Files.writeString(dir.resolve("tl-engine.yaml"), yaml);
        return SpecLoader.load(dir.resolve("tl-engine.yaml"), Map.of("STAGING_DB", SECRET));
    }

    private static final String SPEC = """
            project: {name: tl-engine}
            environments:
              production: {}
              staging: {from: production}
            sharedVariables:
              DATABASE_URL: ${env:STAGING_DB}
            services:
              api:
                deploy: {numReplicas: 2, region: us-west2}
                variables:
                  DATABASE_URL: ${{shared.DATABASE_URL}}
              worker:
                enabled: false
                deploy: {startCommand: celery}
            billing:
              usageLimit: {softLimitDollars: 25, hardLimitDollars: 50}
            version: 1
            """;

    private ApplyResult apply(Plan plan) {
        return new Applier(railway, listener, Clock.fixed(Instant.parse("2026-11-30T00:00:00Z"), ZoneOffset.UTC))
                .apply(plan, "tlctl apply: test");
    }

    @Test
    void aFirstApplyCreatesTheProjectThenEnvironmentsThenServicesThenCommitsAllAtOnce() throws IOException {
        Plan plan = Planner.plan(spec(SPEC), new LiveState(new LiveWorkspace("ws-1", "acme", "cus-1", true, null, 0), null),
                PlanOptions.defaults());
        ApplyResult result = apply(plan);

        assertTrue(result.succeeded());
        assertEquals("prj-new", result.projectId());
        assertEquals(List.of(
                "createProject tl-engine in ws-1 with production",
                "projectsNamed ws-1 tl-engine listing prj-new",
                "createEnvironments prj-new [staging]",
                "createServices prj-new [api]",
                "awaitInstances {env-production=[svc-api], env-staging=[svc-api]}",
                "commit production=" + instance("svc-api") + " staging=" + instance("svc-api")
                        + " limit=UsageLimitWrite[customerId=cus-1, softLimitDollars=25, hardLimitDollars=50, remove=false]"),
                railway.calls, "no etag read (nothing existed), a look for a twin project, no isCreated (Railway adds the"
                        + " instances), four writes");
        assertEquals(List.of(
                "started 1/4 create project tl-engine with environment production", "finished 1",
                "started 2/4 create environment staging", "finished 2",
                "started 3/4 create service api", "finished 3",
                "started 4/4 commit environments production, staging and set the usage limit", "finished 4"), events);
        assertEquals(plan.changes().size(), result.applied().size(), "every change, Railway's consequences included");
        assertFalse(String.join("\n", railway.calls).contains("MARKER"), "patches as recorded are masked");
    }

    @Test
    void theBeforeCommitHookHearsTheIdsOnceJustBeforeTheCommitIsSent() throws IOException {
        Plan plan = Planner.plan(spec(SPEC), new LiveState(new LiveWorkspace("ws-1", "acme", "cus-1", true, null, 0), null),
                PlanOptions.defaults());
        List<String> heard = new ArrayList<>();
        ApplyResult result = new Applier(railway, listener, Clock.fixed(Instant.parse("2026-11-30T00:00:00Z"), ZoneOffset.UTC))
                .beforeCommit((projectId, ids) -> heard.add(projectId + " " + new TreeMap<>(ids) + " after "
                        + railway.calls.get(railway.calls.size() - 1).split(" ")[0]))
                .apply(plan, "tlctl apply: test");

        assertTrue(result.succeeded());
        assertEquals(List.of("prj-new {production=env-production, staging=env-staging} after awaitInstances"), heard,
                "once, with the environments this apply created, before the commit (the last call)");
        assertTrue(railway.calls.get(railway.calls.size() - 1).startsWith("commit "), railway.calls::toString);
    }

    private static String instance(String serviceId) {
        return "{\"services\":{\"" + serviceId + "\":{\"variables\":{\"DATABASE_URL\":{\"value\":\"${{shared.DATABASE_URL}}\"}},"
                + "\"deploy\":{\"multiRegionConfig\":{\"us-west2\":{\"numReplicas\":2}}}}},"
                + "\"sharedVariables\":{\"DATABASE_URL\":{\"value\":\"(sensitive)\"}}}";
    }

    /** production and staging as a perfect apply of {@link #SPEC} leaves them, staging a fork if asked. */
    private static LiveProject live(boolean stagingIsFork, Map<String, Object> stagingSettings) {
        return live(stagingIsFork, stagingSettings, SECRET);
    }

    private static LiveProject live(boolean stagingIsFork, Map<String, Object> stagingSettings, String stagingSecret) {
        Map<String, LiveVariable> shared = Map.of("DATABASE_URL", new LiveVariable("DATABASE_URL", Secret.of(SECRET), false));
        Map<String, LiveVariable> vars = Map.of("DATABASE_URL",
                new LiveVariable("DATABASE_URL", Secret.of("${{shared.DATABASE_URL}}"), false));
        TreeMap<String, Object> settings = new TreeMap<>(Map.of("deploy.numReplicas", 2L, "deploy.region", "us-west2"));
        LiveEnvironment production = new LiveEnvironment("env-production", "production", null, "etag-production",
                Map.of("svc-api", new LiveServiceInstance("svc-api", settings, vars)), shared);
        Map<String, LiveVariable> stagingShared = Map.of("DATABASE_URL",
                new LiveVariable("DATABASE_URL", Secret.of(stagingSecret), false));
        // As read, staging's deploy part also holds a key tlctl does not model.
        Map<String, String> sections = Map.of("deploy", "{\"multiRegionConfig\":{\"" + stagingSettings.get("deploy.region")
                + "\":{\"numReplicas\":" + stagingSettings.get("deploy.numReplicas") + "}},\"runtime\":\"V2\"}");
        LiveEnvironment staging = new LiveEnvironment("env-staging", "staging", stagingIsFork ? "env-production" : null,
                "etag-staging", Map.of("svc-api", new LiveServiceInstance("svc-api", new TreeMap<>(stagingSettings), vars,
                        sections)), stagingShared);
        return new LiveProject("prj-1", "tl-engine", "ws-1", List.of(production, staging),
                List.of(new LiveService("svc-api", "api")), List.of());
    }

    @Test
    void aSettingChangeIsAChangeSetGuardedByThePlansEtagKeepingWhatTlctlDoesNotModel() throws IOException {
        Plan plan = Planner.plan(spec(SPEC), new LiveState(WORKSPACE,
                live(false, Map.of("deploy.numReplicas", 1L, "deploy.region", "europe-west4-drams3a"))), PlanOptions.defaults());
        ApplyResult result = apply(plan);

        assertTrue(result.succeeded());
        assertEquals(List.of("commit staging=changeSet@etag-staging{\"version\":1,\"changes\":[{\"kind\":\"resource.update\","
                + "\"address\":\"service.api\",\"path\":\"resources.service.api.deploy\",\"summary\":\"Update api deploy\","
                + "\"severity\":\"safe\",\"deployEffect\":\"deploy\",\"field\":\"deploy\","
                + "\"before\":{\"multiRegionConfig\":{\"europe-west4-drams3a\":{\"numReplicas\":1}},\"runtime\":\"V2\"},"
                + "\"after\":{\"multiRegionConfig\":{\"europe-west4-drams3a\":null,\"us-west2\":{\"numReplicas\":2}},\"runtime\":\"V2\"}}],"
                + "\"diagnostics\":[]}"), railway.calls,
                "the whole deploy part, the old region gone, runtime kept; no etag re-read: Railway guards it");
        assertEquals(List.of(), result.unguarded());
    }

    @Test
    void aSharedVariableIsAPatchWrittenAfterItsEtagIsReadAgain() throws IOException {
        Plan plan = Planner.plan(spec(SPEC), new LiveState(WORKSPACE,
                live(false, Map.of("deploy.numReplicas", 2L, "deploy.region", "us-west2"), "postgresql://old")),
                PlanOptions.defaults());
        ApplyResult result = apply(plan);

        assertEquals(List.of("readEtags [env-staging]",
                "commit staging={\"sharedVariables\":{\"DATABASE_URL\":{\"value\":\"(sensitive)\"}}}"), railway.calls,
                "a shared variable has no change-set address");
        assertEquals(List.of("staging"), result.unguarded(), "for the caller to read back");
    }

    @Test
    void anUnguardedWriteKeepsThePatchesListedBeforeItAndItsOwnForTheLineageCheck() throws IOException {
        Plan plan = Planner.plan(spec(SPEC), new LiveState(WORKSPACE,
                live(false, Map.of("deploy.numReplicas", 2L, "deploy.region", "us-west2"), "postgresql://old")),
                PlanOptions.defaults());
        List<dev.tlctl.railway.PatchRecord> listed = List.of(new dev.tlctl.railway.PatchRecord("p1", "COMMITTED",
                "earlier", "2026-11-29T00:00:00Z", "2026-11-29T00:00:00Z"));
        railway.patches.put("env-staging", listed);

        ApplyResult result = apply(plan);

        Lineage lineage = result.lineage();
        assertEquals(Map.of("staging", listed), lineage.before(), "read in the etag check's request");
        assertEquals(Map.of("staging", List.of("patch-staging")), lineage.own(), "the id Railway answered the commit");
        assertEquals(List.of("tlctl apply: test (run " + lineage.runToken() + ")"), railway.messages,
                "the commit carries the run's token");
        assertTrue(lineage.checks("staging"));
    }

    @Test
    void anEnvironmentChangedSinceThePlanStopsAnUnguardedWriteBeforeAnyWrite() throws IOException {
        Plan plan = Planner.plan(spec(SPEC), new LiveState(WORKSPACE,
                live(false, Map.of("deploy.numReplicas", 2L, "deploy.region", "us-west2"), "postgresql://old")),
                PlanOptions.defaults());
        railway.etags.put("env-staging", "someone-else");

        ConcurrentChangeException e = assertThrows(ConcurrentChangeException.class, () -> apply(plan));

        assertEquals(List.of("staging"), e.environments());
        assertEquals(List.of("readEtags [env-staging]"), railway.calls);
        assertEquals(List.of(), events, "no step started");
    }

    @Test
    void aFailedStepReportsWhatWasDoneAndWhatWasNot() throws IOException {
        Plan plan = Planner.plan(spec(SPEC), new LiveState(new LiveWorkspace("ws-1", "acme", "cus-1", true, null, 0), null),
                PlanOptions.defaults());
        IllegalStateException boom = new IllegalStateException("Railway is down");
        railway.failOn("createServices", boom);

        ApplyResult result = apply(plan);

        assertFalse(result.succeeded());
        assertSame(boom, result.error());
        assertEquals("create service api", result.failed().title());
        assertEquals(List.of("create project tl-engine with environment production", "create environment staging"),
                result.done().stream().map(d -> d.step().title()).toList());
        assertEquals(List.of("commit environments production, staging and set the usage limit"),
                result.notAttempted().stream().map(Step::title).toList());
        assertEquals(List.of("project", "staging"), result.applied().stream().map(c -> c.address().text()).toList());
        assertEquals("failed 3: Railway is down", events.get(events.size() - 1));
        assertEquals(4, railway.calls.size(), "nothing after the failure");
    }

    @Test
    void aServiceEnabledLaterReachesNonForksByItselfAndIsAddedToForksExplicitly() throws IOException {
        Spec spec = spec(SPEC.replace("  worker:\n    enabled: false\n", "  worker:\n"));
        Plan plan = Planner.plan(spec, new LiveState(WORKSPACE,
                live(true, Map.of("deploy.numReplicas", 2L, "deploy.region", "us-west2"))), PlanOptions.defaults());
        apply(plan);

        assertEquals(List.of(
                "readEtags [env-production]",
                "createServices prj-1 [worker]",
                "awaitInstances {env-production=[svc-worker]}",
                "commit production={\"services\":{\"svc-worker\":{\"deploy\":{\"startCommand\":\"celery\"}}}}"
                        + " staging=changeSet@etag-staging{\"version\":1,\"changes\":[{\"kind\":\"resource.create\","
                        + "\"address\":\"service.worker\",\"path\":\"resources.service.worker\",\"summary\":\"Create service"
                        + " worker\",\"severity\":\"safe\",\"deployEffect\":\"deploy\",\"resource\":{\"address\":\"service.worker\","
                        + "\"type\":\"service\",\"name\":\"worker\",\"deploy\":{\"startCommand\":\"celery\"}}}],\"diagnostics\":[]}"),
                railway.calls, "production received the service from Railway (its etag moved: a patch); the fork staging"
                        + " gets its instance in a guarded change set");
    }

    @Test
    void theApplyThatMadeTheNewerTwinProjectDeletesItAndStops() throws IOException {
        Plan plan = Planner.plan(spec(SPEC), new LiveState(new LiveWorkspace("ws-1", "acme", "cus-1", true, null, 0), null),
                PlanOptions.defaults());
        railway.twins.add(0, "prj-other");

        ApplyResult result = apply(plan);

        assertFalse(result.succeeded());
        assertEquals(List.of("createProject tl-engine in ws-1 with production", "projectsNamed ws-1 tl-engine listing prj-new",
                "deleteProject prj-new"), railway.calls, "nothing else is written");
        assertEquals("another apply created project tl-engine at the same time (prj-other, created first); this apply"
                + " deleted the duplicate it had just made (prj-new) and stopped. Run tlctl apply again: it continues"
                + " with prj-other.", result.error().getMessage());
    }

    @Test
    void deletionsComeLastWithTheIdsThePlanCarries() throws IOException {
        LiveProject base = live(false, Map.of("deploy.numReplicas", 2L, "deploy.region", "us-west2"));
        List<LiveEnvironment> environments = new ArrayList<>(base.environments());
        environments.add(new LiveEnvironment("env-pr-7", "pr-7", null, "e", Map.of(), Map.of()));
        LiveProject project = new LiveProject(base.id(), base.name(), base.workspaceId(), environments,
                List.of(new LiveService("svc-api", "api"), new LiveService("svc-old", "old")), List.of());
        Plan plan = Planner.plan(spec(SPEC), new LiveState(WORKSPACE, project), new PlanOptions(true, false, Map.of()));
        apply(plan);

        assertEquals(List.of("delete services [svc-old] environments [env-pr-7]"), railway.calls);
    }
}
