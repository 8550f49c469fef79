package dev.tlctl.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.audit.DriftFinding.Direction;
import dev.tlctl.audit.DriftFinding.Side;
import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.live.LiveState;
import dev.tlctl.live.LiveVariable;
import dev.tlctl.live.LiveWorkspace;
import dev.tlctl.plan.PlanOptions;
import dev.tlctl.plan.Planner;
import dev.tlctl.plan.Values;
import dev.tlctl.plan.Address;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audits as pure functions: spec and live records in, findings out; no HTTP. */
class AuditTest {
    private static final String DB_PROD = "postgresql://engine:fake-MARKER-prod@db/engine";
    private static final String DB_STAGING = "postgresql://engine:fake-MARKER-staging@db/engine_staging";
    private static final LiveWorkspace WORKSPACE = new LiveWorkspace("ws-1", "sandbox", "cus-1", true, null, 0);

    @TempDir
    Path dir;

    private Spec spec(Set<String> scope) throws IOException {
        Files.writeString(dir.resolve("tl-engine.yaml"), """
                version: 1
                project:
                  name: tl-engine
                environments:
                  production: {}
                  staging:
                    from: production
                sharedVariables:
                  DATABASE_URL: ${env:DB}
                  ENVIRONMENT: production
                services:
                  engine-api:
                    deploy:
                      numReplicas: 2
                      healthcheckPath: /health
                    variables:
                      ENVIRONMENT: ${{shared.ENVIRONMENT}}
                      DATABASE_URL: ${{shared.DATABASE_URL}}
                      GUNICORN_WORKERS: "4"
                      API_TOKEN: {value: "${env:API_TOKEN}", sealed: true}
                drift:
                  ignore:
                    - "**/variable/RAILWAY_*"
                """);
        Files.createDirectories(dir.resolve("environments"));
        Files.writeString(dir.resolve("environments/staging.yaml"), """
                sharedVariables:
                  DATABASE_URL: ${env:DB_STAGING}
                  ENVIRONMENT: staging
                services:
                  engine-api:
                    deploy:
                      numReplicas: 1
                    variables:
                      GUNICORN_WORKERS: "1"
                """);
        return SpecLoader.load(dir.resolve("tl-engine.yaml"),
                Map.of("DB", DB_PROD, "DB_STAGING", DB_STAGING, "API_TOKEN", "fake-MARKER-token"), scope);
    }

    /** What Railway holds after a perfect apply of {@code spec}, then {@code edit}. */
    private static LiveProject live(Spec spec, UnaryOperator<Map<String, Map<String, LiveVariable>>> edit) {
        List<LiveEnvironment> environments = new ArrayList<>();
        for (EnvironmentSpec env : spec.environments()) {
            Map<String, Map<String, LiveVariable>> vars = new HashMap<>();
            vars.put("shared", variables(env.sharedVariables()));
            for (ServiceInstanceSpec instance : env.services().values()) {
                vars.put(instance.service(), variables(instance.variables()));
            }
            Map<String, Map<String, LiveVariable>> edited = edit.apply(prefixed(env.name(), vars));
            Map<String, LiveServiceInstance> instances = new LinkedHashMap<>();
            for (ServiceInstanceSpec instance : env.services().values()) {
                instances.put("svc-" + instance.service(), new LiveServiceInstance("svc-" + instance.service(),
                        new TreeMap<>(instance.settings()), edited.get(env.name() + "/" + instance.service())));
            }
            environments.add(new LiveEnvironment("env-" + env.name(), env.name(), null, "etag", instances,
                    edited.get(env.name() + "/shared")));
        }
        return new LiveProject("prj-1", "tl-engine", "ws-1", environments, List.of(new LiveService("svc-engine-api",
                "engine-api")), List.of());
    }

    private static Map<String, Map<String, LiveVariable>> prefixed(String env, Map<String, Map<String, LiveVariable>> vars) {
        Map<String, Map<String, LiveVariable>> out = new HashMap<>();
        vars.forEach((k, v) -> out.put(env + "/" + k, v));
        return out;
    }

    private static Map<String, LiveVariable> variables(Map<String, VariableSpec> declared) {
        Map<String, LiveVariable> out = new TreeMap<>();
        declared.values().forEach(v -> out.put(v.name(), new LiveVariable(v.name(), v.sealed() ? null
                : v.value() == null ? Secret.of(v.template()) : v.value(), v.sealed())));
        return out;
    }

    /** Sets a variable at {@code where} ("staging/engine-api", "production/shared") when the edit is of that environment. */
    private static void set(Map<String, Map<String, LiveVariable>> vars, String where, String name, String value) {
        if (vars.containsKey(where)) {
            vars.get(where).put(name, new LiveVariable(name, Secret.of(value), false));
        }
    }

