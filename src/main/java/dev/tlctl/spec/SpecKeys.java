package dev.tlctl.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of keys a spec and an overlay may write: for each mapping, its keys with the shape of
 * their values, what they mean and an example. The reader takes its lists of known keys from here
 * (so "Known keys here" and the did-you-mean follow it), and {@link SpecSchema} turns it into the
 * JSON Schema editors use. Service settings come from {@link Settings}, the reader's own table.
 *
 * <p>A shape states what the reader checks of a value on its own; rules across values (a
 * {@code from} naming a declared environment, a hard limit above the soft one, references,
 * secrets) stay in the reader's code, and a schema cannot say them.
 */
public final class SpecKeys {

    /** What a value must be, as the reader checks it. */
    public sealed interface Shape
            permits Text, Whole, Decimal, Flag, Choice, Texts, Fields, Named, Items, AnyOf, OrNull {}

    /** Any scalar but null, read as its text (the reader takes {@code 8080} as "8080"); with a pattern, a string matching it whole. */
    public record Text(String pattern) implements Shape {}

    /** A whole number from {@code min} to {@code max} (null: unbounded). */
    public record Whole(Long min, Long max) implements Shape {}

    /** A number of at least {@code min} (above it, when {@code exclusive}; null: unbounded). */
    public record Decimal(Double min, boolean exclusive) implements Shape {}

    /** true or false. */
    public record Flag() implements Shape {}

    /** One of {@code values}, in any case (the reader upper-cases it). */
    public record Choice(List<String> values) implements Shape {}

    /** A string, or a list of strings; each matching {@code pattern} whole and at most {@code maxLength} long (null: any). */
    public record Texts(String pattern, Integer maxLength) implements Shape {}

    /** A mapping with these keys only; {@code required} must be written, and the rules between its keys hold. */
    public record Fields(List<Key> keys, List<String> required, List<Rule> rules) implements Shape {
        public Fields {
            keys = List.copyOf(keys);
            required = List.copyOf(required);
            rules = List.copyOf(rules);
        }

        /** These fields with these rules between them too. */
        Fields with(Rule... more) {
            List<Rule> all = new ArrayList<>(rules);
            all.addAll(List.of(more));
            return new Fields(keys, required, all);
        }

        /** The key names in the table's order: the reader's "Known keys here". */
        public List<String> names() {
            return keys.stream().map(Key::name).toList();
        }
    }

    /**
     * A mapping of names (matching {@code namePattern} whole) to values of one shape, with at least
     * {@code minEntries}; {@code removable}: an overlay may remove an entry by writing null.
     */
    public record Named(String namePattern, Shape value, int minEntries, boolean removable) implements Shape {}

    /** A list of at most {@code maxItems} (null: any). Lists are replaced whole by an overlay. */
    public record Items(Shape item, Integer maxItems) implements Shape {}

    /** Any of these shapes. */
    public record AnyOf(List<Shape> shapes) implements Shape {}

    /** The shape, or null (read as empty, or as none). */
    public record OrNull(Shape shape) implements Shape {}

    /** A rule between two keys of one mapping, which the reader checks in its own code. */
    public sealed interface Rule permits Excludes, Needs {}

    /** {@code key} (with {@code value}; null: any) rules out {@code other} (with {@code otherValue}; null: any). */
    public record Excludes(String key, Object value, String other, Object otherValue) implements Rule {}

    /** {@code key} needs {@code other} beside it. */
    public record Needs(String key, String other) implements Rule {}

    /** One key: its name, the shape of its value, a sentence on what it means, and an example value. */
    public record Key(String name, Shape shape, String description, Object example) {}

    /** Project, environment and service names: not blank, no control characters ({@link Names}). */
    static final String NAME = "(?=[\\s\\S]*\\S)[^\\u0000-\\u001f\\u007f-\\u009f]*";
    /** Variable names ({@link Names#variableName}), without tlctl's reserved record names ({@link VariableSpec#reserved}). */
    static final String VARIABLE_NAME = "(?!" + VariableSpec.RECORD + "(_[0-9]+)?$)[A-Za-z_][A-Za-z0-9_]*";
    /**
     * A custom domain as the reader takes it (trimmed, any case): a host name that is not one of
     * Railway's (*.railway.app).
     */
    static final String CUSTOM_HOST = "(?![\\s\\S]*\\.[Rr][Aa][Ii][Ll][Ww][Aa][Yy]\\.[Aa][Pp][Pp]\\s*$)\\s*"
            + "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}\\s*";
    /** A volume size written as text: a whole number of MB or GB. */
    static final String SIZE = "\\s*[0-9]+\\s*([Mm][Bb]|[Gg][Bb])\\s*";
    /** A drift.ignore pattern: not blank, no control characters, no ***. */
    static final String IGNORE_PATTERN = "(?![\\s\\S]*\\*\\*\\*)" + NAME;

