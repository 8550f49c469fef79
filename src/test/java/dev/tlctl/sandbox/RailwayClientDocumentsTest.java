package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlctl.testing.RailwaySchema;
import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.GraphQLError;
import graphql.introspection.IntrospectionQueryBuilder;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.EnumTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.Document;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What real clients send is answered (issue 12): documents shaped like the official Railway
 * CLI's main reads, a document selecting every field Railway's schema has on the types the
 * sandbox serves for projects, environments, services, instances, variables and deployments,
 * and a standard full introspection query.
 */
class RailwayClientDocumentsTest extends SandboxTestBase {
    /** The types whose every field real clients may select; built from Railway's schema, not the sandbox's. */
    static final List<String> SERVED_TYPES = List.of("Project", "Environment", "Service", "ServiceInstance", "Variable",
            "Deployment");

    @TempDir
    Path dir;

    Project p;
    String api;
    String worker;
    String staging;

    @Override
    SandboxConfig config() {
        return super.config().withStateFile(dir.resolve("state.json"))
                .withClock(java.time.Clock.fixed(Instant.parse("2026-09-10T10:02:00Z"), ZoneOffset.UTC));
    }

    @BeforeEach
    void aProjectLikeARealOne() throws IOException {
        p = project("demo");
        api = service(p.id(), "api");
        worker = gql.data(Docs.SERVICE_CREATE, "input", Map.of("projectId", p.id(), "name", "worker",
                "source", Map.of("repo", "acme/worker"), "branch", "main")).at("/serviceCreate/id").asText();
        staging = environment(p.id(), "staging");
        // Volumes and buckets come only from the state file; the sandbox reloads it on the next request.
        ObjectNode state = (ObjectNode) Gql.MAPPER.readTree(dir.resolve("state.json").toFile());
        state.withArray("volumes").addObject().put("id", "vol-1").put("projectId", p.id()).put("name", "data")
                .put("createdAt", "2026-09-01T00:00:00Z");
        state.withArray("buckets").addObject().put("id", "bkt-1").put("projectId", p.id()).put("name", "assets")
                .put("createdAt", "2026-09-01T00:00:00Z");
        Gql.MAPPER.writeValue(dir.resolve("state.json").toFile(), state);
        commit(p.productionId(), Map.of("volumes", Map.of("vol-1", Map.of("sizeMB", 10_000)),
                "services", Map.of(
                        api, Map.of("networking", Map.of(
                                        "serviceDomains", Map.of("api-demo.up.railway.app", Map.of("port", 8080)),
                                        "customDomains", Map.of("api.example.com", Map.of("port", 8080))),
                                "volumeMounts", Map.of("vol-1", Map.of("mountPath", "/data")),
                                "variables", Map.of(
                                        "PORT", Map.of("value", "8080"),
                                        "URL", Map.of("value", "https://${{RAILWAY_PUBLIC_DOMAIN}}/x"),
                                        "WORKER", Map.of("value", "${{worker.RAILWAY_PRIVATE_DOMAIN}}"),
                                        "TOKEN", Map.of("value", "t0k", "isSealed", true))),
                        worker, Map.of("deploy", Map.of("cronSchedule", "*/15 * * * *")))));
    }