    private static DriftReport drift(Spec spec, LiveProject project, Map<String, Fingerprint> written) {
        LiveState live = new LiveState(WORKSPACE, project);
        return Drift.of(spec, live, Planner.plan(spec, live, new PlanOptions(true, false, written)), written);
    }

    private static Fingerprint fp(String value) {
        return Fingerprint.of(value, Fingerprint.newSalt());
    }

    @Test
    void aPerfectApplyHasNoDrift() throws IOException {
        Spec spec = spec(null);
        DriftReport report = drift(spec, live(spec, v -> v), Map.of());
        assertEquals(List.of(), report.findings());
        assertTrue(report.notes().stream().anyMatch(n -> n.contains("API_TOKEN is sealed")), report.notes()::toString);
    }

    @Test
    void theDirectionComesFromWhatTlctlLastWrote() throws IOException {
        Spec spec = spec(null);
        String address = "staging/engine-api/variable/GUNICORN_WORKERS";
        LiveProject project = live(spec, v -> {
            set(v, "staging/engine-api", "GUNICORN_WORKERS", "7");
            return v;
        });
        assertEquals(Direction.RAILWAY_CHANGED, drift(spec, project, Map.of(address, fp("1"))).findings().get(0).direction());
        assertEquals(Direction.SPEC_CHANGED, drift(spec, project, Map.of(address, fp("7"))).findings().get(0).direction());
        assertEquals(Direction.BOTH_CHANGED, drift(spec, project, Map.of(address, fp("3"))).findings().get(0).direction());
        DriftFinding unknown = drift(spec, project, Map.of()).findings().get(0);
        assertEquals(Direction.UNKNOWN, unknown.direction());
        assertEquals("differs", unknown.explanation());
        assertEquals("(hidden)", Values.shown(unknown.railway(), unknown.sensitive(), false).text());
        assertEquals("7", Values.shown(unknown.railway(), unknown.sensitive(), true).text());
    }

    @Test
    void aSettingDirectionUsesItsCanonicalText() throws IOException {
        Spec spec = spec(null);
        LiveProject project = live(spec, v -> v);
        LiveEnvironment staging = project.environment("staging").orElseThrow();
        LiveServiceInstance api = staging.instance("svc-engine-api").orElseThrow();
        TreeMap<String, Object> settings = new TreeMap<>(api.settings());
        settings.put("deploy.numReplicas", 3L);
        settings.put("deploy.sleepApplication", false); // Railway's default: not drift when undeclared
        settings.put("deploy.cronSchedule", "*/5 * * * *");
        LiveProject changed = replaceInstance(project, "staging", new LiveServiceInstance(api.serviceId(), settings,
                api.variables()));
        DriftReport report = drift(spec, changed, Map.of("staging/engine-api/setting/deploy.numReplicas",
                fp(Values.canonical(1.0))));
        assertEquals(List.of("staging/engine-api/setting/deploy.cronSchedule", "staging/engine-api/setting/deploy.numReplicas"),
                report.findings().stream().map(f -> f.address().text()).toList());
        assertEquals(Side.ONLY_ON_RAILWAY, report.findings().get(0).side());
        assertEquals(Direction.RAILWAY_CHANGED, report.findings().get(1).direction(), "1.0 and 1 are one value");
    }

    private static LiveProject replaceInstance(LiveProject project, String env, LiveServiceInstance instance) {
        List<LiveEnvironment> environments = new ArrayList<>();
        for (LiveEnvironment e : project.environments()) {
            if (e.name().equals(env)) {
                Map<String, LiveServiceInstance> instances = new LinkedHashMap<>(e.instances());
                instances.put(instance.serviceId(), instance);
                e = new LiveEnvironment(e.id(), e.name(), e.sourceEnvironmentId(), e.configEtag(), instances,
                        e.sharedVariables());
            }
            environments.add(e);
        }
        return new LiveProject(project.id(), project.name(), project.workspaceId(), environments, project.services(),
                project.volumes());
    }

    @Test
    void undeclaredVariablesCountAndIgnoreGlobsSilenceThem() throws IOException {
        Spec spec = spec(null);
        LiveProject project = live(spec, v -> {
            set(v, "production/engine-api", "RAILWAY_DEPLOYMENT_DRAINING_SECONDS", "30");
            set(v, "production/shared", "STRIPE_SECRET", "fake-MARKER-stripe");
            return v;
        });
        DriftReport report = drift(spec, project, Map.of());
        assertEquals(1, report.ignored());
        DriftFinding stripe = report.findings().get(0);
        assertEquals("production/variable/STRIPE_SECRET", stripe.address().text());
        assertTrue(stripe.sensitive(), "a secret by its name");
        assertEquals(Secret.MASK, Values.shown(stripe.railway(), stripe.sensitive(), true).text());
    }

