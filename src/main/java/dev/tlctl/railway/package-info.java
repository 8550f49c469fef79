/**
 * Owns the Railway API client: transport (okhttp), authentication, retries and rate limits,
 * one {@code .graphql} document per operation in resources (batched into one request with
 * graphql-java's parser and printer, the only part of graphql-java it uses), and mapping wire
 * JSON to {@code live} records. May import: live, secret (never spec or plan).
 */
package dev.tlctl.railway;
