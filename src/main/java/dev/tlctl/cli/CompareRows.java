package dev.tlctl.cli;

import dev.tlctl.audit.Difference;
import dev.tlctl.reconcile.CompareResult;
import dev.tlctl.secret.Shown;

/** The cells and the summary line of a comparison, as the human and Markdown views print them. */
final class CompareRows {
    private final boolean showValues;

    CompareRows(boolean showValues) {
        this.showValues = showValues;
    }

    static String what(Difference d) {
        return switch (d.subject()) {
            case INSTANCE -> "instance";
            case SETTING -> "setting " + d.name();
            case VARIABLE -> "variable " + d.name();
        };
    }

    String left(Difference d) {
        return side(d.leftAddress(), d.left(), d);
    }

    String right(Difference d) {
        return side(d.rightAddress(), d.right(), d);
    }

    private String side(String address, Object value, Difference d) {
        if (address == null) {
            return "-";
        }
        if (d.subject() == Difference.Subject.INSTANCE) {
            return "exists";
        }
        Shown shown = Shows.value(value, d.sensitive(), showValues);
        if (shown.isNone()) {
            // A risk holds no value at all, only that both sides hold the same secret.
            return d.sensitive() ? Shown.MASKED.text() : "(not set)";
        }
        return shown.text();
    }

    static String finding(Difference d, CompareResult c) {
        return switch (d.type()) {
            case ONLY_LEFT -> "only in " + c.left();
            case ONLY_RIGHT -> "only in " + c.right();
            case DIFFERENT -> "differs" + (d.detail() == null ? "" : " (" + d.detail() + ")");
            case SHADOWS -> d.detail();
            case SAME_SECRET -> "RISK: " + d.detail();
        };
    }

    /** Every difference counted, also those not shown. */
    static String summary(CompareResult c) {
        CompareResult.Tally all = c.total();
        return "Compare " + c.left() + " vs " + c.right() + ": " + all.risks() + (all.risks() == 1 ? " risk, " : " risks, ")
                + all.undeclared() + (all.undeclared() == 1 ? " difference" : " differences") + " not declared in the spec, "
                + all.declared() + " declared"
                + (c.undeclaredOnly() && all.declared() > 0 ? " (not shown: --undeclared-only)" : "") + ".";
    }
}
