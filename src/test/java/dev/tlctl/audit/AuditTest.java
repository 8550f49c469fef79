package dev.tlctl.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.audit.DriftFinding.Direction;
import dev.tlctl.audit.DriftFinding.Side;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveState;
import dev.tlctl.live.LiveWorkspace;
import dev.tlctl.plan.Address;
import dev.tlctl.plan.PlanOptions;
import dev.tlctl.plan.Planner;
import dev.tlctl.plan.Values;
import dev.tlctl.secret.Fingerprint;
import dev.tlctl.secret.Secret;
import dev.tlctl.spec.Spec;
import dev.tlctl.testing.LiveBuilder;
import dev.tlctl.testing.SpecBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audits as pure functions: spec and live records in, findings out; no HTTP. */
class AuditTest {
    private static final String DB_PROD = "postgresql://engine:fake-MARKER-prod@db/engine";
    private static final String DB_STAGING = "postgresql://engine:fake-MARKER-staging@db/engine_staging";
    private static final LiveWorkspace WORKSPACE = new LiveWorkspace("ws-1", "sandbox", "cus-1", true, null, 0);

    /** tl-engine as the audits see it: production, and staging declared from it with its own overlay. */
    private static SpecBuilder declared() {
        return SpecBuilder.project("tl-engine")
                .environment("production").environment("staging", "production")
                .shared("DATABASE_URL", SpecBuilder.fromEnv("DB", DB_PROD))
                .shared("ENVIRONMENT", "production")
                .service("engine-api", s -> s.setting("deploy.numReplicas", 2L).setting("deploy.healthcheckPath", "/health")
                        .variable("ENVIRONMENT", "${{shared.ENVIRONMENT}}")
                        .variable("DATABASE_URL", "${{shared.DATABASE_URL}}")
                        .variable("GUNICORN_WORKERS", "4")
                        .variable("API_TOKEN", SpecBuilder.sealed(SpecBuilder.fromEnv("API_TOKEN", "fake-MARKER-token"))))
                .ignore("**/variable/RAILWAY_*")
                .in("staging", e -> e.shared("DATABASE_URL", SpecBuilder.fromEnv("DB_STAGING", DB_STAGING))
                        .shared("ENVIRONMENT", "staging")
                        .setting("engine-api", "deploy.numReplicas", 1L)
                        .variable("engine-api", "GUNICORN_WORKERS", "1"));
    }

    /** The spec with every environment's references read. */
    private static Spec spec() {
        return declared().build();
    }

    /** The spec as drift --compare reads it: no reference read. */
    private static Spec unresolved() {
        return declared().unresolved("production", "staging").build();
    }

    /** What Railway holds after a perfect apply of {@code spec}. */
    private static LiveProject live(Spec spec) {
        return LiveBuilder.applied(spec);
    }

    private static DriftReport drift(Spec spec, LiveProject project, Map<String, Fingerprint> written) {
        LiveState live = new LiveState(WORKSPACE, project);
        return Drift.of(spec, live, Planner.plan(spec, live, new PlanOptions(true, false, written)), written);
    }

    private static Fingerprint fp(String value) {
        return Fingerprint.of(value, Fingerprint.newSalt());
    }

    @Test
    void aPerfectApplyHasNoDrift() {
        Spec spec = spec();
        DriftReport report = drift(spec, live(spec), Map.of());
        assertEquals(List.of(), report.findings());
        assertTrue(report.notes().stream().anyMatch(n -> n.contains("API_TOKEN is sealed")), report.notes()::toString);
    }

    @Test
    void theDirectionComesFromWhatTlctlLastWrote() {
        Spec spec = spec();
        String address = "staging/engine-api/variable/GUNICORN_WORKERS";
        LiveProject project = LiveBuilder.variable(live(spec), "staging", "engine-api", "GUNICORN_WORKERS", "7");
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
    void aSettingDirectionUsesItsCanonicalText() {
        Spec spec = spec();
        LiveProject changed = LiveBuilder.settings(live(spec), "staging", "engine-api", settings -> {
            settings.put("deploy.numReplicas", 3L);
            settings.put("deploy.sleepApplication", false); // Railway's default: not drift when undeclared
            settings.put("deploy.cronSchedule", "*/5 * * * *");
            return settings;
        });
        DriftReport report = drift(spec, changed, Map.of("staging/engine-api/setting/deploy.numReplicas",
                fp(Values.canonical(1.0))));
        assertEquals(List.of("staging/engine-api/setting/deploy.cronSchedule", "staging/engine-api/setting/deploy.numReplicas"),
                report.findings().stream().map(f -> f.address().text()).toList());
        assertEquals(Side.ONLY_ON_RAILWAY, report.findings().get(0).side());
        assertEquals(Direction.RAILWAY_CHANGED, report.findings().get(1).direction(), "1.0 and 1 are one value");
    }

    @Test
    void undeclaredVariablesCountAndIgnoreGlobsSilenceThem() {
        Spec spec = spec();
        LiveProject project = LiveBuilder.shared(LiveBuilder.variable(live(spec), "production", "engine-api",
                "RAILWAY_DEPLOYMENT_DRAINING_SECONDS", "30"), "production", "STRIPE_SECRET", "fake-MARKER-stripe");
        DriftReport report = drift(spec, project, Map.of());
        assertEquals(1, report.ignored());
        DriftFinding stripe = report.findings().get(0);
        assertEquals("production/variable/STRIPE_SECRET", stripe.address().text());
        assertTrue(stripe.sensitive(), "a secret by its name");
        assertEquals(Secret.MASK, Values.shown(stripe.railway(), stripe.sensitive(), true).text());
    }

    @Test
    void aSealedValueIsComparedWithWhatTlctlWrote() {
        Spec spec = spec();
        LiveProject project = live(spec);
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
    void aSecretSharedAcrossEnvironmentsIsARiskAtAnyAddress() {
        Spec declared = unresolved();
        Spec resolved = spec();
        // A literal copy of production's shared URL.
        LiveProject project = LiveBuilder.variable(live(resolved), "staging", "engine-api", "DATABASE_URL", DB_PROD);
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
    void equalReferencesAreNotRisks() {
        Spec declared = unresolved();
        Spec resolved = spec();
        LiveProject project = live(resolved);
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
