package dev.tlctl.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline: the same work done the per-resource way of the community Terraform provider for
 * Railway, through the same API. Its own process, like {@code terraform}:
 * {@code Baseline plan|apply DIR URL TOKEN [PARALLELISM]}, reading {@code DIR/desired.json} (the
 * configuration), {@code DIR/bench.env} (the secrets) and {@code DIR/baseline.tfstate.json} (ids and
 * last-applied values, like a Terraform state).
 *
 * <p>Resources: the project, each environment, each service, and per service per environment a
 * service-instance settings resource and a variable-collection resource; per environment one
 * shared-variable collection (the provider has one resource per shared variable; one per
 * environment costs fewer requests and favours the baseline).
 *
 * <p>Plan (Terraform's refresh, every resource read on its own, 10 at a time like terraform's
 * default {@code -parallelism}): {@code project(id)}; {@code environment(id)} per environment;
 * {@code service(id)} per service; per service per environment {@code serviceInstance} and
 * {@code variables}; per environment the shared {@code variables}. Nothing is read for resources
 * not in the state yet.
 *
 * <p>Apply = plan, then per resource to create or update, as the provider does:
 * project ({@code projectCreate}, read back); service ({@code serviceCreate} with its image, read back);
 * environment ({@code environmentCreate} from the first environment with
 * {@code skipInitialDeploys}, read back; declared to depend on the services so that the fork has
 * them); service-instance settings ({@code serviceInstanceUpdate}, redeploy, read back); variable
 * collection ({@code service(id)} lookup, {@code variableCollectionUpsert} of the changed values,
 * {@code variableDelete} per removed name, read back, redeploy); shared collection
 * ({@code variableCollectionUpsert} without a service, read back). The provider's redeploy is
 * {@code serviceInstanceRedeploy}, which the sandbox does not serve: {@code serviceInstanceUpdate}
 * with an empty input stands in for it (one request and one deployment, like the real one).
 */
public final class Baseline {
    static final String STATE = "baseline.tfstate.json";
    private static final Pattern ENV_REF = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    private final Http http;
    private final ExecutorService pool;
    private final AtomicInteger writes = new AtomicInteger();

