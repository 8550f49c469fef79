package dev.tlctl.cli;

import dev.tlctl.reconcile.BillingResult;

/**
 * What {@code billing} and {@code billing check} show: the report, or the checks, for people, as
 * one JSON document, or as Markdown; chosen once per run.
 */
interface BillingView {
    /** {@code tlctl billing}: spend, projections and limits, top spenders first; failing checks in brief. */
    void report(BillingResult result);

    /** {@code tlctl billing check}: one line per failing check, then a summary. */
    void check(BillingResult result);

    static BillingView of(Terminal terminal, Format format) {
        return switch (format) {
            case JSON -> new JsonBillingView(terminal.out());
            case MARKDOWN -> new MarkdownBillingView(terminal.out());
            case HUMAN -> new HumanBillingView(terminal.out(), terminal.style());
        };
    }
}
