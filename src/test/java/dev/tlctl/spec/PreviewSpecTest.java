package dev.tlctl.spec;

import static dev.tlctl.spec.SpecFixture.assertErrors;
import static dev.tlctl.spec.SpecFixture.err;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code previews:} templates, the environments they name, and {@code pullRequestEnvironments:}. */
class PreviewSpecTest {
    @TempDir
    Path tmp;

    static final String BASE = """
            version: 1
            project: {name: p}
            environments:
              production: {}
              staging: {}
            services:
              api:
                source: {repo: acme/api, branch: main}
                deploy: {numReplicas: 3}
                variables:
                  ENVIRONMENT: production
                  DATABASE_URL: ${env:DATABASE_URL}
            previews:
              pr:
                from: staging
                namePattern: "pr-{n}"
                overlay: environments/preview.yaml
                ttl: 7d
            pullRequestEnvironments:
              enabled: true
              from: staging
              focused: true
              bots: false
            """;

    SpecFixture fixture() {
        return SpecFixture.base(BASE)
                .overlay("staging", """
                        services:
                          api:
                            deploy: {numReplicas: 1}
                            variables: {ENVIRONMENT: staging}
                        """)
                .overlay("preview", """
                        services:
                          api:
                            variables: {ENVIRONMENT: preview, DATABASE_URL: "${env:PREVIEW_DATABASE_URL}"}
                        """)
                .env("PREVIEW_DATABASE_URL", "postgres://preview").env("DATABASE_URL", "postgres://prod");
    }

    Spec load(SpecFixture fixture, Set<String> scope) {
        Path dir = fixture.writeTo(tmp);
        return SpecLoader.load(dir.resolve(SpecLoader.DEFAULT_FILE), fixture.env(), scope);
    }

    @Test
    void anEnvironmentATemplateNamesIsTheBaseThenItsSourceThenTheTemplateOverlay() {
        Spec spec = load(fixture(), Set.of("pr-42"));
        EnvironmentSpec pr = spec.environment("pr-42").orElseThrow();
        ServiceInstanceSpec api = pr.service("api").orElseThrow();
        assertEquals(1L, api.settings().get("deploy.numReplicas"), "staging's sizing");
        assertEquals("main", api.settings().get("source.branch"), "the base");
        assertEquals("preview", api.variables().get("ENVIRONMENT").value().reveal());
        assertEquals("postgres://preview", api.variables().get("DATABASE_URL").value().reveal(),
                "its own reference, resolved without staging's secret");
        assertEquals("staging", pr.from());
        assertFalse(pr.isDefault());
        assertTrue(pr.resolved());
        assertFalse(spec.declares("pr-42"));
        assertTrue(spec.declares("staging"));
        assertEquals(List.of("production", "staging", "pr-42"), spec.environments().stream().map(EnvironmentSpec::name).toList());
        assertEquals(List.of("staging"), spec.onlyEnvironments(Set.of("staging")).environments().stream()
                .map(EnvironmentSpec::name).toList());
    }

    @Test
    void templatesAndPullRequestSettingsAreRead() {
        Spec spec = load(fixture(), Set.of());
        assertEquals(List.of("production", "staging"), spec.environments().stream().map(EnvironmentSpec::name).toList(),
                "an environment is read from a template only when a run asks for it");
        PreviewTemplate pr = spec.previews().templates().get("pr");
        assertEquals("staging", pr.from());
        assertEquals("environments/preview.yaml", pr.overlay());
        assertEquals(Duration.ofDays(7), pr.ttl());
        assertEquals("pr", spec.previews().match("pr-42").orElseThrow().template().name());
        assertEquals("42", spec.previews().match("pr-42").orElseThrow().number());
        assertTrue(spec.previews().match("pr-").isEmpty());
        assertTrue(spec.previews().match("pr-4x").isEmpty());
        assertTrue(spec.previews().match("xpr-4").isEmpty());
        assertEquals("pr-7", pr.nameFor(7));
        PullRequestEnvironmentsSpec prs = spec.pullRequestEnvironments();
        assertTrue(prs.declared());
        assertEquals(true, prs.enabled());
        assertEquals("staging", prs.from());
        assertEquals(true, prs.focused());
        assertEquals(false, prs.bots());
    }

    @Test
    void anUndeclaredNameNoTemplateMatchesIsNotRead() {
        Spec spec = load(fixture(), Set.of("qa-1"));
        assertTrue(spec.environment("qa-1").isEmpty());
    }

    @Test
    void withoutTheSectionsNothingIsManaged() {
        Spec spec = load(SpecFixture.base("""
                version: 1
                project: {name: p}
                environments: {production: {}}
                """), null);
        assertTrue(spec.previews().templates().isEmpty());
        assertFalse(spec.pullRequestEnvironments().declared());
        assertNull(spec.pullRequestEnvironments().enabled());
    }

