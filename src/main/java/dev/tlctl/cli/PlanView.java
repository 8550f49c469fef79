package dev.tlctl.cli;

import dev.tlctl.reconcile.PlanResult;

/**
 * What {@code plan} shows: the plan for people, as one JSON document, or as Markdown for a pull
 * request comment; chosen once per run by {@link #of}.
 */
interface PlanView {
    void render(PlanResult result);

    /** The plan was saved to {@code file}; {@code command} applies it (stderr in every form). */
    void saved(String file, String command);

    static PlanView of(Terminal terminal, Format format, boolean showValues) {
        return switch (format) {
            case HUMAN -> new HumanPlanView(terminal, showValues);
            case JSON -> new JsonPlanView(terminal, showValues);
            case MARKDOWN -> new MarkdownPlanView(terminal, showValues);
        };
    }
}