    /** Descriptions of the sections of settings that hold other settings (declared before their first use). */
    private static final Map<String, String> SECTION_DESCRIPTIONS = Map.of(
            "deploy.limits", "What one replica may use.");

    static final Shape PORT = new OrNull(new Whole(1L, 65535L));

    public static final Fields PROJECT = fields(List.of("name"),
            key("name", new Text(NAME), "The project's name on Railway.", "tl-engine"),
            key("workspace", new Text(null), "The workspace (name or id) that holds the project; without it, the token's"
                    + " only workspace.", "TiendaLeon"),
            key("id", new Text(null), "The project's id, recorded by `tlctl init --record`; without it, the project is"
                    + " found by name.", "8c0c2f4e-5b1d-4a52-9d1e-2f3a4b5c6d7e"));

    public static final Fields ENVIRONMENT = fields(List.of(),
            key("from", new Text(null), "An environment declared before this one whose declaration this one inherits"
                    + " (in the spec only: on Railway it is created empty).", "production"));

    public static final Fields VARIABLE_LONG_FORM = fields(List.of("value"),
            key("value", new Text(null), "The value: text, a ${env:NAME} or ${file:PATH} reference, or a Railway"
                    + " reference such as ${{shared.NAME}}.", "${env:API_TOKEN}"),
            key("secret", new Flag(), "Whether the value is a secret (masked in every output); false overrules a"
                    + " name that looks secret, never a value that does.", true),
            key("sealed", new Flag(), "Write-only on Railway: tlctl can set it but never read it back. Always a"
                    + " secret.", true),
            key("allowEmpty", new Flag(), "Let a reference give an empty value (otherwise an error, so that a"
                    + " variable not set does not blank the value on Railway).", true))
            .with(new Excludes("sealed", true, "secret", false));

    /** Variables: {@code NAME: value}, or the long form. */
    static final Shape VARIABLES = new OrNull(new Named(VARIABLE_NAME,
            new AnyOf(List.of(new Text(null), VARIABLE_LONG_FORM)), 0, true));

    public static final Fields RAILWAY_DOMAIN = fields(List.of(),
            key("port", PORT, "The port the domain routes to (1-65535); without it, the port Railway detects.", 8080));

    public static final Fields CUSTOM_DOMAIN = fields(List.of("name"),
            key("name", new Text(CUSTOM_HOST), "The host name, without scheme, path or port (not a *.railway.app"
                    + " name: Railway generates those).", "api.example.com"),
            key("port", PORT, "The port the domain routes to (1-65535); without it, the port Railway detects.", 8080));

    public static final Fields DOMAINS = fields(List.of(),
            key("railway", new OrNull(RAILWAY_DOMAIN), "A generated *.up.railway.app domain; null for none.",
                    Map.of("port", 8080)),
            key("custom", new OrNull(new Items(CUSTOM_DOMAIN, null)), "Your own domains; each routes to one service in"
                    + " one environment.", List.of(example("name", "api.example.com", "port", 8080))));

    public static final Fields VOLUME = fields(List.of("mountPath"),
            key("mountPath", new Text("/[\\s\\S]*"), "Where the volume is mounted: an absolute path.", "/data"),
            key("size", new OrNull(new AnyOf(List.of(new Whole(1L, (long) Integer.MAX_VALUE), new Text(SIZE)))),
                    "The size: whole megabytes, or a number followed by MB or GB (1 GB = 1000 MB).", "10GB"));

    public static final Fields SERVICE = fields(List.of(),
            key("enabled", new Flag(), "false: validated but not created (or kept out of this environment, in an"
                    + " overlay).", false),
            key("source", new OrNull(settings("source").with(new Excludes("repo", null, "image", null),
                    new Needs("branch", "repo"))), "Where the service's code comes from: a repository or an"
                    + " image.", example("repo", "tiendaleon/tl-engine", "branch", "main")),
            key("build", new OrNull(settings("build")), "How Railway builds the service.",
                    example("builder", "RAILPACK", "buildCommand", "pip install -r requirements.txt")),
            key("deploy", new OrNull(settings("deploy")), "How Railway runs the service.",
                    example("startCommand", "python -m engine", "numReplicas", 1)),
            key("variables", VARIABLES, "The service's variables; it sees a shared variable only through a reference"
                    + " such as NAME: ${{shared.NAME}}.", example("DATABASE_URL", "${{shared.DATABASE_URL}}",
                    "GUNICORN_WORKERS", "4")),
            key("domains", new OrNull(DOMAINS), "The service's domains; without the key, tlctl leaves them alone.",
                    example("railway", Map.of("port", 8080))),
            key("volumes", new OrNull(new Items(VOLUME, 1)), "The service's volume (Railway mounts at most one).",
                    List.of(example("mountPath", "/data", "size", "10GB"))));

