/**
 * Owns the masked value type and fingerprints: a secret travels as {@link dev.tlctl.secret.Secret},
 * whose {@code toString()} never shows it. A leaf: imports nothing else of tlctl.
 */
package dev.tlctl.secret;