    @Test
    void badTemplatesAreReportedWhereTheyAreWritten() {
        SpecFixture.Loaded loaded = SpecFixture.base("""
                version: 1
                project: {name: p}
                environments: {production: {}, staging: {}, pr-1: {}}
                previews:
                  a: {from: stagin, namePattern: "a-{n}"}
                  b: {from: staging, namePattern: "b-n"}
                  c: {from: staging, namePattern: "pr-{n}"}
                  d: {from: staging, namePattern: "d-{n}", overlay: ../outside.yaml}
                  e: {from: staging, namePattern: "e-{n}", overlay: environments/missing.yaml, ttl: 3w}
                  f: {namePattern: "f-{n}", colour: red}
                  g: {from: staging, namePattern: "a-{n}"}
                pullRequestEnvironments: {enabled: yes, from: nowhere}
                """).load(tmp);
        assertErrors(loaded,
                err("tl-engine.yaml", 5, 13, "previews.a.from", "unknown environment \"stagin\""),
                err("tl-engine.yaml", 6, 35, "previews.b.namePattern", "namePattern \"b-n\" must contain {n} once"),
                err("tl-engine.yaml", 7, 35, "previews.c.namePattern",
                        "template c matches the declared environment pr-1"),
                err("tl-engine.yaml", 8, 53, "previews.d.overlay", "overlay \"../outside.yaml\" is outside the spec's folder"),
                err("tl-engine.yaml", 9, 53, "previews.e.overlay", "no overlay file environments/missing.yaml"),
                err("tl-engine.yaml", 9, 85, "previews.e.ttl", "expected a time to live such as 7d, 12h or 90m, found \"3w\""),
                err("tl-engine.yaml", 10, 3, "previews.f", "template f has no 'from'"),
                err("tl-engine.yaml", 10, 29, "previews.f.colour", "unknown key \"colour\""),
                err("tl-engine.yaml", 11, 35, "previews.g.namePattern", "templates a and g have the same namePattern"),
                err("tl-engine.yaml", 12, 47, "pullRequestEnvironments.from", "unknown environment \"nowhere\""));
    }

    @Test
    void aTemplateOverlayIsCheckedLikeAnyOverlayAndMayNotBeAnEnvironments() {
        SpecFixture.Loaded loaded = fixture().overlay("preview", """
                services:
                  apx: {}
                """).load(tmp);
        assertErrors(loaded, err("environments/preview.yaml", 2, 3, "services.apx", "unknown service \"apx\""));
        SpecFixture.Loaded shared = SpecFixture.base(BASE.replace("environments/preview.yaml", "environments/staging.yaml"))
                .overlay("staging", "{}").env("DATABASE_URL", "postgres://prod").load(tmp);
        assertErrors(shared, err("environments/staging.yaml", 0, 0, "",
                "a template's overlay is environment staging's overlay"));
    }

    @Test
    void parametersAreCheckedAgainstTheSettingsAndNameTheParameter() {
        Spec spec = load(fixture(), Set.of("pr-42"));
        Parameters p = Parameters.parse(List.of("api.deploy.numReplicas=2"), "feature-x", spec, "pr-42");
        assertEquals(Map.of("api", Map.of("deploy.numReplicas", 2L, "source.branch", "feature-x")), p.values());
        assertEquals(Set.of("api/deploy.numReplicas", "api/source.branch"), p.keys());
        assertEquals("b", Parameters.parse(List.of("api.source.branch=b"), "feature-x", spec, "pr-42")
                .values().get("api").get("source.branch"), "--set for one service wins over --branch");

        SpecException e = assertThrows(SpecException.class, () -> Parameters.parse(List.of(
                "apx.source.branch=x", "api.deploy.replicas=2", "api.deploy.numReplicas=two", "api.source.branch",
                "api.deploy.numReplicas=", "api.source.image=https://user:hunter2-pass@example.com/i"), null, spec, "pr-42"));
        String all = e.getMessage() + e.diagnostics().stream().map(Diagnostic::format).reduce("", String::concat);
        assertEquals(List.of(
                "--set api.deploy.numReplicas: expected an integer, found a string",
                "--set api.deploy.numReplicas: expected a value for deploy.numReplicas",
                "--set api.deploy.replicas: unknown setting \"deploy.replicas\"",
                "--set api.source.branch: expected SERVICE.SETTING=VALUE",
                "--set apx.source.branch: unknown service \"apx\""),
                e.diagnostics().stream().filter(Diagnostic::isError).limit(5)
                        .map(d -> d.location().file() + ": " + d.summary()).toList());
        assertFalse(all.contains("hunter2"), all);
    }

