package dev.tlctl.spec;

/**
 * Railway's own pull request environments as the spec sets them ({@code pullRequestEnvironments:}),
 * the project settings of {@code projectUpdate}. A null field is not managed: tlctl leaves
 * Railway's value alone.
 *
 * @param enabled {@code prDeploys}
 * @param from the base environment's name ({@code baseEnvironmentId} once resolved)
 * @param focused {@code focusedPrEnvironments}: deploy only the services a pull request touches
 * @param bots {@code botPrEnvironments}: environments for pull requests opened by bots
 * @param location where the spec writes them; null when it does not
 */
public record PullRequestEnvironmentsSpec(Boolean enabled, String from, Boolean focused, Boolean bots,
        Location location) {

    /** The spec writes no {@code pullRequestEnvironments:}: every setting is Railway's. */
    public static PullRequestEnvironmentsSpec undeclared() {
        return new PullRequestEnvironmentsSpec(null, null, null, null, null);
    }

    /** Whether the spec writes the section at all. */
    public boolean declared() {
        return location != null;
    }
}
