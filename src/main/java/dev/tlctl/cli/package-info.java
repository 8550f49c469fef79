/**
 * Owns the command line: picocli commands, option mixins, views (human, JSON, Markdown), exit
 * codes. May import everything but {@code apply} and {@code railway}: the core is reached through
 * {@code reconcile} only (LayerRulesTest).
 *
 * <p>Conventions every command follows (and the next ones, such as import, deploy, status):
 * <ul>
 *   <li>A command ({@code XCommand extends BaseCommand}) checks its options, turns them into a
 *       {@code reconcile} request record, calls the {@code Reconciler} once, hands the result to its
 *       view, and returns an {@link dev.tlctl.cli.ExitCodes exit code}. It holds no rule of the
 *       domain and never prints.
 *   <li>Its output is one interface, {@code XView}, with an implementation per form
 *       ({@code HumanXView}, {@code JsonXView}, {@code MarkdownXView} where the command offers
 *       {@code --output markdown}), chosen once per run by the interface's static factory
 *       {@code XView.of(terminal, format, ...)}. Views take the {@link dev.tlctl.cli.Terminal}
 *       (stdout, stderr, style, interactive), never a command; what two forms print alike lives in
 *       a small {@code XRows} helper. Result on stdout; progress, warnings and diagnostics on stderr.
 *   <li>Values reach the screen only through {@code Shows} (one display decision per value), text
 *       from Railway through {@code Printable} or {@code Table}, JSON through {@code Json} with
 *       {@code formatVersion}.
 *   <li>Failures: the core's arrive as {@code ReconcileException}, the command line's own are a
 *       {@link dev.tlctl.cli.CliException}; {@code ErrorHandler} maps both to stderr, the JSON
 *       error document and the exit code.
 * </ul>
 */
package dev.tlctl.cli;
