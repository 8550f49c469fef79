package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.e2e.World.Run;
import dev.tlctl.railway.GraphQLRequest;
import dev.tlctl.railway.RequestListener;
import dev.tlctl.sandbox.SandboxConfig;
import dev.tlctl.testing.Golden;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code tlctl import} on the sandbox: the repository's spec applied and imported back, and a
 * project made by raw API calls, each planning clean on the imported files with the secrets file
 * the import wrote; the same project imports to the same bytes; no secret reaches a file or an
 * output; files are never replaced without --force, and a failure writes nothing.
 */
class ImportTest extends E2eTest {
    private static final String ADOPTED_DB = "postgresql://app:fake-adopted-db-password@db.sandbox.invalid:5432/app";
    private static final String STAGING_DB = "postgresql://app:fake-adopted-staging-pw@db.sandbox.invalid:5432/app";
    private static final String API_KEY = "sk-live-fakeAdoptedKey0123456789abcdefXYZ";

    World immediate() {
        return world(c -> c.withTiming(SandboxConfig.Timing.immediate()));
    }

    @Test
    void theRepositorysSpecImportsAndPlansCleanWithTheValuesRailwayHolds() throws IOException {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        Run run = importInto(w, "imported", "--project", World.PROJECT, "--write-secrets", "secrets.env");
        assertEquals(0, run.code(), run::toString);
        assertEquals(2, run.requests(), "by name: find the project, then read it\n" + run);
        assertTrue(run.out().contains("STAGING_DATABASE_URL"), run::toString);
        assertTrue(run.all().contains("validate --strict passes."), run::toString);
        Path imported = w.dir.resolve("imported");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(w.dir.resolve("secrets.env"))));
        assertTrue(Files.readString(w.dir.resolve("secrets.env")).contains("fake-prod-password"),
                "the secrets file holds the values Railway returned");
        assertNoSecretIn(w, imported);

        Run plan = w.runIn(imported, w.env(), false, "", "plan", "--detailed-exitcode", "--env-file", "../secrets.env");
        assertEquals(0, plan.code(), plan::toString);
        assertTrue(plan.out().contains("No changes."), plan::toString);

        // Imported again, by id (one request), a day later: nothing changes, not even the header's date.
        Map<String, String> before = files(imported);
        w.clock.advance(Duration.ofDays(1));
        Run again = importInto(w, "imported", "--project", w.projectId());
        assertEquals(0, again.code(), again::toString);
        assertEquals(1, again.requests(), again::toString);
        assertEquals(before, files(imported));
        assertTrue(again.out().contains("unchanged tl-engine.yaml"), again::toString);
    }

    @Test
    void aProjectMadeByHandImportsToOverlaysOfItsDifferencesPlansCleanAndReimportsByteForByte() {
        World w = immediate();
        handMadeProject(w);
        Run run = importInto(w, "adopted", "--project", "adopted", "--write-secrets", "adopted.env");
        assertEquals(0, run.code(), run::toString);
        Path adopted = w.dir.resolve("adopted");
        Map<String, String> files = files(adopted);
        assertEquals(List.of("environments/dev.yaml", "environments/production.yaml", "environments/staging.yaml",
                "tl-engine.yaml"), List.copyOf(files.keySet()));
        files.forEach((name, text) -> Golden.assertMatches("import-adopted-" + name.replace('/', '-'), text, w.dir));
        Golden.assertMatches("import-adopted.txt", run.out(), w.dir);
        assertNoSecretIn(w, adopted);

        Run plan = w.runIn(adopted, w.env(), false, "", "plan", "--detailed-exitcode", "--env-file", "../adopted.env");
        assertEquals(0, plan.code(), plan::toString);
        Run strict = w.runIn(adopted, w.env(), false, "", "validate", "--strict", "--env-file", "../adopted.env");
        assertEquals(0, strict.code(), strict::toString);

        Run twice = importInto(w, "again", "--project", "adopted", "--json");
        assertEquals(0, twice.code(), twice::toString);
        assertEquals(files, files(w.dir.resolve("again")), "the same project gives the same bytes");
        JsonNode json = read(twice.out());
        assertEquals("import", json.path("kind").asText());
        assertEquals(4, json.path("secrets").size(), twice::toString);
        assertTrue(json.path("validation").path("passes").asBoolean(), twice::toString);
    }

    @Test
    void filesAreNotReplacedWithoutForceAndAFailureWritesNothing() throws IOException {
        World w = immediate();
        handMadeProject(w);
        Path adopted = w.dir.resolve("adopted");
        assertEquals(0, importInto(w, "adopted", "--project", "adopted").code());
        Files.writeString(adopted.resolve("environments/staging.yaml"), "# mine\n");
        Map<String, String> mine = files(adopted);

        Run refused = importInto(w, "adopted", "--project", "adopted");
        assertEquals(1, refused.code(), refused::toString);
        assertTrue(refused.err().contains("environments/staging.yaml exists"), refused::toString);
        assertEquals(mine, files(adopted));

        // A folder where a file goes: refused before writing, even with --force.
        Files.delete(adopted.resolve("environments/dev.yaml"));
        Files.createDirectories(adopted.resolve("environments/dev.yaml/inside"));
        Run folder = importInto(w, "adopted", "--project", "adopted", "--force");
        assertEquals(1, folder.code(), folder::toString);
        assertTrue(folder.err().contains("is a folder"), folder::toString);
        assertEquals("# mine\n", Files.readString(adopted.resolve("environments/staging.yaml")));
        Files.delete(adopted.resolve("environments/dev.yaml/inside"));
        Files.delete(adopted.resolve("environments/dev.yaml"));

        Run forced = importInto(w, "adopted", "--project", "adopted", "--force");
        assertEquals(0, forced.code(), forced::toString);
        assertFalse(Files.readString(adopted.resolve("environments/staging.yaml")).contains("# mine"));

        Run printed = importInto(w, "elsewhere", "--project", "adopted", "--stdout");
        assertEquals(0, printed.code(), printed::toString);
        assertTrue(printed.out().startsWith("--- # tl-engine.yaml\n"), printed::toString);
        assertFalse(Files.exists(w.dir.resolve("elsewhere")), "--stdout writes nothing");
        try (Stream<Path> left = Files.walk(w.dir)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".tlctl-import")).toList(),
                    "no temporary file left");
        }
    }

    @Test
    void aSecretsFileIsRefusedWhereItCouldBeCommitted() throws Exception {
        World w = immediate();
        handMadeProject(w);
        Path repo = w.dir.resolve("repo");
        Files.createDirectories(repo);
        git(repo, "init", "-q");
        Run inRepo = w.runIn(repo, w.env(), false, "", "import", "--project", "adopted", "--write-secrets", "s.env");
        assertEquals(1, inRepo.code(), inRepo::toString);
        assertTrue(inRepo.err().contains("not git-ignored"), inRepo::toString);
        assertEquals(0, inRepo.requests(), "refused before anything is read");
        assertFalse(Files.exists(repo.resolve("tl-engine.yaml")));

        Files.writeString(repo.resolve(".gitignore"), "*.env\n");
        Run ignored = w.runIn(repo, w.env(), false, "", "import", "--project", "adopted", "--write-secrets", "s.env");
        assertEquals(0, ignored.code(), ignored::toString);
        assertTrue(Files.readString(repo.resolve("s.env")).contains("fake-adopted-db-password"));

        Files.createDirectories(w.dir.resolve("plain"));
        Run specFolder = importInto(w, "plain", "--project", "adopted", "--write-secrets", "plain/s.env");
        assertEquals(1, specFolder.code(), specFolder::toString);
        assertTrue(specFolder.err().contains("inside the spec's folder"), specFolder::toString);
    }

    @Test
    void hostileNamesAreWrittenSoThatTheyReadBackOrRefused() throws IOException {
        World w = immediate();
        String project = projectCreate(w, "odd");
        String production = w.gql.data("query E2eEnvs($id: String!) { project(id: $id) { environments { edges {"
                + " node { id name } } } } }", Map.of("id", project)).at("/project/environments/edges/0/node/id").asText();
        String service = serviceCreate(w, project, "my: api #1", Map.of("image", "nginx:1"));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("YES", "yes");
        values.put("HEX", "0x10");
        values.put("DASH", "- item");
        values.put("QUOTES", "it's \"quoted\" # not a comment");
        values.put("MULTI", "line one\nline two\r\n\ttabbed");
        values.put("LITERAL_REF", "${env:HOME} stays text");
        values.put("UNICODE", "caf\u00e9 \u2028 \ud83d\ude80");
        values.forEach((name, value) -> upsert(w, project, production, service, name, value));
        String evil = environmentCreate(w, project, "../../escaped", null);
        assertFalse(evil.isEmpty());

        Run refused = importInto(w, "odd", "--project", "odd");
        assertEquals(1, refused.code(), refused::toString);
        assertTrue(refused.err().contains("cannot be the file name of its overlay"), refused::toString);
        assertFalse(Files.exists(w.dir.resolve("odd")));
        assertFalse(Files.exists(w.dir.getParent().resolve("escaped.yaml")));

        Run run = importInto(w, "odd", "--project", "odd", "--env", "production");
        assertEquals(0, run.code(), run::toString);
        Run plan = w.runIn(w.dir.resolve("odd"), w.env(), false, "", "plan", "--detailed-exitcode");
        assertEquals(0, plan.code(), "every value reads back as Railway holds it\n" + plan);
    }

    @Test
    void aProjectDeletedBetweenTheLookupAndTheReadWritesNothing() {
        World w = immediate();
        handMadeProject(w);
        String id = w.projects("adopted").get(0).path("id").asText();
        AtomicBoolean deleted = new AtomicBoolean();
        w.hook(new RequestListener() {
            @Override
            public void onResponse(GraphQLRequest request, int httpStatus, Duration elapsed) {
                if (deleted.compareAndSet(false, true)) { // after the lookup by name, before the read
                    w.gql.data("mutation E2eProjectDelete($id: String!) { projectDelete(id: $id) }", Map.of("id", id));
                }
            }
        });
        Run run = importInto(w, "gone", "--project", "adopted");
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("adopted"), run::toString);
        assertFalse(Files.exists(w.dir.resolve("gone")));
    }

    // ---- the scene -------------------------------------------------------------------------

    /**
     * Project "adopted", made by raw API calls: production; dev created empty before the services
     * (so it gets their instances) and set apart; staging created from production, worker
     * removed there; a Dockerfile api, a cron worker, an image web; shared variables, a secret in
     * each environment, references; api's domains and volume in production and staging.
     */
    static void handMadeProject(World w) {
        w.secret(ADOPTED_DB);
        w.secret(STAGING_DB);
        w.secret(API_KEY);
        String project = projectCreate(w, "adopted");
        String production = environmentId(w, project, "production");
        String dev = environmentCreate(w, project, "dev", null);
        String api = serviceCreate(w, project, "api", Map.of("repo", "acme/api"));
        String worker = serviceCreate(w, project, "worker", Map.of("image", "ghcr.io/acme/worker:1.4"));
        String web = serviceCreate(w, project, "web", Map.of("image", "nginx:1.27"));
        // A service-level update reaches every environment that is not a fork (production and dev);
        // what differs between them goes through each one's config.
        instanceUpdate(w, api, null, Map.of("startCommand", "./api --port $PORT", "healthcheckPath", "/healthz",
                "preDeployCommand", List.of("./migrate")));
        instanceUpdate(w, worker, null, Map.of("cronSchedule", "*/10 * * * *", "restartPolicyType", "NEVER",
                "startCommand", "./worker --once"));
        for (String environment : List.of(production, dev)) {
            // The API's Builder enum has no DOCKERFILE: the dashboard sets it in the environment's config.
            patch(w, environment, Map.of("services", Map.of(api, Map.of("build", Map.of("builder", "DOCKERFILE",
                    "dockerfilePath", "docker/api.Dockerfile")))));
            upsert(w, project, environment, null, "LOG_LEVEL", environment.equals(dev) ? "debug" : "info");
            upsert(w, project, environment, api, "DATABASE_URL", "${{shared.DATABASE_URL}}");
            upsert(w, project, environment, api, "LOG_LEVEL", "${{shared.LOG_LEVEL}}");
            upsert(w, project, environment, api, "PORT", "8080");
            upsert(w, project, environment, web, "API_URL", "http://${{api.RAILWAY_PRIVATE_DOMAIN}}:8080");
            upsert(w, project, environment, worker, "LOG_LEVEL", "${{shared.LOG_LEVEL}}");
        }
        patch(w, production, Map.of("services", Map.of(api, Map.of("deploy", Map.of("multiRegionConfig",
                Map.of("us-west2", Map.of("numReplicas", 2)))))));
        Map<String, Object> regions = new LinkedHashMap<>();
        regions.put("us-west2", null); // a null region is removed
        regions.put("europe-west4-drams3a", Map.of("numReplicas", 1));
        patch(w, dev, Map.of("services", Map.of(web, Map.of("deploy", Map.of("sleepApplication", true,
                "multiRegionConfig", regions)))));
        upsert(w, project, production, null, "DATABASE_URL", ADOPTED_DB);
        upsert(w, project, production, api, "API_KEY", API_KEY);
        upsert(w, project, dev, null, "DATABASE_URL", "postgresql://localhost:5432/dev");
        String staging = environmentCreate(w, project, "staging", production);
        upsert(w, project, staging, null, "DATABASE_URL", STAGING_DB);
        upsert(w, project, staging, null, "LOG_LEVEL", "warn");
        instanceUpdate(w, api, staging, Map.of("numReplicas", 1));
        w.gql.data("mutation E2eServiceDelete($id: String!, $environmentId: String) {"
                + " serviceDelete(id: $id, environmentId: $environmentId) }", Map.of("id", worker, "environmentId", staging));
        // Domains and volumes in two environments: api's generated domain in production and staging,
        // a custom domain only in staging; a volume for api in both, grown in production.
        for (String environment : List.of(production, staging)) {
            w.gql.data("mutation E2eDomain($environmentId: String!, $serviceId: String!, $targetPort: Int) {"
                    + " serviceDomainCreate(input: {environmentId: $environmentId, serviceId: $serviceId,"
                    + " targetPort: $targetPort}) { id } }", Map.of("environmentId", environment, "serviceId", api,
                    "targetPort", 8080));
            String volume = w.gql.data("mutation E2eVolume($input: VolumeCreateInput!) { volumeCreate(input: $input) {"
                    + " id } }", Map.of("input", Map.of("projectId", project, "environmentId", environment,
                    "serviceId", api, "mountPath", "/data"))).at("/volumeCreate/id").asText();
            w.later();
            if (environment.equals(production)) {
                patch(w, production, Map.of("volumes", Map.of(volume, Map.of("sizeMB", 10_000))));
            }
        }
        w.gql.data("mutation E2eCustomDomain($input: CustomDomainCreateInput!) { customDomainCreate(input: $input) {"
                + " id } }", Map.of("input", Map.of("domain", "staging-api.example.com", "environmentId", staging,
                "projectId", project, "serviceId", api, "targetPort", 3000)));
    }

    private static String projectCreate(World w, String name) {
        return w.gql.data("mutation E2eProjectCreate($input: ProjectCreateInput!) { projectCreate(input: $input) { id } }",
                Map.of("input", Map.of("name", name))).at("/projectCreate/id").asText();
    }

    private static String environmentId(World w, String project, String name) {
        return World.idOf(w.gql.data("query E2eEnvs($id: String!) { project(id: $id) { environments { edges {"
                + " node { id name } } } } }", Map.of("id", project)).at("/project/environments"), name);
    }

    private static String environmentCreate(World w, String project, String name, String source) {
        Map<String, Object> input = new LinkedHashMap<>(Map.of("projectId", project, "name", name));
        if (source != null) {
            input.put("sourceEnvironmentId", source);
        }
        String id = w.gql.data("mutation E2eEnvironmentCreate($input: EnvironmentCreateInput!) {"
                + " environmentCreate(input: $input) { id } }", Map.of("input", input)).at("/environmentCreate/id").asText();
        w.later();
        return id;
    }

    private static String serviceCreate(World w, String project, String name, Map<String, Object> source) {
        String id = w.gql.data("mutation E2eServiceCreate($input: ServiceCreateInput!) { serviceCreate(input: $input) {"
                + " id } }", Map.of("input", Map.of("projectId", project, "name", name, "source", source)))
                .at("/serviceCreate/id").asText();
        w.later();
        return id;
    }

    /** serviceInstanceUpdate; {@code environment} null: every environment that is not a fork. */
    private static void instanceUpdate(World w, String service, String environment, Map<String, Object> input) {
        Map<String, Object> variables = new LinkedHashMap<>(Map.of("serviceId", service, "input", input));
        variables.put("environmentId", environment);
        w.gql.data("mutation E2eInstanceUpdate($serviceId: String!, $environmentId: String,"
                + " $input: ServiceInstanceUpdateInput!) { serviceInstanceUpdate(serviceId: $serviceId,"
                + " environmentId: $environmentId, input: $input) }", variables);
    }

    private static void patch(World w, String environment, Map<String, Object> patch) {
        w.gql.data("mutation E2ePatch($environmentId: String!, $patch: EnvironmentConfig) {"
                + " environmentPatchCommit(environmentId: $environmentId, patch: $patch) }",
                Map.of("environmentId", environment, "patch", patch));
    }

    private static void upsert(World w, String project, String environment, String service, String name, String value) {
        Map<String, Object> input = new LinkedHashMap<>(Map.of("projectId", project, "environmentId", environment,
                "name", name, "value", value, "skipDeploys", true));
        if (service != null) {
            input.put("serviceId", service);
        }
        w.gql.data("mutation E2eVariableUpsert($input: VariableUpsertInput!) { variableUpsert(input: $input) }",
                Map.of("input", input));
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** {@code tlctl import --dir folder ...} from the scene's folder, with the account token. */
    private static Run importInto(World w, String folder, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "import";
        all[1] = "--dir";
        all[2] = folder;
        System.arraycopy(args, 0, all, 3, args.length);
        return w.run(w.env(), false, "", all);
    }

    /** Every file under {@code dir}, by relative path, sorted. */
    private static Map<String, String> files(Path dir) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(file).toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void assertNoSecretIn(World w, Path dir) {
        files(dir).forEach((name, text) -> w.secrets().forEach(secret -> assertFalse(text.contains(secret),
                name + " holds a secret value")));
    }

    private static JsonNode read(String json) {
        try {
            return Gql.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertEquals(0, process.waitFor());
    }
}