    @Test
    void theOfficialClisMainReadDocumentsGetDataNotErrors() {
        List<String> documents = List.of(Docs.CLI_PROJECT, Docs.CLI_ENVIRONMENTS, Docs.CLI_ENVIRONMENT_INSTANCES,
                Docs.CLI_VARIABLES_FOR_SERVICE_DEPLOYMENT, Docs.CLI_DEPLOYMENTS, Docs.CLI_REGIONS,
                Docs.CLI_ENVIRONMENT_STAGED_CHANGES);
        for (String document : documents) {
            assertEquals(List.of(), RailwaySchema.validate(document), "valid for Railway: " + document);
        }

        JsonNode project = gql.data(Docs.CLI_PROJECT, "id", p.id()).get("project");
        assertEquals("demo", project.get("name").asText());
        assertEquals("sandbox", project.at("/workspace/name").asText());
        assertEquals(2, project.at("/environments/edges").size());
        assertTrue(project.at("/environments/edges/0/node/canAccess").asBoolean());
        assertEquals(0, project.at("/environments/edges/0/node/unmergedChangesCount").asInt());
        JsonNode apiInstances = project.at("/services/edges/0/node/serviceInstances/edges");
        assertEquals(1, apiInstances.size(), "api has an instance in production only");
        assertTrue(apiInstances.at("/0/node/latestDeployment/canRedeploy").asBoolean());
        assertEquals("nginx:1", apiInstances.at("/0/node/source/image").asText());
        JsonNode volume = project.at("/volumes/edges/0/node/volumeInstances/edges/0/node");
        assertEquals("/data", volume.get("mountPath").asText());
        assertEquals(api, volume.get("serviceId").asText());
        assertEquals(10_000, volume.get("sizeMB").asInt());
        assertEquals("data", volume.at("/volume/name").asText());
        assertEquals("assets", project.at("/buckets/edges/0/node/name").asText());

        JsonNode environments = gql.data(Docs.CLI_ENVIRONMENTS, "projectId", p.id()).at("/environments/edges");
        assertEquals("production", environments.at("/0/node/name").asText());
        assertTrue(environments.at("/0/node/meta").isNull(), "no PR environments in the sandbox");

        JsonNode instances = gql.data(Docs.CLI_ENVIRONMENT_INSTANCES, "environmentId", p.productionId(),
                "projectId", p.id()).get("environment");
        JsonNode apiNode = instances.at("/serviceInstances/edges/0/node");
        assertEquals("api-demo.up.railway.app", apiNode.at("/domains/serviceDomains/0/domain").asText());
        assertEquals(8080, apiNode.at("/domains/customDomains/0/targetPort").asInt());
        assertEquals("SUCCESS", apiNode.at("/latestDeployment/status").asText());
        assertEquals(apiNode.at("/latestDeployment/id"), apiNode.at("/activeDeployments/0/id"));
        assertEquals("RUNNING", apiNode.at("/activeDeployments/0/instances/0/status").asText());
        JsonNode workerNode = instances.at("/serviceInstances/edges/1/node");
        assertEquals("2026-09-10T10:15:00Z", workerNode.get("nextCronRunAt").asText());
        assertEquals("READY", instances.at("/volumeInstances/edges/0/node/state").asText());

        JsonNode variables = gql.data(Docs.CLI_VARIABLES_FOR_SERVICE_DEPLOYMENT, "projectId", p.id(),
                "environmentId", p.productionId(), "serviceId", api).get("variablesForServiceDeployment");
        assertEquals("api", variables.get("RAILWAY_SERVICE_NAME").asText());
        assertEquals("production", variables.get("RAILWAY_ENVIRONMENT_NAME").asText());
        assertEquals("demo", variables.get("RAILWAY_PROJECT_NAME").asText());
        assertEquals("api.railway.internal", variables.get("RAILWAY_PRIVATE_DOMAIN").asText());
        assertEquals("api-demo.up.railway.app", variables.get("RAILWAY_PUBLIC_DOMAIN").asText());
        assertEquals("/data", variables.get("RAILWAY_VOLUME_MOUNT_PATH").asText());
        assertEquals("data", variables.get("RAILWAY_VOLUME_NAME").asText());
        assertEquals("https://api-demo.up.railway.app/x", variables.get("URL").asText());
        assertEquals("worker.railway.internal", variables.get("WORKER").asText());
        assertTrue(variables.has("TOKEN") && variables.get("TOKEN").isNull(), "sealed: by name, no value");

        JsonNode deployments = gql.data(Docs.CLI_DEPLOYMENTS, "input", Map.of("projectId", p.id(),
                "environmentId", p.productionId(), "serviceId", api), "first", 5).at("/deployments/edges");
        assertEquals("nginx:1", deployments.at("/0/node/meta/image").asText());

        JsonNode regions = gql.data(Docs.CLI_REGIONS).get("regions");
        assertEquals("us-west2", regions.at("/0/name").asText());
        assertTrue(regions.at("/0/deploymentConstraints/deprecationInfo").isNull());

        JsonNode staged = gql.data(Docs.CLI_ENVIRONMENT_STAGED_CHANGES, "environmentId", p.productionId(),
                "decryptVariables", false).get("environmentStagedChanges");
        assertEquals("STAGED", staged.get("status").asText());
        assertEquals(0, staged.get("patch").size(), "the empty placeholder when nothing is staged");
    }

