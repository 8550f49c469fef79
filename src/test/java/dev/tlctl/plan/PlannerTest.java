package dev.tlctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveState;
import dev.tlctl.live.LiveUsageLimit;
import dev.tlctl.live.LiveVolume;
import dev.tlctl.live.LiveWorkspace;
import dev.tlctl.secret.Fingerprint;
import dev.tlctl.secret.Secret;
import dev.tlctl.spec.Spec;
import dev.tlctl.testing.LiveBuilder;
import dev.tlctl.testing.SpecBuilder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Pure tests of the Planner: records in, records out; no HTTP, no mocks. */
class PlannerTest {
    private static final String DB_PROD = "postgresql://engine:fake-MARKER-prod@db/engine";
    private static final String DB_STAGING = "postgresql://engine:fake-MARKER-staging@db/engine_staging";

    /** tl-engine as the planner sees it: production, and staging declared from it with its own overlay. */
    private static SpecBuilder declared() {
        return SpecBuilder.project("tl-engine")
                .environment("production").environment("staging", "production")
                .shared("DATABASE_URL", SpecBuilder.fromEnv("DB", DB_PROD))
                .shared("DEBUG", "0")
                .service("engine-api", s -> s.setting("source.repo", "tiendaleon/tl-engine")
                        .setting("deploy.numReplicas", 2L).setting("deploy.region", "us-west2")
                        .setting("deploy.limits.vCPUs", 2L).variable("GUNICORN_WORKERS", "4"))
                .disabledService("engine-worker", s -> { })
                .usageLimit(25, 50)
                .in("staging", e -> e.shared("DATABASE_URL", SpecBuilder.fromEnv("DB_STAGING", DB_STAGING))
                        .shared("DEBUG", "1").setting("engine-api", "deploy.numReplicas", 1L)
                        .setting("engine-api", "deploy.sleepApplication", true));
    }

    private static Spec spec() {
        return declared().build();
    }

    private static final LiveWorkspace WORKSPACE = new LiveWorkspace("ws-1", "sandbox", "cus-1", true, null, 0);

    private static LiveProject applied(Spec spec) {
        return LiveBuilder.applied(spec);
    }

    private static LiveWorkspace withLimit(int soft, Integer hard) {
        return new LiveWorkspace("ws-1", "sandbox", "cus-1", true, new LiveUsageLimit(soft, hard, false), 3.5);
    }

    private static List<String> addresses(Plan plan) {
        return plan.changes().stream().map(c -> c.action().symbol() + " " + c.address().text()).toList();
    }

    @Test
    void anEmptyWorkspaceGetsEverythingTheSpecDeclares() {
        Plan plan = Planner.plan(spec(), new LiveState(WORKSPACE, null), PlanOptions.defaults());

        assertEquals(List.of(
                "+ project",
                "+ project/service/engine-api",
                "+ production/engine-api",
                "+ production/engine-api/setting/deploy.limits.vCPUs",
                "+ production/engine-api/setting/deploy.numReplicas",
                "+ production/engine-api/setting/deploy.region",
                "+ production/engine-api/setting/source.repo",
                "+ production/engine-api/variable/GUNICORN_WORKERS",
                "+ production/variable/DATABASE_URL",
                "+ production/variable/DEBUG",
                "+ staging",
                "+ staging/engine-api",
                "+ staging/engine-api/setting/deploy.limits.vCPUs",
                "+ staging/engine-api/setting/deploy.numReplicas",
                "+ staging/engine-api/setting/deploy.region",
                "+ staging/engine-api/setting/deploy.sleepApplication",
                "+ staging/engine-api/setting/source.repo",
                "+ staging/engine-api/variable/GUNICORN_WORKERS",
                "+ staging/variable/DATABASE_URL",
                "+ staging/variable/DEBUG",
                "+ usageLimit"), addresses(plan));
        assertNull(plan.target().projectId());
        assertEquals("cus-1", plan.target().customerId());
        EnvironmentTarget staging = plan.target().environment("staging").orElseThrow();
        assertFalse(staging.exists());
        assertFalse(staging.fork(), "tlctl creates environments empty, never as a copy");
        assertEquals(2, plan.instances().size());
        assertEquals(List.of(Origin.RAILWAY, Origin.RAILWAY), plan.changes().stream()
                .filter(c -> c instanceof Change.Instance).map(Change::origin).toList(),
                "the new service reaches both environments by itself");
        Change.Variable db = (Change.Variable) plan.changes().stream()
                .filter(c -> c.address().text().equals("staging/variable/DATABASE_URL")).findFirst().orElseThrow();
        assertTrue(db.sensitive());
        assertEquals(Secret.of(DB_STAGING), db.after());
        assertEquals(List.of(new Deploys("production", List.of("engine-api")), new Deploys("staging", List.of("engine-api"))),
                plan.deploys());
        assertFalse(plan.toString().contains("MARKER"), "a plan's text never holds a secret");
    }