    private Baseline(Http http, int parallelism) {
        this.http = http;
        this.pool = Executors.newFixedThreadPool(parallelism);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4 || !(args[0].equals("plan") || args[0].equals("apply"))) {
            System.err.println("usage: Baseline plan|apply DIR GRAPHQL_URL TOKEN [PARALLELISM]");
            System.exit(64);
        }
        Path dir = Path.of(args[1]);
        int parallelism = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        Baseline baseline = new Baseline(new Http(URI.create(args[2]), args[3]), parallelism);
        int code;
        try {
            code = baseline.run(args[0].equals("apply"), dir);
        } catch (Exception e) {
            System.err.println("baseline: " + e.getMessage());
            code = 1;
        } finally {
            baseline.pool.shutdownNow();
        }
        System.exit(code);
    }

    // ---- the model: desired (configuration) and state (last applied, with ids)

    record Instance(Map<String, Object> settings, Map<String, String> variables) {}

    record Desired(String project, List<String> environments, List<String> services,
                   Map<String, Map<String, String>> shared, Map<String, Instance> instances) {
        static String key(String environment, String service) {
            return environment + "/" + service;
        }
    }

    /** The baseline's state file: ids and the last-applied (then refreshed) values, like a Terraform state. */
    public static final class State {
        public String projectId;
        public Map<String, String> environments = new LinkedHashMap<>();
        public Map<String, String> services = new LinkedHashMap<>();
        public Map<String, Map<String, Object>> settings = new TreeMap<>();
        public Map<String, Map<String, String>> variables = new TreeMap<>();
        public Map<String, Map<String, String>> shared = new TreeMap<>();
    }

    private static Desired readDesired(Path dir) throws IOException {
        Map<String, String> env = readEnvFile(dir.resolve(SpecGen.ENV_FILE));
        JsonNode root = Http.JSON.readTree(dir.resolve(SpecGen.DESIRED).toFile());
        List<String> environments = new ArrayList<>();
        List<String> services = new ArrayList<>();
        Map<String, Map<String, String>> shared = new LinkedHashMap<>();
        Map<String, Instance> instances = new LinkedHashMap<>();
        for (JsonNode e : root.path("environments")) {
            String name = e.path("name").asText();
            environments.add(name);
            shared.put(name, strings(e.path("shared"), env));
            for (var f : e.path("services").properties()) {
                if (!services.contains(f.getKey())) {
                    services.add(f.getKey());
                }
                Map<String, Object> settings = Http.JSON.convertValue(f.getValue().path("settings"),
                        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
                instances.put(Desired.key(name, f.getKey()),
                        new Instance(new TreeMap<>(settings), strings(f.getValue().path("variables"), env)));
            }
        }
        return new Desired(root.path("project").asText(), environments, services, shared, instances);
    }

    private static Map<String, String> strings(JsonNode object, Map<String, String> env) {
        Map<String, String> values = new TreeMap<>();
        object.properties().forEach(f -> values.put(f.getKey(), resolve(f.getValue().asText(), env)));
        return values;
    }

    private static String resolve(String value, Map<String, String> env) {
        Matcher m = ENV_REF.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = env.get(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException("the env file has no " + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        return m.appendTail(out).toString();
    }

    static Map<String, String> readEnvFile(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            env.put(line.substring(0, eq).trim(), line.substring(eq + 1));
        }
        return env;
    }

    // ---- plan and apply

    private int run(boolean apply, Path dir) throws Exception {
        Desired desired = readDesired(dir);
        Path statePath = dir.resolve(STATE);
        State state = Files.exists(statePath) ? Http.JSON.readValue(statePath.toFile(), State.class) : new State();
        refresh(state);

        List<String> instanceChanges = new ArrayList<>();
        List<String> collectionChanges = new ArrayList<>();
        List<String> sharedChanges = new ArrayList<>();
        for (var entry : desired.instances().entrySet()) {
            if (!entry.getValue().settings().equals(state.settings.get(entry.getKey()))) {
                instanceChanges.add(entry.getKey());
            }
            if (!entry.getValue().variables().equals(state.variables.get(entry.getKey()))) {
                collectionChanges.add(entry.getKey());
            }
        }
        for (var entry : desired.shared().entrySet()) {
            if (!entry.getValue().equals(state.shared.get(entry.getKey()))) {
                sharedChanges.add(entry.getKey());
            }
        }
        int creates = (state.projectId == null ? 1 : 0)
                + (int) desired.services().stream().filter(s -> !state.services.containsKey(s)).count()
                + (int) desired.environments().stream().filter(e -> !state.environments.containsKey(e)).count();
        int changes = creates + instanceChanges.size() + collectionChanges.size() + sharedChanges.size();
        System.out.println("baseline plan: " + changes + " resources to create or update (" + creates
                + " project/service/environment, " + instanceChanges.size() + " instance settings, "
                + collectionChanges.size() + " variable collections, " + sharedChanges.size() + " shared collections)");
        if (apply && changes > 0) {
            applyChanges(desired, state, instanceChanges, collectionChanges, sharedChanges);
            Path temp = dir.resolve(STATE + ".tmp");
            Http.JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), state);
            Files.move(temp, statePath, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            System.out.println("baseline apply: " + writes.get() + " writes");
        }
        System.out.println("baseline: " + http.sent() + " requests");
        return 0;
    }

    /** Terraform's refresh: one read per resource in the state; the state then holds what is live. */
    private void refresh(State state) throws Exception {
        if (state.projectId == null) {
            return;
        }
        String project = state.projectId;
        List<Callable<Void>> reads = new ArrayList<>();
        reads.add(() -> {
            http.send("query project($id: String!) { project(id: $id) { id name } }", Map.of("id", project));
            return null;
        });
        state.environments.values().forEach(id -> reads.add(() -> {
            http.send("query environment($id: String!) { environment(id: $id) { id name } }", Map.of("id", id));
            return null;
        }));
        state.services.values().forEach(id -> reads.add(() -> {
            http.send("query service($id: String!) { service(id: $id) { id name projectId } }", Map.of("id", id));
            return null;
        }));
        Map<String, Map<String, Object>> settings = new ConcurrentHashMap<>();
        Map<String, Map<String, String>> variables = new ConcurrentHashMap<>();
        Map<String, Map<String, String>> shared = new ConcurrentHashMap<>();
        for (var env : state.environments.entrySet()) {
            for (var svc : state.services.entrySet()) {
                String key = Desired.key(env.getKey(), svc.getKey());
                Map<String, String> ids = Map.of("e", env.getValue(), "s", svc.getValue(), "p", project);
                if (state.settings.containsKey(key)) {
                    reads.add(() -> {
                        JsonNode data = http.send("query serviceInstance($e: String!, $s: String!) {"
                                + " serviceInstance(environmentId: $e, serviceId: $s) { startCommand numReplicas } }",
                                Map.of("e", ids.get("e"), "s", ids.get("s")));
                        Map<String, Object> live = new TreeMap<>();
                        live.put("startCommand", data.path("serviceInstance").path("startCommand").asText(null));
                        live.put("numReplicas", data.path("serviceInstance").path("numReplicas").asInt());
                        settings.put(key, live);
                        return null;
                    });
                }
                if (state.variables.containsKey(key)) {
                    Map<String, String> managed = state.variables.get(key);
                    reads.add(() -> {
                        JsonNode data = http.send("query variables($p: String!, $e: String!, $s: String) {"
                                + " variables(projectId: $p, environmentId: $e, serviceId: $s) }", ids);
                        variables.put(key, managedOnly(data.path("variables"), managed));
                        return null;
                    });
                }
            }
            if (state.shared.containsKey(env.getKey())) {
                Map<String, String> managed = state.shared.get(env.getKey());
                reads.add(() -> {
                    JsonNode data = http.send("query variables($p: String!, $e: String!) {"
                            + " variables(projectId: $p, environmentId: $e) }", Map.of("p", project, "e", env.getValue()));
                    shared.put(env.getKey(), managedOnly(data.path("variables"), managed));
                    return null;
                });
            }
        }
        all(reads);
        state.settings.putAll(settings);
        state.variables.putAll(variables);
        state.shared.putAll(shared);
    }

    /** Like the provider, a collection reads back only the names it manages. */
    private static Map<String, String> managedOnly(JsonNode live, Map<String, String> managed) {
        Map<String, String> values = new TreeMap<>();
        for (String name : managed.keySet()) {
            if (live.has(name)) {
                values.put(name, live.get(name).asText());
            }
        }
        return values;
    }

    private void applyChanges(Desired desired, State state, List<String> instanceChanges,
                              List<String> collectionChanges, List<String> sharedChanges) throws Exception {
        String first = desired.environments().get(0);
        if (state.projectId == null) {
            JsonNode created = write("mutation projectCreate($input: ProjectCreateInput!) { projectCreate(input: $input) {"
                    + " id environments { edges { node { id name } } } } }",
                    Map.of("input", Map.of("name", desired.project(), "defaultEnvironmentName", first)));
            state.projectId = created.path("projectCreate").path("id").asText();
            for (JsonNode edge : created.path("projectCreate").path("environments").path("edges")) {
                state.environments.put(edge.path("node").path("name").asText(), edge.path("node").path("id").asText());
            }
            http.send("query project($id: String!) { project(id: $id) { id name } }", Map.of("id", state.projectId));
        }
        String project = state.projectId;

        List<Callable<Void>> services = new ArrayList<>();
        Map<String, String> newServices = new ConcurrentHashMap<>();
        for (String service : desired.services()) {
            if (!state.services.containsKey(service)) {
                services.add(() -> {
                    JsonNode data = write("mutation serviceCreate($input: ServiceCreateInput!) { serviceCreate(input: $input) { id } }",
                            Map.of("input", Map.of("projectId", project, "name", service,
                                    "source", Map.of("image", SpecGen.IMAGE))));
                    String id = data.path("serviceCreate").path("id").asText();
                    http.send("query service($id: String!) { service(id: $id) { id name projectId } }", Map.of("id", id));
                    newServices.put(service, id);
                    return null;
                });
            }
        }
        all(services);
        for (String service : desired.services()) {
            state.services.computeIfAbsent(service, newServices::get);
        }

        List<Callable<Void>> environments = new ArrayList<>();
        Map<String, String> newEnvironments = new ConcurrentHashMap<>();
        String firstId = state.environments.get(first);
        for (String environment : desired.environments()) {
            if (!state.environments.containsKey(environment)) {
                environments.add(() -> {
                    Map<String, Object> input = new LinkedHashMap<>();
                    input.put("projectId", project);
                    input.put("name", environment);
                    input.put("sourceEnvironmentId", firstId);
                    input.put("skipInitialDeploys", true);
                    JsonNode data = write("mutation environmentCreate($input: EnvironmentCreateInput!) {"
                            + " environmentCreate(input: $input) { id } }", Map.of("input", input));
                    String id = data.path("environmentCreate").path("id").asText();
                    http.send("query environment($id: String!) { environment(id: $id) { id name } }", Map.of("id", id));
                    newEnvironments.put(environment, id);
                    return null;
                });
            }
        }
        all(environments);
        for (String environment : desired.environments()) {
            state.environments.computeIfAbsent(environment, newEnvironments::get);
        }

        List<Callable<Void>> work = new ArrayList<>();
        for (String key : instanceChanges) {
            String environmentId = state.environments.get(key.substring(0, key.indexOf('/')));
            String serviceId = state.services.get(key.substring(key.indexOf('/') + 1));
            Map<String, Object> settings = desired.instances().get(key).settings();
            work.add(() -> {
                write("mutation serviceInstanceUpdate($s: String!, $e: String, $input: ServiceInstanceUpdateInput!) {"
                        + " serviceInstanceUpdate(serviceId: $s, environmentId: $e, input: $input) }",
                        Map.of("s", serviceId, "e", environmentId, "input", settings));
                redeploy(serviceId, environmentId);
                http.send("query serviceInstance($e: String!, $s: String!) {"
                        + " serviceInstance(environmentId: $e, serviceId: $s) { startCommand numReplicas } }",
                        Map.of("e", environmentId, "s", serviceId));
                return null;
            });
        }
        for (String key : collectionChanges) {
            String environmentId = state.environments.get(key.substring(0, key.indexOf('/')));
            String serviceId = state.services.get(key.substring(key.indexOf('/') + 1));
            Map<String, String> wanted = desired.instances().get(key).variables();
            Map<String, String> before = state.variables.getOrDefault(key, Map.of());
            work.add(() -> {
                http.send("query service($id: String!) { service(id: $id) { id projectId } }", Map.of("id", serviceId));
                Map<String, String> upsert = new TreeMap<>();
                wanted.forEach((k, v) -> {
                    if (!Objects.equals(before.get(k), v)) {
                        upsert.put(k, v);
                    }
                });
                write("mutation variableCollectionUpsert($input: VariableCollectionUpsertInput!) {"
                        + " variableCollectionUpsert(input: $input) }", Map.of("input", Map.of("projectId", project,
                        "environmentId", environmentId, "serviceId", serviceId, "variables", upsert)));
                for (String gone : before.keySet()) {
                    if (!wanted.containsKey(gone)) {
                        write("mutation variableDelete($input: VariableDeleteInput!) { variableDelete(input: $input) }",
                                Map.of("input", Map.of("projectId", project, "environmentId", environmentId,
                                        "serviceId", serviceId, "name", gone)));
                    }
                }
                http.send("query variables($p: String!, $e: String!, $s: String) {"
                        + " variables(projectId: $p, environmentId: $e, serviceId: $s) }",
                        Map.of("p", project, "e", environmentId, "s", serviceId));
                redeploy(serviceId, environmentId);
                return null;
            });
        }
        for (String environment : sharedChanges) {
            String environmentId = state.environments.get(environment);
            Map<String, String> wanted = desired.shared().get(environment);
            work.add(() -> {
                write("mutation variableCollectionUpsert($input: VariableCollectionUpsertInput!) {"
                        + " variableCollectionUpsert(input: $input) }", Map.of("input", Map.of("projectId", project,
                        "environmentId", environmentId, "variables", wanted)));
                http.send("query variables($p: String!, $e: String!) { variables(projectId: $p, environmentId: $e) }",
                        Map.of("p", project, "e", environmentId));
                return null;
            });
        }
        all(work);
        desired.instances().forEach((key, instance) -> {
            state.settings.put(key, instance.settings());
            state.variables.put(key, instance.variables());
        });
        state.shared.putAll(desired.shared());
    }

    /** The provider's serviceInstanceRedeploy; the sandbox lacks it, so an empty serviceInstanceUpdate. */
    private void redeploy(String serviceId, String environmentId) throws IOException, InterruptedException {
        write("mutation redeploy($s: String!, $e: String) {"
                + " serviceInstanceUpdate(serviceId: $s, environmentId: $e, input: {}) }",
                Map.of("s", serviceId, "e", environmentId));
    }

    private JsonNode write(String query, Map<String, ?> variables) throws IOException, InterruptedException {
        writes.incrementAndGet();
        return http.send(query, variables);
    }

    private void all(List<Callable<Void>> tasks) throws Exception {
        List<Future<Void>> futures = pool.invokeAll(tasks);
        for (Future<Void> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception ex ? ex : e;
            }
        }
    }

    /** The variables of one service in one environment, or the shared ones (service null), for the end-state check. */
    static Map<String, String> liveVariables(Http http, String projectName, String environment, String service)
            throws IOException, InterruptedException {
        JsonNode projects = http.send("query { projects { edges { node { id name"
                + " environments { edges { node { id name } } } services { edges { node { id name } } } } } } }", Map.of());
        for (JsonNode edge : projects.path("projects").path("edges")) {
            JsonNode p = edge.path("node");
            if (!p.path("name").asText().equals(projectName)) {
                continue;
            }
            String envId = find(p.path("environments"), environment);
            Map<String, String> vars = new LinkedHashMap<>();
            vars.put("p", p.path("id").asText());
            vars.put("e", envId);
            if (service != null) {
                vars.put("s", find(p.path("services"), service));
            }
            JsonNode data = http.send("query variables($p: String!, $e: String!, $s: String) {"
                    + " variables(projectId: $p, environmentId: $e, serviceId: $s) }", vars);
            Map<String, String> values = new TreeMap<>();
            data.path("variables").properties().forEach(f -> values.put(f.getKey(), f.getValue().asText()));
            return values;
        }
        throw new IOException("no project " + projectName);
    }

    private static String find(JsonNode connection, String name) throws IOException {
        for (JsonNode edge : connection.path("edges")) {
            if (edge.path("node").path("name").asText().equals(name)) {
                return edge.path("node").path("id").asText();
            }
        }
        throw new IOException("no " + name);
    }
}
