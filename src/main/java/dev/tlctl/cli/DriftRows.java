package dev.tlctl.cli;

import dev.tlctl.audit.DriftFinding;
import dev.tlctl.audit.DriftFinding.Side;
import dev.tlctl.audit.DriftReport;
import dev.tlctl.plan.Address;
import dev.tlctl.secret.Shown;

/** The cells and the summary line of a drift report, as the human and Markdown views print them. */
final class DriftRows {
    private final boolean showValues;

    DriftRows(boolean showValues) {
        this.showValues = showValues;
    }

    static String what(Address a) {
        return switch (a.kind()) {
            case PROJECT -> a.name() == null ? "project" : a.name();
            case SERVICE -> "service " + a.service();
            case ENVIRONMENT -> "environment";
            case INSTANCE -> "instance";
            case SETTING -> "setting " + a.name();
            case VARIABLE, SHARED_VARIABLE -> "variable " + a.name();
            case USAGE_LIMIT -> "usage limit";
            case VOLUME -> "volume " + a.name();
            case DOMAIN -> "domain " + a.name();
            case VOLUME_MOUNT -> "volume at " + a.name();
        };
    }

    String railway(DriftFinding f) {
        return value(Shows.value(f.railway(), f.sensitive(), showValues), f.side() != Side.ONLY_IN_SPEC, f);
    }

    String spec(DriftFinding f) {
        return value(Shows.value(f.spec(), f.sensitive(), showValues), f.side() != Side.ONLY_ON_RAILWAY, f);
    }

    /** A side's value; for what has no value (a service, an instance), whether it exists there. */
    private static String value(Shown shown, boolean present, DriftFinding f) {
        if (!shown.isNone()) {
            return shown.text();
        }
        if (!present) {
            return "-";
        }
        boolean valued = f.address().kind() == Address.Kind.SETTING || f.address().isVariable();
        return valued ? "(sealed)" : "exists";
    }

    static String finding(DriftFinding f) {
        return f.explanation() + (f.detail() == null ? "" : "; " + f.detail());
    }

    static String summary(DriftReport report) {
        int n = report.findings().size();
        String ignored = report.ignored() == 0 ? "" : "; " + report.ignored() + " ignored by drift.ignore";
        int r = report.risks().size();
        if (r > 0) {
            ignored = "; " + r + (r == 1 ? " risk" : " risks") + ignored;
        }
        if (n == 0) {
            return "Drift: " + (r == 0 ? "none" : "no differences") + ignored + ".";
        }
        return "Drift: " + n + (n == 1 ? " difference" : " differences") + " (" + report.count(Side.ONLY_ON_RAILWAY)
                + " on Railway only, " + report.count(Side.ONLY_IN_SPEC) + " in the YAML only, "
                + report.count(Side.DIFFERENT) + " different)" + ignored + ".";
    }
}