    @Test
    void aSealedValueIsComparedWithWhatTlctlWrote() throws IOException {
        Spec spec = spec(null);
        LiveProject project = live(spec, v -> v);
        String address = "production/engine-api/variable/API_TOKEN";
        assertEquals(List.of(), drift(spec, project, Map.of(address, fp("fake-MARKER-token"))).findings());
        DriftFinding changed = drift(spec, project, Map.of(address, fp("an older token"))).findings().get(0);
        assertEquals(address, changed.address().text());
        assertEquals(Direction.SPEC_CHANGED, changed.direction());
        assertNull(changed.railway());
    }

    @Test
    void globsMatchWithinAndAcrossSegments() {
        assertTrue(globMatches("staging/*/variable/FEATURE_*", "staging/engine-api/variable/FEATURE_X"));
        assertFalse(globMatches("*/variable/X", "staging/engine-api/variable/X"), "* stays in a segment");
        assertTrue(globMatches("**/variable/X", "staging/engine-api/variable/X"));
        assertTrue(globMatches("**", "project/service/stray"));
        assertFalse(globMatches("staging", "staging/engine-api"));
        // Exponential for a backtracking matcher; a table of 512 x 400 cells here.
        assertFalse(globMatches("*a".repeat(255) + "x", "a".repeat(400)), "bounded on hostile globs");
    }

    private static boolean globMatches(String pattern, String text) {
        return new dev.tlctl.spec.DriftSpec(List.of(pattern)).ignores(text);
    }

    // ---- comparison -----------------------------------------------------------------------------

    @Test
    void aSecretSharedAcrossEnvironmentsIsARiskAtAnyAddress() throws IOException {
        Spec declared = spec(Set.of());
        Spec resolved = spec(null);
        LiveProject project = live(resolved, v -> {
            set(v, "staging/engine-api", "DATABASE_URL", DB_PROD); // a literal copy of production's shared URL
            return v;
        });
        Comparison c = EnvironmentComparison.of(declared, project, project.environment("production").orElseThrow(),
                project.environment("staging").orElseThrow());
        List<Difference> risks = c.differences().stream().filter(Difference::risk).toList();
        assertEquals(1, risks.size(), c::toString);
        assertEquals("staging/engine-api/variable/DATABASE_URL", risks.get(0).rightAddress());
        assertEquals("production/variable/DATABASE_URL", risks.get(0).leftAddress());
        assertFalse(c.toString().contains("fake-MARKER"), "a comparison never holds a revealed secret in its text");
        Difference shadow = c.differences().stream().filter(d -> d.type() == Difference.Type.SHADOWS).findFirst().orElseThrow();
        assertEquals("staging/engine-api/variable/DATABASE_URL", shadow.rightAddress());
        assertTrue(c.notes().stream().anyMatch(n -> n.contains("API_TOKEN is sealed")), c.notes()::toString);
        Difference replicas = c.differences().stream().filter(d -> "deploy.numReplicas".equals(d.name())).findFirst()
                .orElseThrow();
        assertTrue(replicas.declared(), "the staging overlay declares it");
        assertTrue(c.hasFindings());
    }

    @Test
    void equalReferencesAreNotRisks() throws IOException {
        Spec declared = spec(Set.of());
        Spec resolved = spec(null);
        LiveProject project = live(resolved, v -> v);
        // What tlctl wrote, as its records would say: a value from ${env:...} is not read by compare.
        Map<String, Fingerprint> written = new java.util.HashMap<>();
        byte[] salt = Fingerprint.newSalt();
        for (var env : resolved.environments()) {
            env.sharedVariables().values().forEach(v -> written.put(Address.variable(env.name(), null, v.name()).text(),
                    Fingerprint.of(v.value().reveal(), salt)));
        }
        Comparison c = EnvironmentComparison.of(declared, project, project.environment("production").orElseThrow(),
                project.environment("staging").orElseThrow(), dev.tlctl.plan.History.of(written));
        assertEquals(0, c.risks(), c::toString);
        assertFalse(c.hasFindings(), "only declared differences: " + c.differences());
        Comparison unknown = EnvironmentComparison.of(declared, project, project.environment("production").orElseThrow(),
                project.environment("staging").orElseThrow());
        assertEquals(List.of("DATABASE_URL"), unknown.undeclared().stream().map(Difference::name).toList(),
                "without a record, a value from ${env:...} cannot be shown to be the spec's");
    }
}
