package dev.tlctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.live.LiveState;
import dev.tlctl.live.LiveUsageLimit;
import dev.tlctl.live.LiveVariable;
import dev.tlctl.live.LiveVolume;
import dev.tlctl.live.LiveWorkspace;
import dev.tlctl.secret.Fingerprint;
import dev.tlctl.secret.Secret;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.ServiceInstanceSpec;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.SpecLoader;
import dev.tlctl.spec.VariableSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pure tests of the Planner: records in, records out; no HTTP, no mocks. */
class PlannerTest {
    private static final String DB_PROD = "postgresql://engine:fake-MARKER-prod@db/engine";
    private static final String DB_STAGING = "postgresql://engine:fake-MARKER-staging@db/engine_staging";

    @TempDir
    Path dir;

    private Spec spec() throws IOException {
        Files.writeString(dir.resolve("tl-engine.yaml"), """
                project:
                  name: tl-engine
                environments:
                  production: {}
                  staging:
                    from: production
                sharedVariables:
                  DATABASE_URL: ${env:DB}
                  DEBUG: "0"
                services:
                  engine-api:
                    source:
                      repo: tiendaleon/tl-engine
                    deploy:
                      numReplicas: 2
                      region: us-west2
                      limits:
                        vCPUs: 2
                    variables:
                      GUNICORN_WORKERS: "4"
                  engine-worker:
                    enabled: false
                billing:
                  usageLimit:
                    softLimitDollars: 25
                    hardLimitDollars: 50
                version: 1
                """);
        Files.createDirectories(dir.resolve("environments"));
        Files.writeString(dir.resolve("environments/staging.yaml"), """
                sharedVariables:
                  DATABASE_URL: ${env:DB_STAGING}
                  DEBUG: "1"
                services:
                  engine-api:
                    deploy:
                      numReplicas: 1
                      sleepApplication: true
                """);
        return SpecLoader.load(dir.resolve("tl-engine.yaml"), Map.of("DB", DB_PROD, "DB_STAGING", DB_STAGING));
    }

    private static final LiveWorkspace WORKSPACE = new LiveWorkspace("ws-1", "sandbox", "cus-1", true, null, 0);

    /** What Railway holds after a perfect apply of {@code spec}. */
    static LiveProject applied(Spec spec) {
        List<LiveService> services = new ArrayList<>();
        spec.services().stream().filter(s -> s.enabledAnywhere())
                .forEach(s -> services.add(new LiveService("svc-" + s.name(), s.name())));
        List<LiveEnvironment> environments = new ArrayList<>();
        for (EnvironmentSpec env : spec.environments()) {
            Map<String, LiveServiceInstance> instances = new LinkedHashMap<>();
            for (ServiceInstanceSpec instance : env.services().values()) {
                if (instance.enabled()) {
                    instances.put("svc-" + instance.service(), new LiveServiceInstance("svc-" + instance.service(),
                            new TreeMap<>(instance.settings()), live(instance.variables())));
                }
            }
            environments.add(new LiveEnvironment("env-" + env.name(), env.name(),
                    env.from() == null ? null : "env-" + env.from(), "etag-" + env.name(), instances,
                    live(env.sharedVariables())));
        }
        return new LiveProject("prj-1", spec.project().name(), "ws-1", environments, services, List.of());
    }

    private static Map<String, LiveVariable> live(Map<String, VariableSpec> variables) {
        Map<String, LiveVariable> out = new TreeMap<>();
        variables.values().forEach(v -> out.put(v.name(), new LiveVariable(v.name(), v.sealed() ? null : v.value(), v.sealed())));
        return out;
    }

    private static LiveWorkspace withLimit(int soft, Integer hard) {
        return new LiveWorkspace("ws-1", "sandbox", "cus-1", true, new LiveUsageLimit(soft, hard, false), 3.5);
    }

    private static List<String> addresses(Plan plan) {
        return plan.changes().stream().map(c -> c.action().symbol() + " " + c.address().text()).toList();
    }

