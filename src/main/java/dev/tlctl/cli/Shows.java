package dev.tlctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.audit.ListedVariable;
import dev.tlctl.plan.Values;
import dev.tlctl.secret.Shown;

/**
 * Where every view and document decides how a result value is shown, once per value: a
 * {@link Shown} made from the value, whether it is a secret, and whether values were asked for;
 * then its text for people and Markdown, or its JSON form. No view prints a value any other way.
 */
final class Shows {
    private Shows() {}

    /** A value of a plan or an audit (a variable's, a setting's, a usage limit). */
    static Shown value(Object value, boolean sensitive, boolean showValues) {
        return Values.shown(value, sensitive, showValues);
    }

    /** A live variable as {@code vars list} shows it: references always (unless secret), values when asked. */
    static Shown listed(ListedVariable v, boolean showValues) {
        return switch (v.form()) {
            case SEALED -> Shown.SEALED;
            case UNREADABLE -> Shown.UNREADABLE;
            case REFERENCE -> Shown.of(v.value(), v.sensitive(), true);
            case VALUE -> Shown.of(v.value(), v.sensitive(), showValues);
        };
    }

    /** The JSON of a shown value: its JSON form when shown, else null. */
    static JsonNode json(Shown shown) {
        if (!shown.isText()) {
            return null;
        }
        JsonNode node = Json.MAPPER.valueToTree(shown.json());
        return node == null || node.isNull() ? null : node;
    }

    /** Text for people: shown text in quotes when it is a string, else as it reads ("(sensitive)", 2). */
    static String quoted(Shown shown) {
        if (shown.isNone()) {
            return "(none)";
        }
        return shown.isText() && shown.json() instanceof String ? "\"" + shown.text() + "\"" : shown.text();
    }
}
