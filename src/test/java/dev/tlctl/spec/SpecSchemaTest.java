package dev.tlctl.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.tlctl.spec.YNode.YMap;
import dev.tlctl.spec.YNode.YScalar;
import dev.tlctl.spec.YNode.YSeq;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema of the spec and of an overlay ({@link SpecSchema}), checked with a JSON Schema
 * library as an editor would check it: the repository's files pass, every key has a description
 * and an example that passes, and on the bad-spec corpus ({@link MalformedSpecs}) and the cases
 * below the schema accepts and refuses as {@code validate} does, except where a schema cannot say
 * the rule; those are named, with the reason, in {@link #BEYOND_A_SCHEMA}.
 *
 * <p>YAML is read with tlctl's own loader (so {@code yes} is a boolean, as tlctl reads it) and
 * turned into JSON, so that the comparison is of the rules, not of two YAML parsers.
 */
class SpecSchemaTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    /**
     * Corpus cases whose YAML tlctl's loader refuses before any key is read (syntax, limits,
     * encoding, no file): nothing for a schema to judge.
     */
    static final List<String> NOT_YAML = List.of("unclosed quote", "bad indentation", "tab indentation",
            "unclosed flow mapping", "duplicate keys, both lines named", "several YAML documents",
            "tags !!binary and !custom", "merge key on a scalar", "alias bomb (billion laughs)",
            "aliases to a long scalar (expansion bomb)", "oversized file (> 1 MiB)", "nesting too deep",
            "an alias that refers to itself",
            "YAML syntax error in an overlay", "missing spec file", "non-UTF-8 bytes");

    private static final String SECRETS = "whether a value is a credential is read from its content and its name"
            + " (SecretText), beyond a pattern an editor could show usefully";
    private static final String DECLARED = "a name must be one declared elsewhere in the spec";

    /** Corpus cases the schema accepts, and why: a rule across values or files, which a schema cannot state. */
    static final Map<String, String> BEYOND_A_SCHEMA = Map.ofEntries(
            Map.entry("missing references listed in one error", "the values come from the environment and files"),
            Map.entry("invalid reference syntax", "references are parsed inside the text (with $${ escapes) by"
                    + " tlctl's reference parser"),
            Map.entry("a reference in a setting", "the same parser finds a reference inside a setting's text"),
            Map.entry("plaintext URL with a password", SECRETS),
            Map.entry("plaintext *_TOKEN", SECRETS),
            Map.entry("plaintext *_SECRET", SECRETS),
            Map.entry("plaintext *PASSWORD*", SECRETS),
            Map.entry("plaintext *_KEY", SECRETS),
            Map.entry("secret: true with a literal", SECRETS),
            Map.entry("sealed with a literal", SECRETS),
            Map.entry("overlay for an undeclared environment", "the overlay's file name must name an environment of"
                    + " the spec: another file"),
            Map.entry("overlay naming an unknown service", DECLARED + ", in another file"),
            Map.entry("from an unknown environment", DECLARED),
            Map.entry("from itself", DECLARED + ", before this one"),
            Map.entry("from an environment declared later", DECLARED + ", before this one"),
            Map.entry("from on the first environment", "the order of the environments' keys matters"),
            Map.entry("hard limit below the soft limit", "draft-07 cannot compare two values"));

    @TempDir
    Path tmp;

    private static Schema spec;
    private static Schema overlay;

    @BeforeAll
    static void load() throws IOException {
        spec = schema(SpecSchema.spec());
        overlay = schema(SpecSchema.overlay());
    }

    static Schema schema(Object map) throws IOException {
        return REGISTRY.getSchema(new ObjectMapper().writeValueAsString(map), InputFormat.JSON);
    }

    @Test
    void theRepositorysSpecAndOverlaysPass() throws IOException {
        assertEquals(List.of(), errors(spec, Path.of(SpecLoader.DEFAULT_FILE)));
        try (Stream<Path> files = Files.list(Path.of(SpecLoader.OVERLAY_DIR))) {
            List<Path> overlays = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertEquals(List.of("production.yaml", "staging.yaml"),
                    overlays.stream().map(p -> p.getFileName().toString()).toList());
            for (Path file : overlays) {
                assertEquals(List.of(), errors(overlay, file), file::toString);
            }
        }
    }

    @Test
    void everyKeyHasADescriptionAndAnExampleThatPasses() throws IOException {
        int keys = 0;
        for (Map<String, Object> root : List.of(SpecSchema.spec(), SpecSchema.overlay())) {
            for (Map.Entry<String, Map<String, Object>> property : properties(root, "").entrySet()) {
                keys++;
                Map<String, Object> schema = property.getValue();
                assertTrue(schema.get("description") instanceof String d && d.endsWith("."), property::getKey);
                List<?> examples = (List<?>) schema.get("examples");
                assertNotNull(examples, property.getKey());
                Map<String, Object> alone = new LinkedHashMap<>(schema);
                alone.put("$schema", SpecSchema.DRAFT);
                JsonNode example = new tools.jackson.databind.ObjectMapper().valueToTree(examples.get(0));
                assertEquals(List.of(), schema(alone).validate(example), () -> property.getKey() + " " + examples);
            }
        }
        assertTrue(keys > 100, "the walk found the keys: " + keys);
    }

    static List<MalformedSpecs.Case> corpus() {
        return MalformedSpecs.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refusesTheCorpusAsValidateDoes(MalformedSpecs.Case c) throws IOException {
        Path dir = c.fixture().writeTo(tmp);
        Verdict verdict = verdict(dir);
        if (verdict == Verdict.NOT_YAML) {
            assertTrue(NOT_YAML.contains(c.name()), "tlctl's loader refuses it: list it in NOT_YAML");
        } else if (BEYOND_A_SCHEMA.containsKey(c.name())) {
            assertEquals(Verdict.ACCEPTED, verdict, "the schema refuses it after all: remove it from BEYOND_A_SCHEMA");
        } else {
            assertEquals(Verdict.REFUSED, verdict, "validate refuses it; the schema must, or say why in BEYOND_A_SCHEMA");
        }
    }

    @Test
    void theListsNameCorpusCases() {
        List<String> names = MalformedSpecs.all().stream().map(MalformedSpecs.Case::name).toList();
        assertTrue(names.containsAll(NOT_YAML), "a name in NOT_YAML is not in the corpus");
        assertTrue(names.containsAll(BEYOND_A_SCHEMA.keySet()), "a name in BEYOND_A_SCHEMA is not in the corpus");
    }

    /** A spec with one service {@code api} whose body is {@code service}, and a staging overlay (null: none). */
    record Agreement(String name, String service, String overlay) {
        @Override
        public String toString() {
            return name;
        }

        SpecFixture fixture() {
            SpecFixture fixture = SpecFixture.base("""
                    version: 1
                    project: {name: p}
                    environments: {production: {}, staging: {}}
                    services:
                      api:
                    """ + service.indent(4));
            return overlay == null ? fixture : fixture.overlay("staging", overlay);
        }
    }

    static List<Agreement> agreements() {
        return List.of(
                new Agreement("every setting", """
                        source: {repo: o/r, branch: main, rootDirectory: /app}
                        build: {builder: DOCKERFILE, buildCommand: make, dockerfilePath: Dockerfile, watchPatterns: src/**}
                        deploy:
                          startCommand: run
                          preDeployCommand: [migrate]
                          healthcheckPath: /health
                          healthcheckTimeout: 30
                          numReplicas: 2
                          region: us-west2
                          sleepApplication: yes
                          cronSchedule: "0 3 * * *"
                          restartPolicyType: on_failure
                          restartPolicyMaxRetries: 0
                          overlapSeconds: 0
                          drainingSeconds: 5
                          limits: {vCPUs: 0.5, memoryGB: 1}
                        """, null),
                new Agreement("a builder in lower case", "build: {builder: railpack}", null),
                new Agreement("an unknown builder", "build: {builder: buildpacks}", null),
                new Agreement("empty sections", "source:\nbuild: {}\ndeploy:\nvariables:\ndomains:\nvolumes:", null),
                new Agreement("numbers and booleans as text", "source: {branch: 2024, rootDirectory: true}\nvariables:"
                        + " {PORT: 8080, DEBUG: false, RATIO: 0.5}", null),
                new Agreement("a variable's long form", "variables: {A: {value: x, secret: false, allowEmpty: true}}", null),
                new Agreement("sealed, secret: true", "variables: {A: {value: \"${env:FIXTURE_TOKEN}\", sealed: true,"
                        + " secret: true}}", null),
                new Agreement("a reserved variable name", "variables: {TLCTL_RECORD_2: x}", null),
                new Agreement("a branch without a repository", "source: {branch: main}", null),
                new Agreement("domains", "domains: {railway: {port: 8080}}", "services: {api: {domains: {custom:"
                        + " [{name: API.Example.com, port: 443}, {name: www.example.org}]}}}"),
                new Agreement("no Railway domain", "domains: {railway: null, custom: []}", null),
                new Agreement("a Railway domain as a custom one", "domains: {custom: [{name: x.up.railway.app}]}", null),
                new Agreement("a domain with a scheme", "domains: {custom: [{name: \"https://api.example.com\"}]}", null),
                new Agreement("port 0", "domains: {railway: {port: 0}}", null),
                new Agreement("a custom domain without a name", "domains: {custom: [{port: 80}]}", null),
                new Agreement("volumes", "volumes: [{mountPath: /data, size: 500}]", null),
                new Agreement("a volume size in GB", "volumes: [{mountPath: /data, size: 10 gb}]", null),
                new Agreement("a volume size in TB", "volumes: [{mountPath: /data, size: 1TB}]", null),
                new Agreement("two volumes", "volumes: [{mountPath: /a}, {mountPath: /b}]", null),
                new Agreement("a relative mount path", "volumes: [{mountPath: data}]", null),
                new Agreement("an overlay that removes and changes", "deploy: {numReplicas: 2, region: us-west2}\n"
                        + "variables: {A: a, B: {value: b}}", """
                        sharedVariables: {X: "1"}
                        services:
                          api:
                            enabled: false
                            deploy: {numReplicas: null, region: null}
                            variables: {A: null, B: {secret: false}}
                            volumes: [{mountPath: /cache}]
                        """),
                new Agreement("an empty overlay", "enabled: true", "# nothing differs\n"),
                new Agreement("an overlay that removes a service", "enabled: true", "services: {api: null}"),
                new Agreement("an overlay with billing", "enabled: true", "billing: {warnAtPercent: 50}"),
                new Agreement("an overlay setting a bad replica count", "enabled: true",
                        "services: {api: {deploy: {numReplicas: 0}}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agreements")
    void acceptsAndRefusesAsValidateDoes(Agreement a) throws IOException {
        SpecFixture.Loaded loaded = a.fixture().load(tmp);
        Verdict expected = loaded.spec() != null ? Verdict.ACCEPTED : Verdict.REFUSED;
        String schemaErrors = schemaErrors(loaded.dir());
        assertEquals(expected, verdict(loaded.dir()), () -> loaded.allText() + "\n" + schemaErrors);
    }

    enum Verdict { ACCEPTED, REFUSED, NOT_YAML }

    /** The schema's verdict on the spec in {@code dir} and its overlays. */
    static Verdict verdict(Path dir) throws IOException {
        Path base = dir.resolve(SpecLoader.DEFAULT_FILE);
        if (!Files.exists(base)) {
            return Verdict.NOT_YAML;
        }
        List<Path> overlays = new ArrayList<>();
        Path overlayDir = dir.resolve(SpecLoader.OVERLAY_DIR);
        if (Files.isDirectory(overlayDir)) {
            try (Stream<Path> files = Files.list(overlayDir)) {
                files.sorted().forEach(overlays::add);
            }
        }
        boolean refused = false;
        for (Path file : Stream.concat(Stream.of(base), overlays.stream()).toList()) {
            List<Error> errors = errors(file == base ? spec : overlay, file);
            if (errors == null) {
                return Verdict.NOT_YAML;
            }
            refused |= !errors.isEmpty();
        }
        return refused ? Verdict.REFUSED : Verdict.ACCEPTED;
    }

    /** The schema's errors for the spec in {@code dir} and its overlays, for messages. */
    static String schemaErrors(Path dir) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                boolean base = file.getFileName().toString().equals(SpecLoader.DEFAULT_FILE);
                out.append(dir.relativize(file)).append(": ").append(errors(base ? spec : overlay, file)).append('\n');
            }
        }
        return out.toString();
    }

    /** The schema's errors for one file; null when tlctl's loader refuses its YAML. */
    static List<Error> errors(Schema schema, Path file) throws IOException {
        Problems problems = new Problems();
        YNode root = YamlLoader.load(file, file.toString(), problems);
        if (problems.hasErrors()) {
            return null;
        }
        return schema.validate(json(root));
    }

    /** A YAML node as JSON, scalars typed as tlctl's loader types them. */
    static JsonNode json(YNode node) {
        if (node == null) {
            return JSON.nullNode();
        }
        if (node instanceof YMap map) {
            ObjectNode out = JSON.objectNode();
            map.entries().forEach((key, entry) -> out.set(key, json(entry.value())));
            return out;
        }
        if (node instanceof YSeq seq) {
            ArrayNode out = JSON.arrayNode();
            seq.items().forEach(item -> out.add(json(item)));
            return out;
        }
        YScalar s = (YScalar) node;
        String text = s.text().replace("_", "");
        return switch (s.kind()) {
            case NULL -> JSON.nullNode();
            case BOOL -> JSON.booleanNode(List.of("true", "yes", "on", "y").contains(text.toLowerCase(Locale.ROOT)));
            case INT -> integer(text);
            case FLOAT -> JSON.numberNode(Double.parseDouble(text.replace(".inf", "Infinity").replace(".nan", "NaN")));
            case STRING -> JSON.stringNode(s.text());
        };
    }

    private static JsonNode integer(String text) {
        try {
            return JSON.numberNode(Long.decode(text));
        } catch (NumberFormatException e) {
            return JSON.numberNode(new BigInteger(text));
        }
    }

    /** Every property schema under {@code schema}, by path. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> properties(Map<String, Object> schema, String path) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            properties.forEach((name, value) -> {
                out.put(path + name, (Map<String, Object>) value);
                out.putAll(properties((Map<String, Object>) value, path + name + "."));
            });
        }
        if (schema.get("additionalProperties") instanceof Map<?, ?> values) {
            out.putAll(properties((Map<String, Object>) values, path + "*."));
        }
        if (schema.get("items") instanceof Map<?, ?> items) {
            out.putAll(properties((Map<String, Object>) items, path + "[]."));
        }
        if (schema.get("anyOf") instanceof List<?> alternatives) {
            for (Object alternative : alternatives) {
                out.putAll(properties((Map<String, Object>) alternative, path));
            }
        }
        return out;
    }
}
