package dev.tlctl.live;

/**
 * A project's settings for Railway's own pull request environments, as {@code projectUpdate}
 * sets them and {@code Project} reads them back.
 *
 * @param enabled {@code prDeploys}
 * @param baseEnvironmentId the environment they are copied from; null: Railway's default
 *     (production)
 * @param focused {@code focusedPrEnvironments}: only the services a pull request touches deploy
 * @param bots {@code botPrEnvironments}: pull requests opened by bots get one too
 */
public record LivePullRequestSettings(boolean enabled, String baseEnvironmentId, boolean focused, boolean bots) {}
