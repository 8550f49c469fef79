package dev.tlctl.spec;

import static dev.tlctl.spec.SpecFixture.MARKER;
import static dev.tlctl.spec.SpecFixture.base;
import static dev.tlctl.spec.SpecFixture.err;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Every malformed spec the reader must refuse, with the exact errors it reports: file, line,
 * column, YAML path and summary, all at once. Shared by the reader's tests and the CLI's
 * no-secret-in-output test, so each input is also run through {@code tlctl validate}.
 */
public final class MalformedSpecs {
    static final String Y = SpecLoader.DEFAULT_FILE;
    static final String STAGING = "environments/staging.yaml";

    /**
     * One malformed input: its name, the files, the errors expected in order, and text each
     * listed detail must contain (in the diagnostic of the same index; null: not checked).
     */
    public record Case(String name, SpecFixture fixture, List<String> errors, List<String> details) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final List<Case> cases = new ArrayList<>();

    private MalformedSpecs() {}

    private Case add(String name, SpecFixture fixture, String... errors) {
        Case c = new Case(name, fixture, List.of(errors), new ArrayList<>());
        cases.add(c);
        return c;
    }

    /** Adds {@code text} to the expected details, in the order of the errors. */
    private static void details(Case c, String... text) {
        c.details().addAll(java.util.Arrays.asList(text));
    }