    @Test
    void anEmptyWorkspaceGetsEverythingTheSpecDeclares() throws IOException {
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
    void planApplyPlanIsEmpty() throws IOException {
        Spec spec = spec();
        Plan plan = Planner.plan(spec, new LiveState(withLimit(25, 50), applied(spec)), PlanOptions.defaults());
        assertEquals(List.of(), addresses(plan));
        assertTrue(plan.isEmpty());
        assertEquals(List.of(), plan.unmanaged());
    }

    @Test
    void numbersCompareByValue() throws IOException {
        Spec spec = spec();
        LiveProject project = edit(applied(spec), "production", "svc-engine-api",
                settings -> { settings.put("deploy.limits.vCPUs", 2L); settings.put("deploy.numReplicas", 2.0); return settings; });
        assertTrue(Planner.plan(spec, new LiveState(withLimit(25, 50), project), PlanOptions.defaults()).isEmpty());
    }

    @Test
    void aStagingOnlySettingChangesOnlyStaging() throws IOException {
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
    void aVariableChangedBehindTheSpecsBackIsPlannedAsASensitiveUpdate() throws IOException {
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
    void undeclaredThingsAreListedAndDeletedOnlyWithPrune() throws IOException {
        Spec spec = spec();
        LiveProject base = applied(spec);
        LiveProject project = editShared(base, "staging", "LEGACY_FLAG", Secret.of("x"));
        List<LiveEnvironment> envs = new ArrayList<>(project.environments());
        envs.add(new LiveEnvironment("env-pr", "pr-42", "env-production", "e", Map.of(), Map.of()));
        List<LiveService> services = new ArrayList<>(project.services());
        services.add(new LiveService("svc-pg", "Postgres"));
        project = new LiveProject(project.id(), project.name(), project.workspaceId(), envs, services,
                List.of(new LiveVolume("vol-1", "pgdata")));

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
    void sealedVariablesCompareByTheFingerprintTlctlLastWrote() throws IOException {
        Files.writeString(dir.resolve("tl-engine.yaml"), """
                project: {name: p}
                environments: {production: {}}
                sharedVariables:
                  SIGNING_KEY: {value: "${env:KEY}", sealed: true}
                version: 1
                """);
        Spec spec = SpecLoader.load(dir.resolve("tl-engine.yaml"), Map.of("KEY", "fake-MARKER-key"));
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
    void usageLimitIsPlannedWorkspaceWideOrNotedWhenUnreadable() throws IOException {
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
    void aServiceEnabledLaterIsAddedToExistingEnvironments() throws IOException {
        Spec spec = spec();
        LiveProject project = applied(spec);
        Files.writeString(dir.resolve("tl-engine.yaml"), Files.readString(dir.resolve("tl-engine.yaml"))
                .replace("engine-worker:\n    enabled: false", "engine-worker:\n    deploy: {startCommand: celery}"));
        Spec enabled = SpecLoader.load(dir.resolve("tl-engine.yaml"), Map.of("DB", DB_PROD, "DB_STAGING", DB_STAGING));
        Plan plan = Planner.plan(enabled, new LiveState(withLimit(25, 50), project), PlanOptions.defaults());
        assertEquals(List.of("+ project/service/engine-worker",
                "+ production/engine-worker", "+ production/engine-worker/setting/deploy.startCommand",
                "+ staging/engine-worker", "+ staging/engine-worker/setting/deploy.startCommand"), addresses(plan));
    }

    private static LiveProject edit(LiveProject project, String env, String serviceId,
            UnaryOperator<TreeMap<String, Object>> change) {
        List<LiveEnvironment> envs = new ArrayList<>();
        for (LiveEnvironment e : project.environments()) {
            if (!e.name().equals(env)) {
                envs.add(e);
                continue;
            }
            Map<String, LiveServiceInstance> instances = new LinkedHashMap<>(e.instances());
            LiveServiceInstance old = instances.get(serviceId);
            instances.put(serviceId, new LiveServiceInstance(serviceId, change.apply(new TreeMap<>(old.settings())), old.variables()));
            envs.add(new LiveEnvironment(e.id(), e.name(), e.sourceEnvironmentId(), e.configEtag(), instances, e.sharedVariables()));
        }
        return new LiveProject(project.id(), project.name(), project.workspaceId(), envs, project.services(), project.volumes());
    }

    private static LiveProject editShared(LiveProject project, String env, String name, Secret value) {
        List<LiveEnvironment> envs = new ArrayList<>();
        for (LiveEnvironment e : project.environments()) {
            if (!e.name().equals(env)) {
                envs.add(e);
                continue;
            }
            Map<String, LiveVariable> shared = new TreeMap<>(e.sharedVariables());
            shared.put(name, new LiveVariable(name, value, false));
            envs.add(new LiveEnvironment(e.id(), e.name(), e.sourceEnvironmentId(), e.configEtag(), e.instances(), shared));
        }
        return new LiveProject(project.id(), project.name(), project.workspaceId(), envs, project.services(), project.volumes());
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
        List<LiveEnvironment> environments = new ArrayList<>();
        for (LiveEnvironment e : project.environments()) {
            if (e.name().equals(env)) {
                Map<String, LiveServiceInstance> instances = new LinkedHashMap<>(e.instances());
                LiveServiceInstance api = instances.get("svc-engine-api");
                Map<String, LiveVariable> variables = new TreeMap<>(api.variables());
                variables.put(name, new LiveVariable(name, Secret.of(value), false));
                instances.put("svc-engine-api", new LiveServiceInstance(api.serviceId(), api.settings(), variables));
                e = new LiveEnvironment(e.id(), e.name(), e.sourceEnvironmentId(), e.configEtag(), instances, e.sharedVariables());
            }
            environments.add(e);
        }
        return new LiveProject(project.id(), project.name(), project.workspaceId(), environments, project.services(),
                project.volumes());
    }

    @Test
    void whatTlctlCreatedIsDeletedAndWhatOthersAddedIsListed() throws IOException {
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
    void aServiceTlctlCreatedAndTheSpecDisablesEverywhereIsDeletedWhole() throws IOException {
        Spec spec = spec();
        LiveProject applied = applied(spec);
        List<LiveService> services = new ArrayList<>(applied.services());
        services.add(new LiveService("svc-engine-worker", "engine-worker"));
        LiveProject project = new LiveProject(applied.id(), applied.name(), applied.workspaceId(), applied.environments(),
                services, applied.volumes());
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
    void replaceWritesAValueRailwayAlreadyHolds() throws IOException {
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
    void aScopedRunNeitherPlansTheUsageLimitNorHidesThatItDiffers() throws IOException {
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
