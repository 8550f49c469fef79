/**
 * Owns the workflow as a library, and is the only door into tlctl's core: a front end (the
 * command line, a test, a GitHub Action) opens a {@link dev.tlctl.reconcile.Reconciler} on a spec
 * and an {@link dev.tlctl.reconcile.Endpoint} and calls it with immutable requests; it gets
 * results back. It loads the spec for the run's scope, reads the live project, plans, audits and
 * applies, with the rules around them: which environments a run covers, what a project token may
 * do, the project's default environment, saved plans and their verification, and what tlctl
 * remembers between runs (its records on Railway; {@code .tlctl/} as a cache, behind
 * {@link dev.tlctl.reconcile.LocalRecords}). Never prints and knows no command line.
 *
 * <p>Conventions every entry point follows (and the next ones, such as import, deploy, status):
 * <ul>
 *   <li>One request record in, one result record out, both of this package: {@code XRequest}
 *       (what to do, and nothing a front end must compute) and {@code XResult} (what happened, with
 *       its own tallies, so that no view counts). A result may hold the lower layers' records
 *       ({@code spec}, {@code live}, {@code plan}, {@code audit}), never the client's or the
 *       applier's.
 *   <li>One failure type: whatever fails below is translated here ({@code Failures}) into a
 *       {@link dev.tlctl.reconcile.ReconcileException} with a kind (its exit code), a summary, a
 *       detail and, for an unusable spec, its diagnostics. A new lower-layer exception is added
 *       there, never caught by a front end.
 *   <li>The types the API speaks are this package's: {@link dev.tlctl.reconcile.Credentials},
 *       {@link dev.tlctl.reconcile.StagedPolicy}, the apply's progress
 *       ({@link dev.tlctl.reconcile.ApplyObserver}, {@link dev.tlctl.reconcile.ApplyStep}) and
 *       approval, and the {@link dev.tlctl.reconcile.Effects} a front end passes in (clock,
 *       {@link dev.tlctl.reconcile.Sleeper}, {@link dev.tlctl.reconcile.RequestListener}), so that
 *       no front end imports {@code railway} or {@code apply}.
 * </ul>
 * May import everything but sandbox.
 */
package dev.tlctl.reconcile;
