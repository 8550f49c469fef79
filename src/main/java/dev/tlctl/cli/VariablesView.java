package dev.tlctl.cli;

import dev.tlctl.audit.ListedVariable;
import dev.tlctl.reconcile.VariablesResult;
import dev.tlctl.secret.Shown;

/**
 * What {@code vars list} shows: a table per service for people (shared variables last), one JSON
 * document, or Markdown; chosen once per run by {@link #of}.
 */
interface VariablesView {
    void render(VariablesResult list);

    static VariablesView of(Terminal terminal, Format format, boolean showValues) {
        return switch (format) {
            case HUMAN -> new HumanVariablesView(terminal, showValues);
            case JSON -> new JsonVariablesView(terminal, showValues);
            case MARKDOWN -> new MarkdownVariablesView(terminal, showValues);
        };
    }

    /** The value as shown; a value not asked for says how to ask. */
    static String value(ListedVariable v, boolean showValues) {
        Shown shown = Shows.listed(v, showValues);
        return shown.form() == Shown.Form.HIDDEN ? "(hidden; --show-values shows it)" : shown.text();
    }

    static String origin(ListedVariable v) {
        String origin = v.declared() ? "declared" : "Railway only";
        return switch (v.form()) {
            case REFERENCE -> origin + ", reference";
            case SEALED -> origin + ", sealed";
            default -> origin;
        };
    }

    static String summary(VariablesResult list) {
        long declared = list.declared();
        long secrets = list.secrets();
        int n = list.variables().size();
        return n + (n == 1 ? " variable: " : " variables: ") + declared + " declared, " + (n - declared)
                + " on Railway only; " + secrets + (secrets == 1 ? " secret" : " secrets") + " (never shown).";
    }
}
