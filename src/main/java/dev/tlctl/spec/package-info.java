/**
 * Owns the desired state: records for the project, environments, services, variables and
 * billing, and reading them from {@code tl-engine.yaml} plus {@code environments/<name>.yaml}
 * overlays, with {@code ${env:...}}/{@code ${file:...}} references and line-numbered diagnostics.
 * May import: secret.
 */
package dev.tlctl.spec;
