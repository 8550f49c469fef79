package dev.tlctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Walks the sandbox's schema over a sandbox holding one of everything the sandbox can hold (a
 * project with services from an image and from a repository, a volume, a bucket, domains of both
 * kinds, deployments, a staged change, an applied change set, a usage limit and usage, a pull
 * request's environment, a member, a project reached through an invitation): from each root
 * field, and down every object field, it asks for an object of every type it meets with every
 * field of that type selected (object fields with {@code __typename}). So every type the sandbox
 * answers is answered whole, and the documents say which fields were asked for. The types no
 * object of which exists in the sandbox are listed, with the reason, in {@link #NEVER_ANSWERED}.
 */
final class WholeTypes {
    /** Types the sandbox declares (whole, as Railway's) but never answers an object of. */
    static final Map<String, String> NEVER_ANSWERED = new TreeMap<>(Map.ofEntries(
            Map.entry("Plugin", "Railway has removed plugins"),
            Map.entry("PluginContainersConnection", "a plugin's"),
            Map.entry("PluginContainersConnectionEdge", "a plugin's"),
            Map.entry("PluginVariablesConnection", "a plugin's"),
            Map.entry("PluginVariablesConnectionEdge", "a plugin's"),
            Map.entry("Container", "a plugin's"),
            Map.entry("EdgeConfig", "the sandbox has no CDN"),
            Map.entry("EdgeCachingConfig", "the sandbox has no CDN"),
            Map.entry("StaleWhileRevalidateConfig", "the sandbox has no CDN"),
            Map.entry("ApiTokenRateLimit", "the sandbox reports rate limits in the X-RateLimit-* headers only"),
            Map.entry("AdoptionInfo", "the sandbox keeps no adoption history"),
            Map.entry("Credit", "no credit is ever granted in the sandbox"),
            Map.entry("CustomerCreditsConnectionEdge", "no credit is ever granted in the sandbox"),
            Map.entry("CustomerAddress", "no billing address is given in the sandbox"),
            Map.entry("CustomerTaxId", "no tax id is given in the sandbox"),
            Map.entry("SubscriptionDiscount", "no coupon is applied in the sandbox"),
            Map.entry("SpendCommitment", "no spend commitment in the sandbox"),
            Map.entry("PlanLimitOverride", "no plan override in the sandbox"),
            Map.entry("PartnerProfile", "no workspace of the sandbox is a partner"),
            Map.entry("ReferralUser", "nobody was referred in the sandbox"),
            Map.entry("WorkspaceIdentityProvider", "no SAML in the sandbox"),
            Map.entry("WorkspaceIdentityProvidersConnectionEdge", "no SAML in the sandbox"),
            Map.entry("WorkspaceIdPConnection", "no SAML in the sandbox"),
            Map.entry("ProjectPluginsConnectionEdge", "Railway has removed plugins"),
            Map.entry("Group", "the sandbox has no canvas groups"),
            Map.entry("ProjectGroupsConnectionEdge", "the sandbox has no canvas groups"),
            Map.entry("DeploymentCreator", "the sandbox records no deployment's creator"),
            Map.entry("DeploymentSocket", "the sandbox serves no traffic"),
            Map.entry("AppliedByMember", "the staged patch the sandbox shows is never applied yet")));

    /**
     * Fields that answer an error for some objects, as Railway's must: the field is non-null and
     * such an object has nothing to give. The walk leaves them out; documents of Docs select them.
     */
    static final Map<String, String> REFUSED_FOR_SOME = Map.of(
            "Variable.plugin", "no variable belongs to a plugin (Railway has removed them)",
            "Variable.service", "a shared variable has no service");

    /** What the walk found: per type answered, the document that answered it; and every problem. */
    record Exploration(Map<String, String> answered, List<String> problems) {
        /** Every (Type.field) the walk's documents selected on an answered object. */
        Set<String> fields(GraphQLSchema schema) {
            Set<String> out = new TreeSet<>();
            answered.keySet().forEach(type -> ((GraphQLObjectType) schema.getType(type)).getFieldDefinitions()
                    .forEach(f -> out.add(type + "." + f.getName())));
            return out;
        }
    }

    /** A root field to start from: its call, with the variables and the token it needs. */
    private record Root(boolean mutation, String call, String variableDefinitions, Map<String, Object> variables,
            Gql client) {}

    private static Exploration cached;

    private WholeTypes() {}

    /** The walk, over a sandbox of its own (done once per JVM). */
    static synchronized Exploration exploration() {
        if (cached == null) {
            try {
                Path dir = Files.createTempDirectory("whole-types");
                try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withTiming(SandboxConfig.Timing.immediate())
                        .withRateLimit(1_000_000, 1_000_000).withStateFile(dir.resolve("state.json")))) {
                    cached = explore(sandbox, dir.resolve("state.json"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cached;
    }

    private static Exploration explore(Sandbox sandbox, Path stateFile) throws IOException {
        Gql gql = Gql.account(sandbox);
        GraphQLSchema schema = GraphqlEngine.standard().schema();
        List<Root> roots = fixture(sandbox, gql, stateFile);
        Map<String, String> answered = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        // A path goes down object fields from a root; a type met twice on one path ends it. A path
        // is followed while it may lead to a type not answered yet (the first path to a type may
        // find none of it, as project(id).plugins does; another may).
        record Step(Root root, List<String> path, List<String> types) {}
        Deque<Step> queue = new ArrayDeque<>();
        for (Root root : roots) {
            queue.add(new Step(root, List.of(), List.of(typeAt(schema, root, List.of()).getName())));
        }
        while (!queue.isEmpty()) {
            Step step = queue.poll();
            GraphQLObjectType type = typeAt(schema, step.root(), step.path());
            if (answered.containsKey(type.getName()) && !leadsToUnanswered(schema, type, answered, step.types())) {
                continue;
            }
            String document = document(step.root(), step.path(), whole(type), type.getName());
            JsonNode json = step.root().client().post(document, flatten(step.root().variables())).json();
            if (json.has("errors") && answered.containsKey(type.getName())) {
                continue; // answered whole already; here the token may not see all of it (a project token)
            }
            if (json.has("errors")) {
                problems.add(type.getName() + " at " + step.root().call() + " " + String.join(".", step.path()) + ": "
                        + json.get("errors"));
                continue;
            }
            List<JsonNode> objects = new ArrayList<>();
            collect(json.path("data").path(rootName(step.root())), step.path(), 0, objects);
            if (objects.isEmpty()) {
                continue;
            }
            answered.putIfAbsent(type.getName(), document);
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                if (GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType child
                        && !step.types().contains(child.getName()) && !REFUSED_FOR_SOME.containsKey(
                                type.getName() + "." + field.getName())) {
                    List<String> path = new ArrayList<>(step.path());
                    path.add(field.getName());
                    List<String> types = new ArrayList<>(step.types());
                    types.add(child.getName());
                    queue.add(new Step(step.root(), path, types));
                }
            }
        }
        return new Exploration(answered, problems);
    }

    /**
     * Whether a type not answered yet (and not one the sandbox never answers) can be reached from
     * {@code type} without going through a type already on the path.
     */
    private static boolean leadsToUnanswered(GraphQLSchema schema, GraphQLObjectType type, Map<String, String> answered,
            List<String> onPath) {
        Set<String> seen = new TreeSet<>(onPath);
        Deque<GraphQLObjectType> todo = new ArrayDeque<>(List.of(type));
        while (!todo.isEmpty()) {
            for (GraphQLFieldDefinition field : todo.poll().getFieldDefinitions()) {
                if (GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType child && seen.add(child.getName())) {
                    if (!answered.containsKey(child.getName()) && !NEVER_ANSWERED.containsKey(child.getName())) {
                        return true;
                    }
                    todo.add(child);
                }
            }
        }
        return false;
    }

    /** Every field of {@code type}: scalars and enums as they are, object fields by their {@code __typename}. */
    static String whole(GraphQLObjectType type) {
        StringBuilder out = new StringBuilder("{ __typename");
        for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
            if (REFUSED_FOR_SOME.containsKey(type.getName() + "." + field.getName())) {
                continue; // its error would null the object, up to the whole answer: Docs selects it
            }
            out.append(' ').append(field.getName());
            if (GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType) {
                out.append(" { __typename }");
            }
        }
        return out.append(" }").toString();
    }

    private static String document(Root root, List<String> path, String selection, String typeName) {
        String inner = selection;
        for (int i = path.size() - 1; i >= 0; i--) {
            inner = "{ " + path.get(i) + " " + inner + " }";
        }
        return (root.mutation() ? "mutation" : "query") + " Whole" + typeName + root.variableDefinitions() + " { "
                + root.call() + " " + inner + " }";
    }

    private static GraphQLObjectType typeAt(GraphQLSchema schema, Root root, List<String> path) {
        GraphQLObjectType parent = root.mutation() ? schema.getMutationType() : schema.getQueryType();
        GraphQLNamedType type = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(
                parent.getFieldDefinition(rootName(root)).getType());
        for (String field : path) {
            type = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(((GraphQLObjectType) type).getFieldDefinition(field).getType());
        }
        return (GraphQLObjectType) type;
    }

    private static String rootName(Root root) {
        int paren = root.call().indexOf('(');
        return paren < 0 ? root.call() : root.call().substring(0, paren);
    }

    /** The objects at the end of {@code path}, through lists, leaving out nulls. */
    private static void collect(JsonNode node, List<String> path, int at, List<JsonNode> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> collect(element, path, at, out));
            return;
        }
        if (at == path.size()) {
            out.add(node);
            return;
        }
        collect(node.get(path.get(at)), path, at + 1, out);
    }

    private static Object[] flatten(Map<String, Object> variables) {
        List<Object> pairs = new ArrayList<>();
        variables.forEach((k, v) -> {
            pairs.add(k);
            pairs.add(v);
        });
        return pairs.toArray();
    }

    // ---- one of everything ----------------------------------------------------------------------

    private static List<Root> fixture(Sandbox sandbox, Gql gql, Path stateFile) throws IOException {
        JsonNode created = gql.data(Docs.PROJECT_CREATE, "input", Map.of("name", "whole")).get("projectCreate");
        String projectId = created.get("id").asText();
        String production = created.at("/environments/edges/0/node/id").asText();
        String api = gql.data(Docs.SERVICE_CREATE, "input", Map.of("projectId", projectId, "name", "api",
                "source", Map.of("image", "nginx:1"))).at("/serviceCreate/id").asText();
        String worker = gql.data(Docs.SERVICE_CREATE, "input", Map.of("projectId", projectId, "name", "worker",
                "source", Map.of("repo", "acme/worker"), "branch", "main")).at("/serviceCreate/id").asText();
        // Volumes and buckets come only from the state file; the sandbox reloads it on the next request.
        ObjectNode state = (ObjectNode) Gql.MAPPER.readTree(stateFile.toFile());
        state.withArray("volumes").addObject().put("id", "vol-1").put("projectId", projectId).put("name", "data")
                .put("createdAt", "2026-09-01T00:00:00Z");
        state.withArray("buckets").addObject().put("id", "bkt-1").put("projectId", projectId).put("name", "assets")
                .put("createdAt", "2026-09-01T00:00:00Z");
        Gql.MAPPER.writeValue(stateFile.toFile(), state);
        gql.data(Docs.PATCH_COMMIT, "environmentId", production, "patch", Map.of(
                "volumes", Map.of("vol-1", Map.of("sizeMB", 10_000)),
                "sharedVariables", Map.of("REGION", Map.of("value", "eu")),
                "services", Map.of(api, Map.of(
                        "networking", Map.of(
                                "serviceDomains", Map.of("api-whole.up.railway.app", Map.of("port", 8080)),
                                "customDomains", Map.of("api.example.com", Map.of("port", 8080))),
                        "volumeMounts", Map.of("vol-1", Map.of("mountPath", "/data")),
                        "variables", Map.of("PORT", Map.of("value", "8080"))),
                        worker, Map.of("deploy", Map.of("cronSchedule", "*/15 * * * *")))));
        gql.data("mutation Stage($environmentId: String!, $input: EnvironmentConfig!) {"
                + " environmentStageChanges(environmentId: $environmentId, input: $input, merge: true) { id } }",
                "environmentId", production, "input", Map.of("sharedVariables", Map.of("STAGED", Map.of("value", "1"))));
        Map<String, Object> changeSet = Map.of("version", 1, "diagnostics", List.of(), "changes", List.of(Map.of(
                "kind", "variable.set", "address", "service.api", "variable", "LOG_LEVEL",
                "after", Map.of("type", "literal", "value", "debug"))));
        String changeSetId = gql.data(Docs.CHANGE_SET_APPLY, "environmentId", production, "input", changeSet,
                "commitMessage", "whole").at("/environmentApplyChangeSet/id").asText();
        String customerId = gql.data("query Customer($id: String!) { workspace(workspaceId: $id) { customer { id } } }",
                "id", workspaceId(gql)).at("/workspace/customer/id").asText();
        gql.data(Docs.USAGE_LIMIT_SET, "input", Map.of("customerId", customerId, "softLimitDollars", 10,
                "hardLimitDollars", 20));
        sandbox.setUsage("whole", "production", "api", "CPU_USAGE", 12.5);
        sandbox.openPullRequest("whole", 3, "feat/whole");
        sandbox.addMember("Dev", "MEMBER");
        String owner = sandbox.addWorkspace("Acme");
        JsonNode other = gql.withBearer(owner).data(Docs.PROJECT_CREATE, "input", Map.of("name", "shared"))
                .get("projectCreate");
        sandbox.invite("shared");
        String workspaceToken = sandbox.mintWorkspaceToken(null);
        String projectToken = sandbox.mintProjectToken("whole", "production");

        List<Root> roots = new ArrayList<>();
        Map<String, Object> none = Map.of();
        roots.add(new Root(false, "me", "", none, gql));
        roots.add(new Root(false, "externalWorkspaces", "", none, gql));
        roots.add(new Root(false, "workspace(workspaceId: $w)", "($w: String!)", Map.of("w", workspaceId(gql)), gql));
        roots.add(new Root(false, "project(id: $p)", "($p: String!)", Map.of("p", projectId), gql));
        roots.add(new Root(false, "project(id: $p)", "($p: String!)", Map.of("p", other.get("id").asText()), gql));
        roots.add(new Root(false, "projects", "", none, gql));
        roots.add(new Root(false, "environment(id: $e)", "($e: String!)", Map.of("e", production), gql));
        roots.add(new Root(false, "environments(projectId: $p)", "($p: String!)", Map.of("p", projectId), gql));
        roots.add(new Root(false, "service(id: $s)", "($s: String!)", Map.of("s", api), gql));
        roots.add(new Root(false, "serviceInstance(environmentId: $e, serviceId: $s)", "($e: String!, $s: String!)",
                Map.of("e", production, "s", api), gql));
        roots.add(new Root(false, "serviceInstance(environmentId: $e, serviceId: $s)", "($e: String!, $s: String!)",
                Map.of("e", production, "s", worker), gql));
        roots.add(new Root(false, "deployments(input: $i)", "($i: DeploymentListInput!)",
                Map.of("i", Map.of("projectId", projectId)), gql));
        roots.add(new Root(false, "domains(environmentId: $e, projectId: $p, serviceId: $s)",
                "($e: String!, $p: String!, $s: String!)", Map.of("e", production, "p", projectId, "s", api), gql));
        roots.add(new Root(false, "regions", "", none, gql));
        roots.add(new Root(false, "usage(measurements: [CPU_USAGE], projectId: $p, groupBy: [SERVICE_ID])",
                "($p: String!)", Map.of("p", projectId), gql));
        roots.add(new Root(false, "estimatedUsage(measurements: [CPU_USAGE], projectId: $p)", "($p: String!)",
                Map.of("p", projectId), gql));
        String deployment = gql.data(Docs.CLI_LATEST_DEPLOYMENT, "environmentId", production, "serviceId", api)
                .at("/serviceInstance/latestDeployment/id").asText();
        roots.add(new Root(false, "deployment(id: $d)", "($d: String!)", Map.of("d", deployment), gql));
        roots.add(new Root(false, "buildLogs(deploymentId: $d)", "($d: String!)", Map.of("d", deployment), gql));
        roots.add(new Root(false, "deploymentLogs(deploymentId: $d)", "($d: String!)", Map.of("d", deployment), gql));
        roots.add(new Root(false, "environmentStagedChanges(environmentId: $e)", "($e: String!)",
                Map.of("e", production), gql));
        roots.add(new Root(false, "environmentPatches(environmentId: $e)", "($e: String!)",
                Map.of("e", production), gql));
        roots.add(new Root(false, "environmentChangeSetApply(environmentId: $e, id: $c)", "($e: String!, $c: String!)",
                Map.of("e", production, "c", changeSetId), gql));
        roots.add(new Root(true, "environmentPreviewChangeSet(environmentId: $e, input: $i)", "($e: String!, $i: JSON!)",
                Map.of("e", production, "i", changeSet), gql));
        // Last, so that the types they reach are answered whole first with the account's token.
        roots.add(new Root(false, "apiToken", "", none, gql.withBearer(workspaceToken)));
        roots.add(new Root(false, "projectToken", "", none, gql.withProjectToken(projectToken)));
        return roots;
    }

    private static String workspaceId(Gql gql) {
        return gql.data(Docs.ME).at("/me/workspaces/0/id").asText();
    }

    /** The declared object types (not Query, not Mutation). */
    static Set<String> declaredObjectTypes(GraphQLSchema schema) {
        Set<String> out = new TreeSet<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType && !type.getName().startsWith("__")
                    && type != schema.getQueryType() && type != schema.getMutationType()) {
                out.add(type.getName());
            }
        }
        return out;
    }
}
