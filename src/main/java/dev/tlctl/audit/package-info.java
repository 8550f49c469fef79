/**
 * Owns audits: drift (declared against live, environment against environment) and billing
 * checks, as report records. May import: spec, live, plan, railway, secret.
 */
package dev.tlctl.audit;