    /** A spec whose {@code sharedVariables} start on line 6 with {@code lines}. */
    static SpecFixture shared(String lines) {
        return base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                sharedVariables:
                """ + lines.indent(2) + "version: 1\n");
    }

    /** A spec with production and staging, then {@code rest} from line 7. */
    static SpecFixture withStaging(String rest) {
        return base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                  staging:
                    from: production
                """ + rest + "version: 1\n");
    }

    /** A spec with one service {@code api} whose {@code deploy} settings start on line 8. */
    static SpecFixture deploy(String lines) {
        return base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                services:
                  api:
                    deploy:
                """ + lines.indent(6) + "version: 1\n");
    }

    /** A spec with a usage limit on lines 7 and 8. */
    static SpecFixture limits(String soft, String hard) {
        return base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                billing:
                  usageLimit:
                    softLimitDollars: %s
                    hardLimitDollars: %s
                version: 1
                """.formatted(soft, hard));
    }

    /** Nine aliases per line, each to the list above: 54 aliases to collections by line 7. */
    static String billionLaughs() {
        StringBuilder out = new StringBuilder("project:\n  name: tl-test\nenvironments:\n  production: {}\n");
        out.append("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            out.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
        }
        return out.toString();
    }

    public static List<Case> all() {
        MalformedSpecs m = new MalformedSpecs();
        m.syntax();
        m.limits();
        m.unknownKeys();
        m.types();
        m.names();
        m.references();
        m.secrets();
        m.overlays();
        m.environments();
        m.usageLimits();
        m.billing();
        m.settings();
        m.structure();
        return List.copyOf(m.cases);
    }

    private void syntax() {
        details(add("unclosed quote", base("""
                project:
                  name: "tl-test
                environments:
                  production: {}
                version: 1
                """), err(Y, 2, 9, "", "YAML syntax error: a quoted string is never closed")),
                "no closing quote");
        details(add("bad indentation", base("""
                project:
                  name: tl-test
                 environments:
                  production: {}
                version: 1
                """), err(Y, 3, 2, "", "YAML syntax error: bad indentation")),
                "(the mapping that starts on line 1)");
        details(add("tab indentation", base("""
                project:
                \tname: tl-test
                environments:
                  production: {}
                version: 1
                """), err(Y, 2, 1, "", "YAML syntax error: a tab is used for indentation")),
                "spaces only");
        details(add("unclosed flow mapping", base("""
                project: {name: tl-test
                environments:
                  production: {}
                version: 1
                """), err(Y, 2, 13, "", "YAML syntax error: expected ',' or '}', but got :")),
                "while parsing a flow mapping (started on line 1)");
        details(add("duplicate keys, both lines named", deploy("""
                numReplicas: 1
                restartPolicyType: ALWAYS
                numReplicas: 2
                """), err(Y, 10, 7, "services.api.deploy.numReplicas", "duplicate key \"numReplicas\"")),
                "It is already set on line 8.");
        add("several YAML documents", base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                version: 1
                ---
                project:
                  name: other
                """), err(Y, 6, 1, "", "the file holds more than one YAML document"));
        details(add("tags !!binary and !custom", shared("""
                LOGO: !!binary aGVsbG8=
                MODE: !custom fast
                """),
                err(Y, 6, 9, "sharedVariables.LOGO", "YAML tags are not supported (found !!binary)"),
                err(Y, 7, 9, "sharedVariables.MODE", "YAML tags are not supported (found !custom)")),
                "Remove the '!' tag", "Remove the '!' tag");
        details(add("merge key on a scalar", deploy("""
                <<: not-a-mapping
                numReplicas: 1
                """), err(Y, 8, 7, "services.api.deploy", "a merge key (<<) needs a mapping or a list of mappings")),
                "'<<: *anchor'");
    }

    private void limits() {
        details(add("alias bomb (billion laughs)", base(billionLaughs()),
                err(Y, 11, 30, "", "too many aliases to collections")),
                "More than 50 aliases");
        // 300 KB of text, aliased 900 times: 270 MB if expanded (and printed by validate).
        StringBuilder scalars = new StringBuilder("version: 1\nproject:\n  name: tl-test\nenvironments:\n  production: {}\n"
                + "services:\n  api:\n    variables:\n      V0: &v \"" + "x".repeat(300_000) + "\"\n");
        for (int i = 1; i <= 900; i++) {
            scalars.append("      V").append(i).append(": *v\n");
        }
        details(add("aliases to a long scalar (expansion bomb)", base(scalars.toString()),
                err(Y, 0, 0, "", "the YAML expands to too much text")),
                "After expanding aliases its values hold more than 2097152 characters");
        StringBuilder big = new StringBuilder("project:\n  name: tl-test\nenvironments:\n  production: {}\n");
        while (big.length() <= YamlLoader.MAX_BYTES) {
            big.append("# padding padding padding padding padding padding padding padding padding\n");
        }
        details(add("oversized file (> 1 MiB)", base(big.toString()), err(Y, 0, 0, "", "the file is too large")),
                "a spec or overlay may have at most 1048576 bytes (1 MiB)");
        details(add("nesting too deep", base("project:\n  name: tl-test\nenvironments:\n  production: {}\n"
                + "deep: " + "[".repeat(60) + "]".repeat(60) + "\n"),
                err(Y, 5, 47, "", "the YAML is nested too deeply")),
                "more than 40 levels deep");
        // Every path of this alias's expansion ends 41 deep at the same place: reported once
        // (it was once reported per path, 18 MB of errors), beside the expansion's own limit.
        details(add("an alias that refers to itself", base("version: 1\nproject: &a [*a, *a, *a]\nenvironments:\n  production: {}\n"),
                err(Y, 0, 0, "", "the YAML expands to too many values"),
                err(Y, 2, 10, "project" + "[0]".repeat(40), "the YAML is nested too deeply")),
                "more than 100000 values", "or an alias refers to itself");
    }

    private void unknownKeys() {
        details(add("unknown top-level key", base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                service:
                  api: {}
                version: 1
                """), err(Y, 5, 1, "service", "unknown key \"service\"")),
                "Did you mean \"services\"? Known keys here: version, project, environments, services, sharedVariables, billing, drift, previews, pullRequestEnvironments.");
        details(add("unknown service key", base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                services:
                  api:
                    varibles:
                      A: a
                version: 1
                """), err(Y, 7, 5, "services.api.varibles", "unknown key \"varibles\"")),
                "Did you mean \"variables\"?");
        details(add("unknown deploy key", deploy("""
                numReplica: 2
                """), err(Y, 8, 7, "services.api.deploy.numReplica", "unknown key \"numReplica\"")),
                "Did you mean \"numReplicas\"?");
        details(add("unknown limits key", deploy("""
                limits:
                  vCPUs: 1
                  memoryGb: 2
                """), err(Y, 10, 9, "services.api.deploy.limits.memoryGb", "unknown key \"memoryGb\"")),
                "Did you mean \"memoryGB\"? Known keys here: vCPUs, memoryGB.");
        details(add("unknown key in a variable's long form", shared("""
                API_TOKEN: {value: "${env:FIXTURE_TOKEN}", secrett: true}
                """), err(Y, 6, 46, "sharedVariables.API_TOKEN.secrett", "unknown key \"secrett\"")),
                "Did you mean \"secret\"? Known keys here: value, secret, sealed, allowEmpty.");
        details(add("unknown key in an environment", base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                  staging:
                    form: production
                version: 1
                """), err(Y, 6, 5, "environments.staging.form", "unknown key \"form\"")),
                "Did you mean \"from\"?");
        details(add("unknown keys in an overlay", withStaging("""
                services:
                  api: {}
                """).overlay("staging", """
                sharedVariable:
                  DEBUG: "1"
                services:
                  api:
                    deploy:
                      numReplica: 1
                """),
                err(STAGING, 1, 1, "sharedVariable", "unknown key \"sharedVariable\""),
                err(STAGING, 6, 7, "services.api.deploy.numReplica", "unknown key \"numReplica\"")),
                "Did you mean \"sharedVariables\"? Known keys here: services, sharedVariables.",
                "Did you mean \"numReplicas\"?");
    }

    private void types() {
        add("string for an integer", deploy("""
                numReplicas: two
                """), err(Y, 8, 20, "services.api.deploy.numReplicas", "expected an integer, found a string"));
        add("list for a mapping", base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                services:
                  api:
                    variables: [A, B]
                version: 1
                """), err(Y, 7, 16, "services.api.variables",
                        "expected a mapping of variable names to values, found a list"));
        add("mapping for a string", deploy("""
                startCommand: {run: gunicorn}
                """), err(Y, 8, 21, "services.api.deploy.startCommand", "expected a string, found a mapping"));
        add("boolean for an enum", deploy("""
                restartPolicyType: true
                """), err(Y, 8, 26, "services.api.deploy.restartPolicyType",
                        "expected one of ON_FAILURE, ALWAYS, NEVER, found a boolean (true)"));
        add("three problems in one file, all reported", deploy("""
                numReplicas: "2"
                sleepApplication: "yes"
                limits:
                  vCPUs: lots
                """),
                err(Y, 8, 20, "services.api.deploy.numReplicas", "expected an integer, found a string"),
                err(Y, 9, 25, "services.api.deploy.sleepApplication", "expected true or false, found a string"),
                err(Y, 11, 16, "services.api.deploy.limits.vCPUs", "expected a number, found a string"));
        add("float for an integer, list for a variable value", base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                services:
                  api:
                    deploy:
                      healthcheckTimeout: 1.5
                    variables:
                      HOSTS: [a, b]
                version: 1
                """),
                err(Y, 8, 27, "services.api.deploy.healthcheckTimeout", "expected an integer, found a number (1.5)"),
                err(Y, 10, 14, "services.api.variables.HOSTS", "the value of HOSTS must be a string, found a list"));
    }

    private void names() {
        details(add("invalid variable names", shared("""
                1ABC: x
                MY-VAR: y
                "has space": z
                """),
                err(Y, 6, 3, "sharedVariables.1ABC", "invalid variable name \"1ABC\""),
                err(Y, 7, 3, "sharedVariables.MY-VAR", "invalid variable name \"MY-VAR\""),
                err(Y, 8, 3, "sharedVariables[\"has space\"]", "invalid variable name \"has space\"")),
                "letters, digits and underscores", null, null);
        details(add("empty and control-character names", base("""
                project:
                  name: tl-test
                environments:
                  "": {}
                  "prod\\tuction": {}
                services:
                  "": {}
                  "api\\n": {}
                version: 1
                """),
                err(Y, 4, 3, "environments[\"\"]", "the environment name is empty"),
                err(Y, 5, 3, "environments[\"prod\\tuction\"]", "the environment name contains a control character"),
                err(Y, 7, 3, "services[\"\"]", "the service name is empty"),
                err(Y, 8, 3, "services[\"api\\n\"]", "the service name contains a control character")),
                "Give the environment a name", "control characters");
        add("empty project name", base("""
                project:
                  name: ""
                environments:
                  production: {}
                version: 1
                """), err(Y, 2, 9, "project.name", "the project name is empty"));
    }

    private void references() {
        Case c = add("missing references listed in one error", base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                services:
                  api:
                    variables:
                      CERT: ${file:certs/missing.pem}
                sharedVariables:
                  DATABASE_URL: ${env:MISSING_DB_URL}
                  MIXED: "a-${env:MISSING_A}-${file:nope.txt}"
                  OK: ${env:FIXTURE_TOKEN}
                version: 1
                """).overlay("production", """
                sharedVariables:
                  REDIS_URL: ${env:MISSING_REDIS}
                """),
                err("environments/production.yaml", 2, 14, "", "5 references cannot be resolved"));
        details(c, "${env:MISSING_REDIS} at environments/production.yaml:2:14 (sharedVariables.REDIS_URL): the variable MISSING_REDIS is not set\n"
                + "${file:certs/missing.pem} at tl-engine.yaml:8:13 (services.api.variables.CERT): no file ");
        add("invalid reference syntax", shared("""
                A: ${env:bad-name}
                B: ${file:}
                """),
                err(Y, 6, 6, "sharedVariables.A", "invalid reference ${env:bad-name}"),
                err(Y, 7, 6, "sharedVariables.B", "invalid reference ${file:}"));
        details(add("a reference in a setting", deploy("""
                startCommand: run --token ${env:FIXTURE_TOKEN}
                """), err(Y, 8, 21, "services.api.deploy.startCommand", "references are resolved only in variable values")),
                "${env:...} and ${file:...} work under variables and sharedVariables");
    }

    private void secrets() {
        String how = "so its value must not live in the YAML. Put the value in the environment or an env file and write ";
        details(add("plaintext URL with a password", shared("""
                DATABASE_URL: postgresql://app:%s@db.internal:5432/engine
                """.formatted(MARKER)),
                err(Y, 6, 17, "sharedVariables.DATABASE_URL", "a secret is written in plain text")),
                "DATABASE_URL is a secret (it holds a URL with a password), " + how + "DATABASE_URL: ${env:DATABASE_URL}");
        details(add("plaintext *_TOKEN", shared("GITHUB_TOKEN: " + MARKER),
                err(Y, 6, 17, "sharedVariables.GITHUB_TOKEN", "a secret is written in plain text")),
                "GITHUB_TOKEN is a secret (its name says it is one)");
        details(add("plaintext *_SECRET", shared("APP_SECRET: " + MARKER),
                err(Y, 6, 15, "sharedVariables.APP_SECRET", "a secret is written in plain text")),
                "If it is not a secret, write APP_SECRET: {value: ..., secret: false}.");
        add("plaintext *PASSWORD*", shared("SMTP_PASSWORD_OLD: " + MARKER),
                err(Y, 6, 22, "sharedVariables.SMTP_PASSWORD_OLD", "a secret is written in plain text"));
        add("plaintext *_KEY", shared("STRIPE_KEY: " + MARKER),
                err(Y, 6, 15, "sharedVariables.STRIPE_KEY", "a secret is written in plain text"));
        details(add("secret: true with a literal", shared("SIGNING: {value: " + MARKER + ", secret: true}"),
                err(Y, 6, 20, "sharedVariables.SIGNING.value", "a secret is written in plain text")),
                "SIGNING is a secret (it is marked secret: true)");
        details(add("sealed with a literal", shared("VAULT: {value: " + MARKER + ", sealed: true}"),
                err(Y, 6, 18, "sharedVariables.VAULT.value", "a secret is written in plain text")),
                "VAULT is a secret (it is sealed), " + how + "VAULT: ${env:VAULT}, or use ${file:PATH}; Railway references such as ${{shared.VAULT}} work too.");
        details(add("sealed cannot be secret: false", shared("VAULT: {value: \"${env:FIXTURE_TOKEN}\", sealed: true, secret: false}"),
                err(Y, 6, 64, "sharedVariables.VAULT.secret", "a sealed variable is always a secret")),
                "Remove 'secret: false', or do not seal the variable.");
        add("a credential in a setting is not echoed", base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                services:
                  api:
                    source:
                      repo: https://x-access-token:%s@github.com/tiendaleon/tl-engine
                      branch: main
                version: 1
                """.formatted(MARKER)),
                err(Y, 8, 13, "services.api.source.repo", "expected a GitHub repository as owner/name, found a URL"
                        + " with a password (not shown; never write credentials in the spec)"));
        add("a credential as a boolean is not echoed", shared("API_TOKEN: {value: \"${env:FIXTURE_TOKEN}\", secret: " + MARKER + "}"),
                err(Y, 6, 54, "sharedVariables.API_TOKEN.secret", "expected true or false, found a string"));
    }

    private void overlays() {
        details(add("overlay for an undeclared environment", withStaging("").overlay("stagin", "services: {}\n"),
                err("environments/stagin.yaml", 0, 0, "", "overlay for undeclared environment \"stagin\"")),
                "Did you mean \"staging\"? Declare it under 'environments:' in the spec, or rename or remove this file."
                        + " Declared environments: production, staging.");
        details(add("overlay with billing and project", withStaging("").overlay("staging", """
                project:
                  name: other
                billing:
                  usageLimit: {softLimitDollars: 5, hardLimitDollars: 10}
                """),
                err(STAGING, 1, 1, "project", "\"project\" cannot differ per environment"),
                err(STAGING, 3, 1, "billing", "\"billing\" cannot differ per environment")),
                "The project is the same in every environment.",
                "Usage limits are workspace-wide on Railway: one limit covers every project and environment."
                        + " An overlay may set only: services, sharedVariables.");
        details(add("overlay naming an unknown service", withStaging("""
                services:
                  engine-api: {}
                """).overlay("staging", """
                services:
                  engine-apii:
                    deploy: {numReplicas: 1}
                """), err(STAGING, 2, 3, "services.engine-apii", "unknown service \"engine-apii\"")),
                "Did you mean \"engine-api\"?");
        add("overlay removing a service", withStaging("""
                services:
                  api: {}
                """).overlay("staging", """
                services:
                  api: null
                """), err(STAGING, 2, 3, "services.api", "a service cannot be removed in one environment"));
        add("YAML syntax error in an overlay", withStaging("").overlay("staging", """
                sharedVariables:
                  DEBUG: '1
                """), err(STAGING, 2, 10, "", "YAML syntax error: a quoted string is never closed"));
        add("wrong type in an overlay", withStaging("""
                services:
                  api:
                    deploy:
                      numReplicas: 2
                """).overlay("staging", """
                services:
                  api:
                    deploy:
                      numReplicas: one
                """), err(STAGING, 4, 20, "services.api.deploy.numReplicas", "expected an integer, found a string"));
        add("overlay that is a list", withStaging("").overlay("staging", "- services\n"),
                err(STAGING, 1, 1, "", "expected a mapping with services and sharedVariables, found a list"));
    }

    private void environments() {
        details(add("from an unknown environment", base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                  staging:
                    from: prodution
                version: 1
                """), err(Y, 6, 11, "environments.staging.from", "unknown environment \"prodution\"")),
                "Did you mean \"production\"? Declared environments: production, staging.");
        add("from itself", base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                  staging:
                    from: staging
                version: 1
                """), err(Y, 6, 11, "environments.staging.from", "environment staging cannot be created from itself"));
        details(add("from an environment declared later", base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                  preview:
                    from: staging
                  staging: {}
                version: 1
                """), err(Y, 6, 11, "environments.preview.from",
                        "environment preview is created from staging, declared after it")),
                "declare staging before preview.");
        details(add("from on the first environment", base("""
                project:
                  name: tl-test
                environments:
                  production:
                    from: staging
                  staging: {}
                version: 1
                """), err(Y, 5, 11, "environments.production.from",
                        "the first environment cannot be created from another")),
                "The first environment declared is the project's default environment");
        add("no environments", base("""
                project:
                  name: tl-test
                environments: {}
                version: 1
                """), err(Y, 3, 1, "environments", "the spec declares no environments"));
    }

    private void usageLimits() {
        add("soft limit below 5", limits("4", "10"),
                err(Y, 7, 23, "billing.usageLimit.softLimitDollars", "softLimitDollars must be 0 or between 5 and 500000"));
        add("soft limit above 500000", limits("500001", "500001"),
                err(Y, 7, 23, "billing.usageLimit.softLimitDollars", "softLimitDollars must be 0 or between 5 and 500000"),
                err(Y, 8, 23, "billing.usageLimit.hardLimitDollars", "hardLimitDollars must be between 10 and 500000"));
        add("hard limit below 10", limits("0", "9"),
                err(Y, 8, 23, "billing.usageLimit.hardLimitDollars", "hardLimitDollars must be between 10 and 500000"));
        add("hard limit above 500000", limits("5", "500001"),
                err(Y, 8, 23, "billing.usageLimit.hardLimitDollars", "hardLimitDollars must be between 10 and 500000"));
        details(add("hard limit below the soft limit", limits("20", "19"),
                err(Y, 8, 23, "billing.usageLimit.hardLimitDollars", "hardLimitDollars must be at least softLimitDollars")),
                "The hard limit (19) stops services; the soft limit (20) only alerts");
        add("negative soft limit, fractional hard limit", limits("-1", "10.5"),
                err(Y, 7, 23, "billing.usageLimit.softLimitDollars", "softLimitDollars must be 0 or between 5 and 500000"),
                err(Y, 8, 23, "billing.usageLimit.hardLimitDollars", "expected an integer, found a number (10.5)"));
    }

    private void billing() {
        details(add("unknown billing key", withStaging("""
                billing:
                  warnAtPercnt: 80
                """), err(Y, 8, 3, "billing.warnAtPercnt", "unknown key \"warnAtPercnt\"")),
                "Did you mean \"warnAtPercent\"? Known keys here: usageLimit, warnAtPercent, prices, guards.");
        details(add("warnAtPercent out of range", withStaging("""
                billing:
                  warnAtPercent: 150
                """), err(Y, 8, 18, "billing.warnAtPercent", "warnAtPercent must be between 1 and 100")),
                "It is the share of the soft limit that spent or projected spend may reach before `tlctl billing check`"
                        + " fails; found 150.");
        add("warnAtPercent not an integer", withStaging("""
                billing:
                  warnAtPercent: 0.5
                """), err(Y, 8, 18, "billing.warnAtPercent", "expected an integer, found a number (0.5)"));
        details(add("prices", withStaging("""
                billing:
                  prices:
                    vCPUMonthDollars: -1
                    memoryGbMonthDollars: 10
                    diskGBMonthDollars: cheap
                """),
                err(Y, 9, 23, "billing.prices.vCPUMonthDollars", "must be at least 0, found a number (-1)"),
                err(Y, 10, 5, "billing.prices.memoryGbMonthDollars", "unknown key \"memoryGbMonthDollars\""),
                err(Y, 11, 25, "billing.prices.diskGBMonthDollars", "expected a number, found a string")),
                null, "Did you mean \"memoryGBMonthDollars\"? Known keys here: vCPUMonthDollars, memoryGBMonthDollars,"
                        + " diskGBMonthDollars, networkEgressGBDollars.");
        details(add("guards", withStaging("""
                billing:
                  guards:
                    stagin:
                      maxReplicas: 1
                    staging:
                      maxReplica: 1
                      maxVCPUs: 0
                      maxMemoryGB: -1
                      sleepApplication: maybe
                      monthlyBudgetDollars: -5
                    production:
                      maxReplicas: 0
                """),
                err(Y, 9, 5, "billing.guards.stagin", "unknown environment \"stagin\" in billing.guards"),
                err(Y, 12, 7, "billing.guards.staging.maxReplica", "unknown key \"maxReplica\""),
                err(Y, 13, 17, "billing.guards.staging.maxVCPUs", "must be more than 0, found a number (0)"),
                err(Y, 14, 20, "billing.guards.staging.maxMemoryGB", "must be more than 0, found a number (-1)"),
                err(Y, 15, 25, "billing.guards.staging.sleepApplication", "expected true or false, found a string"),
                err(Y, 16, 29, "billing.guards.staging.monthlyBudgetDollars", "must be at least 0, found a number (-5)"),
                err(Y, 18, 20, "billing.guards.production.maxReplicas", "must be at least 1, found 0")),
                "Did you mean \"staging\"? Guards apply to the environments the spec declares: production, staging.",
                "Did you mean \"maxReplicas\"? Known keys here: maxReplicas, sleepApplication, maxVCPUs, maxMemoryGB,"
                        + " monthlyBudgetDollars.");
        add("guards not a mapping", withStaging("""
                billing:
                  guards: [staging]
                """), err(Y, 8, 11, "billing.guards", "expected a mapping of environment names, found a list"));
    }

    private void settings() {
        add("settings patterns", base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                services:
                  api:
                    source:
                      repo: tl-engine
                    build:
                      builder: docker
                    deploy:
                      healthcheckPath: health
                      cronSchedule: "*/15 * * *"
                      region: US West
                      numReplicas: 0
                      restartPolicyType: SOMETIMES
                version: 1
                """),
                err(Y, 8, 13, "services.api.source.repo", "expected a GitHub repository as owner/name, found \"tl-engine\""),
                err(Y, 10, 16, "services.api.build.builder", "expected one of NIXPACKS, RAILPACK, DOCKERFILE, found \"docker\""),
                err(Y, 12, 24, "services.api.deploy.healthcheckPath", "expected a path starting with /, found \"health\""),
                err(Y, 13, 21, "services.api.deploy.cronSchedule",
                        "expected a cron expression of five fields, such as \"*/15 * * * *\", found \"*/15 * * *\""),
                err(Y, 14, 15, "services.api.deploy.region", "expected a region id such as us-west2, found \"US West\""),
                err(Y, 15, 20, "services.api.deploy.numReplicas", "must be at least 1, found 0"),
                err(Y, 16, 26, "services.api.deploy.restartPolicyType",
                        "expected one of ON_FAILURE, ALWAYS, NEVER, found \"SOMETIMES\""));
        add("cron with six fields, repository and image both", base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                services:
                  job:
                    source:
                      repo: tiendaleon/tl-engine
                      image: python:3.12
                    deploy:
                      cronSchedule: "0 0 3 * * *"
                version: 1
                """),
                err(Y, 9, 14, "services.job.source.image", "a service deploys a repository or an image, not both"),
                err(Y, 11, 21, "services.job.deploy.cronSchedule",
                        "expected a cron expression of five fields, such as \"*/15 * * * *\", found \"0 0 3 * * *\""));
        add("a disabled service is still validated", base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                services:
                  engine-worker:
                    enabled: false
                    deploy:
                      numReplicas: -1
                      limits:
                        memoryGB: 0
                version: 1
                """),
                err(Y, 9, 20, "services.engine-worker.deploy.numReplicas", "must be at least 1, found -1"),
                err(Y, 11, 19, "services.engine-worker.deploy.limits.memoryGB", "must be more than 0, found a number (0)"));
        add("variables with no value", shared("""
                EMPTY:
                LONG: {secret: false}
                """),
                err(Y, 6, 9, "sharedVariables.EMPTY", "the variable EMPTY has no value"),
                err(Y, 7, 3, "sharedVariables.LONG", "the variable LONG has no value"));
    }

    private void structure() {
        details(add("version 2", base("""
                version: 2
                project:
                  name: tl-test
                environments:
                  production: {}
                """), err(Y, 1, 10, "version", "unsupported format version 2")),
                "This tlctl reads version 1.");
        details(add("empty file", base(""), err(Y, 0, 0, "", "the spec is empty")),
                "Write at least 'project:' with a name and 'environments:'.");
        add("only comments", base("# nothing here\n"), err(Y, 0, 0, "", "the spec is empty"));
        add("a list as the root", base("- project\n- environments\n"),
                err(Y, 1, 1, "", "the spec must be a mapping, found a list"));
        add("a string as the root", base("tl-engine\n"),
                err(Y, 1, 1, "", "the spec must be a mapping, found a string"));
        details(add("missing spec file", SpecFixture.noSpec(), err(Y, 0, 0, "", "no spec file here")),
                "Run tlctl in the folder that holds tl-engine.yaml, or pass -f FILE.");
        byte[] latin1 = "project:\n  name: caf\u00e9\nenvironments:\n  production: {}\n".getBytes(StandardCharsets.ISO_8859_1);
        details(add("non-UTF-8 bytes", SpecFixture.noSpec().bytes(Y, latin1),
                err(Y, 2, 12, "", "the file is not valid UTF-8")),
                "Byte 0xE9 cannot start or continue a UTF-8 character.");
        details(add("no version, no project, no environments", base("""
                services: {}
                """),
                err(Y, 1, 1, "version", "the spec has no version"),
                err(Y, 1, 1, "project", "the spec has no project"),
                err(Y, 1, 1, "environments", "the spec declares no environments")),
                "Write 'version: 1' at the top, so that a later tlctl that reads another format refuses this file instead"
                        + " of misreading it.");
    }
}
