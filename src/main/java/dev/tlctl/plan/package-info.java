/**
 * Owns the plan: a pure function (spec, live) to a {@code Plan} of changes with addresses such
 * as {@code staging/engine-api/variable/DATABASE_URL}. No I/O. May import: spec, live, secret.
 */
package dev.tlctl.plan;
