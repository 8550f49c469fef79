/**
 * Owns the sandbox: an embedded emulator of the part of Railway's public GraphQL API that
 * tlctl uses (its own SDL, graphql-java wiring, a store persisted to a file, an HTTP endpoint
 * on loopback, fault injection). A second, independent implementation: it imports nothing of
 * tlctl, so that a mistake in the client cannot hide in it. The only seam is a URL.
 *
 * <p>Public API: {@link dev.tlctl.sandbox.Sandbox}, {@link dev.tlctl.sandbox.SandboxConfig},
 * {@link dev.tlctl.sandbox.SandboxStats}, {@link dev.tlctl.sandbox.SandboxTokens},
 * {@link dev.tlctl.sandbox.SandboxUsage} and {@link dev.tlctl.sandbox.SandboxException};
 * everything else is package-private. The state is one {@code State} document; every read
 * view is derived from one EnvironmentConfig-shaped JSON store per environment
 * ({@code ConfigMapping} holds the mapping decisions, {@code InstanceRules} Railway's limits).
 */
package dev.tlctl.sandbox;
