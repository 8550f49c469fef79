package dev.tlctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A sandbox per test (memory state, no practical rate limit) and the account's client. */
abstract class SandboxTestBase {
    Sandbox sandbox;
    Gql gql;

    SandboxConfig config() {
        return SandboxConfig.defaults().withTiming(SandboxConfig.Timing.immediate()).withRateLimit(1_000_000, 1_000_000);
    }

    @BeforeEach
    void startSandbox() throws IOException {
        sandbox = Sandbox.start(config());
        gql = Gql.account(sandbox);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    /** A project and its default environment. */
    record Project(String id, String productionId) {}

    Project project(String name) {
        JsonNode created = gql.data(Docs.PROJECT_CREATE, "input", Map.of("name", name)).get("projectCreate");
        return new Project(created.get("id").asText(),
                created.at("/environments/edges/0/node/id").asText());
    }

    String environment(String projectId, String name) {
        return gql.data(Docs.ENVIRONMENT_CREATE, "input", Map.of("projectId", projectId, "name", name))
                .at("/environmentCreate/id").asText();
    }

    String fork(String projectId, String name, String sourceId, boolean skipInitialDeploys) {
        return gql.data(Docs.ENVIRONMENT_CREATE, "input", Map.of("projectId", projectId, "name", name,
                "sourceEnvironmentId", sourceId, "skipInitialDeploys", skipInitialDeploys))
                .at("/environmentCreate/id").asText();
    }

    /** A service with an image source (so it deploys), created in every non-fork environment. */
    String service(String projectId, String name) {
        return gql.data(Docs.SERVICE_CREATE, "input", Map.of("projectId", projectId, "name", name,
                "source", Map.of("image", "nginx:1"))).at("/serviceCreate/id").asText();
    }

    JsonNode environmentView(String environmentId, boolean decrypt) {
        return gql.data(Docs.ENVIRONMENT, "id", environmentId, "decrypt", decrypt).get("environment");
    }

    JsonNode instance(String environmentId, String serviceId) {
        return gql.data(Docs.SERVICE_INSTANCE, "environmentId", environmentId, "serviceId", serviceId)
                .get("serviceInstance");
    }

    List<String> instanceServiceIds(String environmentId) {
        List<String> ids = new ArrayList<>();
        environmentView(environmentId, false).at("/serviceInstances/edges")
                .forEach(edge -> ids.add(edge.at("/node/serviceId").asText()));
        return ids;
    }

    JsonNode variables(String projectId, String environmentId, String serviceId, boolean unrendered) {
        return gql.data(Docs.VARIABLES, "projectId", projectId, "environmentId", environmentId,
                "serviceId", serviceId, "unrendered", unrendered).get("variables");
    }

    boolean commit(String environmentId, Object patch) {
        return !gql.data(Docs.PATCH_COMMIT, "environmentId", environmentId, "patch", patch)
                .get("environmentPatchCommit").asText().isEmpty();
    }
}
