package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.e2e.World.Run;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Plan requests stay constant as the project grows: 20 services, 5 environments, 50 variables each. */
class ScaleTest extends E2eTest {
    static final int SERVICES = 20;
    static final int ENVIRONMENTS = 5;
    static final int VARIABLES = 50;

    /** A spec of 20 services, each with 50 variables, in 5 environments (1000 variables per environment). */
    static String bigSpec() {
        StringBuilder yaml = new StringBuilder("version: 1\nproject:\n  name: big\nenvironments:\n  production: {}\n");
        yaml.append("  staging:\n    from: production\n");
        for (int e = 3; e <= ENVIRONMENTS; e++) {
            yaml.append("  env").append(e).append(": {}\n");
        }
        yaml.append("sharedVariables:\n  REGION_NAME: west\nservices:\n");
        for (int s = 1; s <= SERVICES; s++) {
            yaml.append(String.format(Locale.ROOT, "  svc-%02d:%n", s));
            yaml.append("    source:\n      repo: acme/big\n      branch: main\n");
            yaml.append("    deploy:\n      numReplicas: 1\n      region: us-west2\n");
            yaml.append("    variables:\n");
            for (int v = 1; v <= VARIABLES; v++) {
                yaml.append(String.format(Locale.ROOT, "      VAR_%02d: \"value %d of svc-%02d\"%n", v, v, s));
            }
        }
        return yaml.toString();
    }

    @Test
    void planRequestsDoNotGrowWithTheProject() {
        World w = world();
        // The repository's spec first, for the reference counts.
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.forgetCachedId();
        long smallByName = w.tlctl("plan").requests();
        long smallById = w.tlctl("plan").requests();

        w.write("big/tl-engine.yaml", bigSpec());
        w.later(); // past Railway's quotas on projects and environments
        Run apply = w.run(w.env(), false, "", "apply", "--yes", "-f", "big/tl-engine.yaml");
        assertEquals(0, apply.code(), apply::toString);
        // The repository's 10 (see ReconcileTest), one more look each for the new project in its
        // workspace's list and for the new services' instances (Railway shows both a moment after
        // creating them), and one more per environment past the first two: Railway takes one
        // environment per request, one per user every 30 s, and one refused create: tlctl learns the
        // quota from Railway's first refusal (then waits 31 s between them) rather than presuming it.
        assertTrue(apply.requests() <= 12 + ENVIRONMENTS - 2 + 1, apply::toString);
        assertEquals(ENVIRONMENTS - 2, apply.sleeps().stream().filter(d -> d.getSeconds() >= 30).count(),
                () -> "one wait of about 31 s before each environment past the second: " + apply.sleeps());
        JsonNode big = w.projects("big").get(0);
        assertEquals(ENVIRONMENTS, World.names(big.path("environments")).size());
        assertEquals(SERVICES, World.names(big.path("services")).size());
        String service = World.idOf(big.path("services"), "svc-20");
        String env5 = World.idOf(big.path("environments"), "env5");
        JsonNode config = w.gql.data("query E2eConfig($id: String!) { environment(id: $id) { config(decryptVariables: true) } }",
                java.util.Map.of("id", env5)).path("environment").path("config");
        assertEquals(VARIABLES, config.path("services").path(service).path("variables").size(), config::toString);

        w.forgetCachedId("big");
        Run byName = w.run(w.env(), false, "", "plan", "--detailed-exitcode", "-f", "big/tl-engine.yaml");
        assertEquals(0, byName.code(), byName::toString);
        assertEquals(smallByName, byName.requests(), byName::toString);
        Run byId = w.run(w.env(), false, "", "plan", "--detailed-exitcode", "-f", "big/tl-engine.yaml");
        assertEquals(0, byId.code(), byId::toString);
        assertEquals(smallById, byId.requests(), byId::toString);
        assertEquals(2, smallByName);
        assertEquals(1, smallById);
    }
}