    @Test
    void aBranchNeedsARepository() {
        Spec spec = load(SpecFixture.base("""
                version: 1
                project: {name: p}
                environments: {production: {}}
                services:
                  web: {source: {image: nginx}}
                """), null);
        SpecException e = assertThrows(SpecException.class,
                () -> Parameters.parse(List.of("web.source.branch=x"), "y", spec, "production"));
        assertEquals(List.of("--branch: no service of production deploys a repository",
                        "--set web.source.branch: source.branch needs source.repo"),
                e.diagnostics().stream().map(d -> d.location().file() + ": " + d.summary()).toList());
    }

    @Test
    void recordedKeysKeepRailwaysValueUnlessGivenAgain() {
        Spec spec = load(fixture(), Set.of("pr-42"));
        EnvironmentSpec pr = spec.environment("pr-42").orElseThrow();
        Map<String, Map<String, Object>> railway = Map.of("api", Map.of("source.branch", "feature-x",
                "deploy.numReplicas", 5L));
        Set<String> recorded = Set.of("api/source.branch");
        EnvironmentSpec kept = Parameters.none().over(pr, recorded, railway);
        assertEquals("feature-x", kept.service("api").orElseThrow().settings().get("source.branch"),
                "a parameter's key keeps Railway's value when not given again");
        assertEquals(1L, kept.service("api").orElseThrow().settings().get("deploy.numReplicas"),
                "a key no parameter set stays the spec's");
        EnvironmentSpec changed = Parameters.parse(List.of(), "feature-y", spec, "pr-42").over(pr, recorded, railway);
        assertEquals("feature-y", changed.service("api").orElseThrow().settings().get("source.branch"));
        assertEquals("main", Parameters.none().over(pr, Set.of(), railway).service("api").orElseThrow()
                .settings().get("source.branch"), "nothing recorded: the spec's");
    }

    @Test
    void aPreviewInheritsNoSecretOfItsSourceAndAReferenceToAnUndeclaredSharedVariableIsAnError() {
        SpecFixture fixture = SpecFixture.base("""
                version: 1
                project: {name: p}
                environments:
                  production: {}
                  staging: {}
                sharedVariables:
                  DEBUG: "0"
                services:
                  api:
                    source: {repo: acme/api, branch: main}
                    variables:
                      DATABASE_URL: ${{shared.DATABASE_URL}}
                      DEBUG: ${{shared.DEBUG}}
                      API_KEY: {value: "${env:STAGING_API_KEY}", secret: true}
                previews:
                  pr: {from: staging, namePattern: "pr-{n}"}
                """)
                .overlay("staging", """
                        sharedVariables:
                          DATABASE_URL: ${env:STAGING_DATABASE_URL}
                        """)
                .env("STAGING_DATABASE_URL", "postgres://staging").env("STAGING_API_KEY", "fake-key");
        SpecException e = assertThrows(SpecException.class, () -> load(fixture, Set.of("pr-1")));
        assertEquals(1, e.errors().size(), e.errors()::toString);
        Diagnostic d = e.errors().get(0);
        assertEquals("api's variable DATABASE_URL references ${{shared.DATABASE_URL}}, which the preview pr-1 does not"
                + " declare", d.summary());
        assertTrue(d.detail().startsWith("A preview inherits no secret of staging: declare DATABASE_URL under"
                + " sharedVariables in its template's overlay"), d.detail());
        assertTrue(d.location().file().endsWith("tl-engine.yaml"), d.location()::toString);
        assertEquals(12, d.location().line(), "the reference, in the base");

        Spec staging = load(fixture, Set.of("staging"));
        assertEquals("postgres://staging", staging.environment("staging").orElseThrow().sharedVariables()
                .get("DATABASE_URL").value().reveal(), "staging keeps its own");
    }

    @Test
    void aTemplateThatSaysSoKeepsItsSourcesSecretsWhichAStagingJobsEnvSupplies() {
        SpecFixture fixture = SpecFixture.base("""
                version: 1
                project: {name: p}
                environments:
                  production: {}
                  staging: {}
                services:
                  api:
                    source: {repo: acme/api, branch: main}
                    variables:
                      DATABASE_URL: ${{shared.DATABASE_URL}}
                previews:
                  pr: {from: staging, namePattern: "pr-{n}", inheritSecrets: true}
                """)
                .overlay("production", """
                        sharedVariables:
                          DATABASE_URL: ${env:PRODUCTION_DATABASE_URL}
                        """)
                .overlay("staging", """
                        sharedVariables:
                          DATABASE_URL: ${env:STAGING_DATABASE_URL}
                        """)
                .env("STAGING_DATABASE_URL", "postgres://staging");
        Spec spec = load(fixture, Set.of("pr-1"));
        assertEquals("postgres://staging", spec.environment("pr-1").orElseThrow().sharedVariables().get("DATABASE_URL")
                .value().reveal(), "production's secret was never needed");
    }
}