    @Test
    void planApplyPlanIsEmpty() {
        Spec spec = spec();
        Plan plan = Planner.plan(spec, new LiveState(withLimit(25, 50), applied(spec)), PlanOptions.defaults());
        assertEquals(List.of(), addresses(plan));
        assertTrue(plan.isEmpty());
        assertEquals(List.of(), plan.unmanaged());
    }

    @Test
    void numbersCompareByValue() {
        Spec spec = spec();
        LiveProject project = edit(applied(spec), "production", "svc-engine-api",
                settings -> { settings.put("deploy.limits.vCPUs", 2L); settings.put("deploy.numReplicas", 2.0); return settings; });
        assertTrue(Planner.plan(spec, new LiveState(withLimit(25, 50), project), PlanOptions.defaults()).isEmpty());
    }

    @Test
    void aStagingOnlySettingChangesOnlyStaging() {
        Spec spec = spec();
        LiveProject project = edit(applied(spec), "staging", "svc-engine-api",
                settings -> { settings.put("deploy.sleepApplication", false); return settings; });
        Plan plan = Planner.plan(spec, new LiveState(withLimit(25, 50), project), PlanOptions.defaults());
        assertEquals(List.of("~ staging/engine-api/setting/deploy.sleepApplication"), addresses(plan));
        Change.Setting sleep = (Change.Setting) plan.changes().get(0);
        assertEquals(false, sleep.before());
        assertEquals(true, sleep.after());
        assertEquals(List.of(new Deploys("staging", List.of("engine-api"))), plan.deploys());
        InstancePlan instance = plan.instances().get(0);
        assertEquals("staging", instance.environment());
        assertEquals(1L, instance.desired().get("deploy.numReplicas"));
    }

    @Test
    void aVariableChangedBehindTheSpecsBackIsPlannedAsASensitiveUpdate() {
        Spec spec = spec();
        LiveProject project = editShared(applied(spec), "production", "DATABASE_URL",
                Secret.of("postgresql://engine:fake-changed-MARKER@db/other"));
        Plan plan = Planner.plan(spec, new LiveState(withLimit(25, 50), project), PlanOptions.defaults());
        assertEquals(List.of("~ production/variable/DATABASE_URL"), addresses(plan));
        Change.Variable change = (Change.Variable) plan.changes().get(0);
        assertTrue(change.sensitive());
        assertEquals(Secret.of(DB_PROD), change.after());
        assertFalse(change.toString().contains("MARKER"));
        assertEquals(List.of(), plan.deploys(), "engine-api does not reference DATABASE_URL in this spec");
    }

