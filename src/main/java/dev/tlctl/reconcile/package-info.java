/**
 * Owns the workflow as a library: immutable requests in (target, environments, prune, saved plan,
 * options), results out. It loads the spec for the run's scope, reads the live project, plans and
 * applies, with the rules around them: which environments a run covers, what a project token may
 * do, the project's default environment, saved plans and their verification, and what tlctl
 * remembers between runs ({@code .tlctl/}, behind {@link dev.tlctl.reconcile.LocalRecords}). Never
 * prints and knows no command line: views live in {@code cli}. May import everything but sandbox.
 */
package dev.tlctl.reconcile;