    public static final Fields USAGE_LIMIT = fields(List.of("softLimitDollars"),
            key("softLimitDollars", new AnyOf(List.of(new Whole(0L, 0L),
                    new Whole((long) UsageLimits.MIN_SOFT, (long) UsageLimits.MAX))),
                    "Whole dollars at which Railway emails an alert: 0 (none) or " + UsageLimits.MIN_SOFT + " to "
                            + UsageLimits.MAX + ".", 25),
            key("hardLimitDollars", new Whole((long) UsageLimits.MIN_HARD, (long) UsageLimits.MAX),
                    "Whole dollars at which Railway stops the workspace's services: " + UsageLimits.MIN_HARD + " to "
                            + UsageLimits.MAX + ", at least the soft limit.", 50));

    public static final Fields PRICES = fields(List.of(),
            key("vCPUMonthDollars", new Decimal(0.0, false), "Dollars for a vCPU for a month, instead of Railway's list"
                    + " price.", 20),
            key("memoryGBMonthDollars", new Decimal(0.0, false), "Dollars for a GB of memory for a month.", 10),
            key("diskGBMonthDollars", new Decimal(0.0, false), "Dollars for a GB of volume (and backup) for a month.", 0.15),
            key("networkEgressGBDollars", new Decimal(0.0, false), "Dollars for a GB sent.", 0.05));

    public static final Fields GUARD = fields(List.of(),
            key("maxReplicas", new Whole(1L, null), "The most replicas a service may run here, at least 1.", 1),
            key("sleepApplication", new Flag(), "true: every enabled service but cron jobs must sleep when idle.", true),
            key("maxVCPUs", new Decimal(0.0, true), "The most vCPUs a replica may use here, above 0.", 1),
            key("maxMemoryGB", new Decimal(0.0, true), "The most memory in GB a replica may use here, above 0.", 1),
            key("monthlyBudgetDollars", new Decimal(0.0, false), "The most the environment may cost in a month, at"
                    + " least 0.", 30));

    public static final Fields BILLING = fields(List.of(),
            key("usageLimit", USAGE_LIMIT, "The workspace's usage limit (workspace-wide on Railway: it covers every"
                    + " project of the workspace).", example("softLimitDollars", 25, "hardLimitDollars", 50)),
            key("warnAtPercent", new Whole(1L, 100L), "The share of the soft limit (1-100) that spent or projected"
                    + " spend may reach before `tlctl billing check` fails; default "
                    + BillingSpec.DEFAULT_WARN_AT_PERCENT + ".", 75),
            key("prices", new OrNull(PRICES), "Unit prices in dollars that replace Railway's list prices in"
                    + " estimates.", example("vCPUMonthDollars", 20)),
            key("guards", new OrNull(new Named(NAME, new OrNull(GUARD), 0, false)), "What each environment (one the"
                    + " spec declares) may run.", Map.of("staging", example("maxReplicas", 1, "sleepApplication", true))));

    public static final Fields DRIFT = fields(List.of(),
            key("ignore", new Texts(IGNORE_PATTERN, DriftSpec.MAX_PATTERN), "Addresses that drift never reports"
                    + " (managed by hand on Railway): * within a segment, ** across segments.",
                    List.of("staging/engine-api/variable/FEATURE_*", "**/variable/RAILWAY_*")));

    /** A preview template's namePattern: {n} once, and a name otherwise. */
    static final String NAME_PATTERN = "(?![\\s\\S]*\\{n\\}[\\s\\S]*\\{n\\})(?=[\\s\\S]*\\{n\\})" + NAME;
    /** A path inside the spec's folder: not absolute, not starting with .. */
    static final String RELATIVE_PATH = "(?!/)(?!\\.\\.(/|$))(?=[\\s\\S]*\\S)[\\s\\S]*";

    public static final Fields PREVIEW_TEMPLATE = fields(List.of("from", "namePattern"),
            key("from", new Text(null), "The declared environment previews are created from and sized like.", "staging"),
            key("namePattern", new Text(NAME_PATTERN), "The names of the template's environments, with {n} (once)"
                    + " for the number that tells them apart.", "pr-{n}"),
            key("overlay", new Text(RELATIVE_PATH), "An overlay file, relative to the spec's folder, merged over"
                    + " the environment the previews come from.", "environments/preview.yaml"),
            key("ttl", new Text("(?!0+[dhm]$)[0-9]{1,6}[dhm]"), "How long a preview lives: a number above zero and"
                    + " d (days), h (hours) or m (minutes).", "7d"),
            key("inheritSecrets", new Flag(), "Whether previews keep the secrets of the environment they come from"
                    + " (values with ${env:...} or ${file:...}, secret or sealed ones); by default they do not, and"
                    + " the overlay gives their own.", false));

