/**
 * Owns the sandbox: an embedded emulator of the part of Railway's public GraphQL API that
 * tlctl uses (its own SDL, graphql-java wiring, a store persisted to a file, an HTTP endpoint
 * on loopback, fault injection). A second, independent implementation: it imports nothing of
 * tlctl, so that a mistake in the client cannot hide in it. The only seam is a URL.
 */
package dev.tlctl.sandbox;