    @Test
    void undeclaredThingsAreListedAndDeletedOnlyWithPrune() {
        Spec spec = spec();
        LiveProject project = LiveBuilder.with(editShared(applied(spec), "staging", "LEGACY_FLAG", Secret.of("x")),
                List.of(new LiveEnvironment("env-pr", "pr-42", "env-production", "e", Map.of(), Map.of())),
                List.of(new LiveService("svc-pg", "Postgres")), List.of(new LiveVolume("vol-1", "pgdata")));

        Plan listed = Planner.plan(spec, new LiveState(withLimit(25, 50), project), PlanOptions.defaults());
        assertTrue(listed.isEmpty());
        assertEquals(List.of("project/service/Postgres", "staging/variable/LEGACY_FLAG", "pr-42", "project/volume/pgdata"),
                listed.unmanaged().stream().map(u -> u.address().text()).toList());

        Plan pruned = Planner.plan(spec, new LiveState(withLimit(25, 50), project), new PlanOptions(true, false, Map.of()));
        assertEquals(List.of("- project/service/Postgres", "- staging/variable/LEGACY_FLAG", "- pr-42"), addresses(pruned));
        assertEquals(List.of("project/volume/pgdata"), pruned.unmanaged().stream().map(u -> u.address().text()).toList(),
                "volumes are never deleted");
        assertEquals("env-pr", pruned.target().environmentIds().get("pr-42"),
                "an environment outside the spec is not among the targets: the plan carries its id");
        assertTrue(pruned.hasDeletions());

        Plan partial = Planner.plan(spec.onlyEnvironments(List.of("staging")), new LiveState(withLimit(25, 50), project),
                new PlanOptions(true, true, Map.of()));
        assertFalse(addresses(partial).contains("- pr-42"), "environments outside --env are left alone");
    }

    @Test
    void sealedVariablesCompareByTheFingerprintTlctlLastWrote() {
        Spec spec = SpecBuilder.project("p").environment("production")
                .shared("SIGNING_KEY", SpecBuilder.sealed(SpecBuilder.fromEnv("KEY", "fake-MARKER-key"))).build();
        LiveProject project = applied(spec);
        String address = "production/variable/SIGNING_KEY";

        Plan unknown = Planner.plan(spec, new LiveState(WORKSPACE, project), PlanOptions.defaults());
        assertTrue(unknown.isEmpty());
        assertTrue(unknown.notes().get(0).contains("no record of writing it"));

        byte[] salt = Fingerprint.newSalt();
        Plan same = Planner.plan(spec, new LiveState(WORKSPACE, project),
                new PlanOptions(false, false, Map.of(address, Fingerprint.of("fake-MARKER-key", salt))));
        assertTrue(same.isEmpty());

        Plan changed = Planner.plan(spec, new LiveState(WORKSPACE, project),
                new PlanOptions(false, false, Map.of(address, Fingerprint.of("an older value", salt))));
        assertEquals(List.of("~ " + address), addresses(changed));
        assertTrue(((Change.Variable) changed.changes().get(0)).sealed());
    }

    @Test
    void usageLimitIsPlannedWorkspaceWideOrNotedWhenUnreadable() {
        Spec spec = spec();
        Plan update = Planner.plan(spec, new LiveState(withLimit(10, null), applied(spec)), PlanOptions.defaults());
        assertEquals(List.of("~ usageLimit"), addresses(update));
        Change.UsageLimit limit = (Change.UsageLimit) update.changes().get(0);
        assertEquals(new UsageLimitValue(10, null), limit.before());
        assertEquals(new UsageLimitValue(25, 50), limit.after());
        assertTrue(update.changes().get(0).note().contains("workspace-wide"));

        LiveWorkspace unreadable = new LiveWorkspace(null, null, null, false, null, 0);
        Plan noted = Planner.plan(spec, new LiveState(unreadable, applied(spec)), PlanOptions.defaults());
        assertTrue(noted.isEmpty());
        assertTrue(noted.notes().stream().anyMatch(n -> n.contains("cannot read the workspace's billing")));
    }

    @Test
    void aServiceEnabledLaterIsAddedToExistingEnvironments() {
        Spec spec = spec();
        LiveProject project = applied(spec);
        Spec enabled = declared().service("engine-worker", s -> s.setting("deploy.startCommand", "celery")).build();
        Plan plan = Planner.plan(enabled, new LiveState(withLimit(25, 50), project), PlanOptions.defaults());
        assertEquals(List.of("+ project/service/engine-worker",
                "+ production/engine-worker", "+ production/engine-worker/setting/deploy.startCommand",
                "+ staging/engine-worker", "+ staging/engine-worker/setting/deploy.startCommand"), addresses(plan));
    }

    private static LiveProject edit(LiveProject project, String env, String serviceId,
            UnaryOperator<TreeMap<String, Object>> change) {
        return LiveBuilder.settings(project, env, serviceId.substring("svc-".length()), change);
    }

    private static LiveProject editShared(LiveProject project, String env, String name, Secret value) {
        return LiveBuilder.shared(project, env, name, value.reveal());
    }