    public static final Fields PULL_REQUEST_ENVIRONMENTS = fields(List.of(),
            key("enabled", new Flag(), "Whether Railway creates an environment for each pull request.", true),
            key("from", new Text(null), "The declared environment Railway copies them from.", "staging"),
            key("focused", new Flag(), "Railway's focused PR environments: only the services a pull request"
                    + " changes are deployed.", true),
            key("bots", new Flag(), "Whether pull requests opened by bots get one too.", false));

    public static final Fields TOP = fields(List.of("version", "project", "environments"),
            key("version", new Whole((long) SpecReader.FORMAT_VERSION, (long) SpecReader.FORMAT_VERSION),
                    "The format version of this file: " + SpecReader.FORMAT_VERSION + ".", SpecReader.FORMAT_VERSION),
            key("project", PROJECT, "The Railway project.", example("name", "tl-engine")),
            key("environments", new Named(NAME, new OrNull(ENVIRONMENT), 1, false), "The environments, in the order"
                    + " they are created; the first is the project's default.",
                    example("production", Map.of(), "staging", Map.of("from", "production"))),
            key("services", new OrNull(new Named(NAME, new OrNull(SERVICE), 0, false)), "The services, by name.",
                    Map.of("engine-api", example("source", Map.of("repo", "tiendaleon/tl-engine")))),
            key("sharedVariables", VARIABLES, "Environment-wide variables; a service sees one only through a"
                    + " reference (NAME: ${{shared.NAME}}).", example("ENVIRONMENT", "production", "DEBUG", "0")),
            key("billing", new OrNull(BILLING), "Usage limits, unit prices and per-environment guards.",
                    Map.of("usageLimit", example("softLimitDollars", 25, "hardLimitDollars", 50))),
            key("drift", new OrNull(DRIFT), "How `tlctl drift` reads the project.",
                    Map.of("ignore", List.of("**/variable/RAILWAY_*"))),
            key("previews", new OrNull(new Named(NAME, PREVIEW_TEMPLATE, 0, false)), "Environment templates: an"
                    + " environment whose name matches a template's namePattern is planned from it.",
                    Map.of("pr", example("from", "staging", "namePattern", "pr-{n}", "ttl", "7d"))),
            key("pullRequestEnvironments", new OrNull(PULL_REQUEST_ENVIRONMENTS), "Railway's own pull request"
                    + " environments, as the project's settings.", example("enabled", true, "from", "staging")));

    /** An overlay, environments/NAME.yaml: what differs in one environment. */
    public static final Fields OVERLAY = fields(List.of(),
            key("services", new OrNull(new Named(NAME, SERVICE, 0, false)), "Changes to services the spec declares,"
                    + " merged key by key; null removes a key.", Map.of("engine-api", Map.of("deploy",
                    Map.of("numReplicas", 1)))),
            key("sharedVariables", VARIABLES, "This environment's shared variables, merged over the spec's; null"
                    + " removes one.", example("ENVIRONMENT", "staging", "DATABASE_URL", "${env:STAGING_DATABASE_URL}")));

    private SpecKeys() {}

    /**
     * The mapping of service settings under {@code prefix} (source, build, deploy, deploy.limits),
     * from {@link Settings}: the same table the reader reads them by.
     */
    static Fields settings(String prefix) {
        List<Key> keys = new ArrayList<>();
        for (String name : Settings.keysUnder(prefix)) {
            String path = prefix + "." + name;
            Settings.Def def = Settings.get(path);
            if (def == null) {
                Fields section = settings(path);
                Map<String, Object> example = new LinkedHashMap<>();
                section.keys().forEach(k -> example.put(k.name(), k.example()));
                keys.add(new Key(name, new OrNull(section), SECTION_DESCRIPTIONS.get(path), example));
            } else {
                keys.add(new Key(name, shape(def), def.description(), def.example()));
            }
        }
        return new Fields(keys, List.of(), List.of());
    }

    private static Shape shape(Settings.Def def) {
        Long min = def.min() == null ? null : def.min().longValue();
        return switch (def.type()) {
            case STRING -> new Text(def.pattern() == null ? null : def.pattern().pattern());
            case INT -> new Whole(min, null);
            case NUMBER -> new Decimal(def.min(), true);
            case BOOL -> new Flag();
            case STRING_LIST -> new Texts(null, null);
            case ENUM -> new Choice(def.allowed());
        };
    }

    private static Fields fields(List<String> required, Key... keys) {
        return new Fields(List.of(keys), required, List.of());
    }

    private static Key key(String name, Shape shape, String description, Object example) {
        return new Key(name, shape, description, example);
    }

    /** An example mapping, in the order written. */
    private static Map<String, Object> example(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }
}
