/**
 * Owns audits as pure functions over spec and live records, returning report records: drift
 * (declared against live, environment against environment), variable listings, billing (spend
 * against the usage limit, estimates at unit prices, linear projection, the checks of
 * {@code billing check}) and the spec's guards per environment. No I/O, no clock of its own: the
 * time comes in as a value. May import: spec, live, plan, secret.
 */
package dev.tlctl.audit;