    /** A history that knows only what tlctl created, by address text and id. */
    private static History created(Map<String, String> addresses) {
        return new History() {
            @Override
            public dev.tlctl.secret.Witness written(Address address) {
                return null;
            }

            @Override
            public boolean created(Address address, String id) {
                return addresses.containsKey(address.text())
                        && java.util.Objects.equals(addresses.get(address.text()), id == null ? "" : id);
            }
        };
    }

    private static LiveProject withVariable(LiveProject project, String env, String name, String value) {
        return LiveBuilder.variable(project, env, "engine-api", name, value);
    }

    @Test
    void whatTlctlCreatedIsDeletedAndWhatOthersAddedIsListed() {
        Spec spec = spec();
        LiveProject project = withVariable(withVariable(applied(spec), "staging", "OLD_FLAG", "1"), "staging", "HAND", "2");
        History history = created(Map.of("staging/engine-api/variable/OLD_FLAG", ""));
        Plan plan = Planner.plan(spec, new LiveState(withLimit(25, 50), project),
                new PlanOptions(false, false, history, java.util.Set.of(), true));
        assertEquals(List.of("- staging/engine-api/variable/OLD_FLAG"), addresses(plan));
        Change deletion = plan.changes().get(0);
        assertEquals("created by tlctl; not in the spec", deletion.note());
        assertTrue(plan.isOwned(deletion));
        assertFalse(((Change.Variable) deletion).sensitive(), "a plain value keeps its classification");
        assertEquals(List.of("staging/engine-api/variable/HAND"), plan.unmanaged().stream().map(u -> u.address().text()).toList());
    }

    @Test
    void aServiceTlctlCreatedAndTheSpecDisablesEverywhereIsDeletedWhole() {
        Spec spec = spec();
        LiveProject project = LiveBuilder.with(applied(spec), List.of(), List.of(new LiveService("svc-engine-worker",
                "engine-worker")), List.of());
        LiveState live = new LiveState(withLimit(25, 50), project);
        History history = created(Map.of("project/service/engine-worker", "svc-engine-worker"));
        assertEquals(List.of("- project/service/engine-worker"),
                addresses(Planner.plan(spec, live, new PlanOptions(false, false, history, java.util.Set.of(), true))));
        assertEquals(List.of(), addresses(Planner.plan(spec, live,
                new PlanOptions(false, false, created(Map.of("project/service/engine-worker", "another-id")),
                        java.util.Set.of(), true))), "a service of that name someone else made is not tlctl's");
        assertEquals(List.of(), addresses(Planner.plan(spec, live, new PlanOptions(false, true, history, java.util.Set.of(),
                true))), "a run scoped to some environments deletes nothing project-wide");
    }

    @Test
    void replaceWritesAValueRailwayAlreadyHolds() {
        Spec spec = spec();
        LiveState live = new LiveState(withLimit(25, 50), applied(spec));
        Plan plan = Planner.plan(spec, live, new PlanOptions(false, false, History.NONE,
                java.util.Set.of("staging/engine-api/variable/GUNICORN_WORKERS", "staging/engine-api/setting/deploy.numReplicas"),
                true));
        assertEquals(List.of("~ staging/engine-api/setting/deploy.numReplicas", "~ staging/engine-api/variable/GUNICORN_WORKERS"),
                addresses(plan));
        plan.changes().forEach(c -> assertEquals("written again: --replace", c.note()));
    }

    @Test
    void aScopedRunNeitherPlansTheUsageLimitNorHidesThatItDiffers() {
        Spec spec = spec();
        LiveState live = new LiveState(withLimit(100, 200), applied(spec));
        Plan scoped = Planner.plan(spec, live, new PlanOptions(false, false, History.NONE, java.util.Set.of(), false));
        assertTrue(scoped.isEmpty(), scoped.changes()::toString);
        assertEquals(List.of("The usage limit is workspace-wide, so a run scoped to some environments (--env) neither plans"
                + " nor writes it; run without --env to manage it."), scoped.notes());
        Plan whole = Planner.plan(spec, live, PlanOptions.defaults());
        assertEquals(List.of("~ usageLimit"), addresses(whole));
    }
}