    @Test
    void everyFieldRailwayHasOnTheServedTypesValidatesAgainstTheSandboxAndAnswers() {
        TypeDefinitionRegistry railway = RailwaySchema.registry();
        Map<String, String> selections = new java.util.LinkedHashMap<>();
        for (String type : SERVED_TYPES) {
            selections.put(type, everyField(railway, type, Set.of("plugin")));
        }
        String document = "query EveryField($project: String!, $environment: String!, $service: String!) {"
                + " project(id: $project) { " + selections.get("Project") + " }"
                + " environment(id: $environment) { " + selections.get("Environment")
                + " variables { edges { node { " + selections.get("Variable") + " } } } }"
                + " service(id: $service) { " + selections.get("Service") + " }"
                + " serviceInstance(environmentId: $environment, serviceId: $service) { "
                + selections.get("ServiceInstance") + " }"
                + " deployments(input: {projectId: $project}) { edges { node { " + selections.get("Deployment") + " } } } }";
        assertEquals(List.of(), RailwaySchema.validate(document), "built from Railway's schema");
        List<String> sandboxErrors = ParseAndValidate.parseAndValidate(GraphqlEngine.standard().schema(),
                ExecutionInput.newExecutionInput().query(document).build()).getErrors().stream()
                .map(GraphQLError::getMessage).toList();
        assertEquals(List.of(), sandboxErrors, "every field of " + SERVED_TYPES + " exists in the sandbox");
        for (String type : SERVED_TYPES) {
            assertTrue(selections.get(type).split(" ").length > 10, type + ": " + selections.get(type));
        }

        JsonNode data = gql.data(document, "project", p.id(), "environment", p.productionId(), "service", api);
        assertEquals("hobby", data.at("/project/subscriptionType").asText());
        assertEquals(p.productionId(), data.at("/environment/variables/edges/0/node/environmentId").asText());
        assertTrue(data.at("/serviceInstance/isUpdatable").asBoolean());
        assertEquals(List.of("Variable PORT belongs to no plugin (Railway has removed plugins)"),
                gql.errors(Docs.VARIABLE_PLUGIN, "id", p.productionId()), "Variable.plugin is non-null: an error, never a null");
    }

    /** Every field of the type as Railway declares it; object-typed fields select __typename. */
    private static String everyField(TypeDefinitionRegistry registry, String typeName, Set<String> except) {
        ObjectTypeDefinition type = (ObjectTypeDefinition) registry.getType(typeName).orElseThrow();
        List<String> fields = new ArrayList<>();
        for (FieldDefinition field : type.getFieldDefinitions()) {
            if (except.contains(field.getName())) {
                continue;
            }
            String inner = TypeInfo.typeInfo(field.getType()).getName();
            TypeDefinition<?> definition = registry.getType(new TypeName(inner)).orElse(null);
            boolean leaf = definition == null || definition instanceof ScalarTypeDefinition
                    || definition instanceof EnumTypeDefinition;
            fields.add(leaf ? field.getName() : field.getName() + " { __typename }");
        }
        return String.join(" ", fields);
    }

    @Test
    void anyValidIntrospectionDocumentIsAnswered() throws IOException {
        String full = IntrospectionQueryBuilder.build(IntrospectionQueryBuilder.Options.defaultOptions()
                .descriptions(true).specifiedByUrl(true).directiveIsRepeatable(true).schemaDescription(true)
                .inputValueDeprecation(true).typeRefFragmentDepth(9));
        Gql.Response response = gql.anonymous().post(full);
        JsonNode json = response.json();
        assertEquals(200, response.status());
        assertFalse(json.has("errors"), json.path("errors").toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> data = Gql.MAPPER.convertValue(json.get("data"), Map.class);
        Document schema = new IntrospectionResultToSchema().createSchemaDefinition(data);
        assertTrue(schema.getDefinitions().size() > 100, "the whole sandbox schema: " + schema.getDefinitions().size());

        // graphql-java's "good faith" limits refuse each of these; Railway answers them.
        String deep = IntrospectionQueryBuilder.build(IntrospectionQueryBuilder.Options.defaultOptions()
                .typeRefFragmentDepth(30));
        String twoTypes = "{ a: __type(name: \"Project\") { name } b: __type(name: \"Environment\") { name } }";
        String nested = "{ __schema { types { name fields { name type { name fields { name } } } } } }";
        for (String document : List.of(deep, twoTypes, nested)) {
            JsonNode answer = gql.anonymous().post(document).json();
            assertFalse(answer.has("errors"), document + " -> " + answer.path("errors"));
        }
        assertEquals("Project", gql.anonymous().post(twoTypes).json().at("/data/a/name").asText());
    }
}
