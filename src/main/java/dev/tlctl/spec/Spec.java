package dev.tlctl.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The desired state of one Railway project, read from {@code tl-engine.yaml} and its overlays:
 * the project, the services it declares, each environment's resolved state (base deep-merged
 * with that environment's overlay) and the workspace's usage limit. Environments keep the
 * order in which the spec declares them; the first is the project's default environment.
 */
public record Spec(
        Path file,
        ProjectSpec project,
        List<ServiceSpec> services,
        List<EnvironmentSpec> environments,
        BillingSpec billing,
        DriftSpec drift,
        List<Diagnostic> warnings,
        Previews previews,
        PullRequestEnvironmentsSpec pullRequestEnvironments) {

    public Spec {
        services = List.copyOf(services);
        environments = List.copyOf(environments);
        warnings = List.copyOf(warnings);
        java.util.Objects.requireNonNull(previews, "previews");
        java.util.Objects.requireNonNull(pullRequestEnvironments, "pullRequestEnvironments");
    }

    /** A spec without templates and without pull request environment settings. */
    public Spec(Path file, ProjectSpec project, List<ServiceSpec> services, List<EnvironmentSpec> environments,
            BillingSpec billing, DriftSpec drift, List<Diagnostic> warnings) {
        this(file, project, services, environments, billing, drift, warnings, Previews.none(),
                PullRequestEnvironmentsSpec.undeclared());
    }

    /**
     * Whether the spec declares {@code environment} under {@code environments:}; an environment
     * read from a template ({@link #previews()}) is in {@link #environments()} but not declared.
     */
    public boolean declares(String environment) {
        return environment(environment).isPresent() && previews.match(environment).isEmpty();
    }

    public Optional<EnvironmentSpec> environment(String name) {
        return environments.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public Optional<ServiceSpec> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The environment created together with the project (the first one declared). */
    public EnvironmentSpec defaultEnvironment() {
        return environments.get(0);
    }

    /**
     * This spec with more warnings (found by checks beyond the reader's, such as the billing
     * guards), all in file, line and column order.
     */
    public Spec withWarnings(List<Diagnostic> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Diagnostic> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        all.sort(java.util.Comparator.comparing((Diagnostic d) -> d.location().file())
                .thenComparingInt(d -> d.location().line())
                .thenComparingInt(d -> d.location().column()));
        return new Spec(file, project, services, environments, billing, drift, all, previews, pullRequestEnvironments);
    }

    /** This spec with {@code environment} in place of the environment of the same name. */
    public Spec withEnvironment(EnvironmentSpec environment) {
        return new Spec(file, project, services, environments.stream()
                .map(e -> e.name().equals(environment.name()) ? environment : e).toList(), billing, drift, warnings,
                previews, pullRequestEnvironments);
    }

    /** This spec restricted to the named environments (for {@code --env}), in spec order. */
    public Spec onlyEnvironments(java.util.Collection<String> names) {
        return new Spec(file, project, services,
                environments.stream().filter(e -> names.contains(e.name())).toList(), billing, drift, warnings, previews,
                pullRequestEnvironments);
    }
}
