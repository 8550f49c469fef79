package dev.tlctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.audit.Difference;
import dev.tlctl.audit.DriftFinding;
import dev.tlctl.audit.DriftReport;
import dev.tlctl.audit.ListedVariable;
import dev.tlctl.plan.Address;
import dev.tlctl.reconcile.CompareResult;
import dev.tlctl.reconcile.DriftResult;
import dev.tlctl.reconcile.VariablesResult;
import dev.tlctl.reconcile.Version;
import dev.tlctl.secret.Shown;
import java.util.List;
import java.util.Locale;

/**
 * The public JSON documents of the audits, {@code formatVersion} 1: {@code kind} "drift",
 * "comparison" and "variables". A secret's value is never in them (null, with
 * {@code sensitive: true}); other variable values only with {@code --show-values}; settings always.
 */
final class AuditDocuments {
    private AuditDocuments() {}

    record DriftDocument(int formatVersion, String kind, String tlctl, String createdAt, String endpoint, Project project,
            List<String> environments, boolean drifted, List<Finding> findings, List<RiskEntry> risks, List<String> notes,
            List<Diagnostics.Entry> warnings, DriftSummary summary) {}

    /** A secret of {@code address} with the same value as {@code otherAddress}'s, in another environment. */
    record RiskEntry(String address, String otherAddress, String detail) {}

    record Project(String name, String id) {}

    /** One finding; {@code railway} and {@code spec} are each side's value (null: none there, or not shown). */
    record Finding(String address, String kind, String environment, String service, String name, String side,
            String direction, String explanation, String detail, boolean sensitive, JsonNode railway, JsonNode spec) {}

    record DriftSummary(int findings, long onlyOnRailway, long onlyInSpec, long different, int ignored, int risks) {}

    record ComparisonDocument(int formatVersion, String kind, String tlctl, String project, String left, String right,
            List<DifferenceEntry> differences, List<String> notes, ComparisonSummary summary) {}

    record DifferenceEntry(String type, String subject, String service, String name, String leftAddress,
            String rightAddress, boolean sensitive, boolean declared, boolean risk, String detail, JsonNode left,
            JsonNode right) {}

    /** Risks, then the other differences: not declared in the spec, and declared. */
    record ComparisonSummary(long risks, long undeclared, long declared) {}

    record VariablesDocument(int formatVersion, String kind, String tlctl, String project, String environment,
            String service, List<VariableEntry> variables) {}

    /** {@code origin}: "declared" or "railway" (on Railway only); {@code form}: value, reference, sealed, unreadable. */
    record VariableEntry(String service, String name, String origin, String form, boolean sensitive, String value) {}

    static DriftDocument drift(DriftResult result, boolean showValues) {
        DriftReport report = result.report();
        var project = result.planned().live().project();
        return new DriftDocument(Json.FORMAT_VERSION, "drift", Version.current(), result.planned().createdAt().toString(),
                result.planned().endpoint(), new Project(report.project(), project == null ? null : project.id()),
                report.environments(), report.drifted(),
                report.findings().stream().map(f -> finding(f, showValues)).toList(),
                report.risks().stream().map(r -> new RiskEntry(r.address(), r.other(), r.detail())).toList(), report.notes(),
                Diagnostics.json(result.planned().warnings()),
                new DriftSummary(report.findings().size(), report.count(DriftFinding.Side.ONLY_ON_RAILWAY),
                        report.count(DriftFinding.Side.ONLY_IN_SPEC), report.count(DriftFinding.Side.DIFFERENT),
                        report.ignored(), report.risks().size()));
    }

    private static Finding finding(DriftFinding f, boolean showValues) {
        Address a = f.address();
        return new Finding(a.text(), lower(a.kind()), a.environment(), a.service(), a.name(), lower(f.side()),
                lower(f.direction()), f.explanation(), f.detail(), f.sensitive(), value(f.railway(), f.sensitive(), showValues),
                value(f.spec(), f.sensitive(), showValues));
    }

    /** The differences held (with --undeclared-only, those only), and their tallies. */
    static ComparisonDocument comparison(CompareResult c, boolean showValues) {
        CompareResult.Tally shown = c.shown();
        return new ComparisonDocument(Json.FORMAT_VERSION, "comparison", Version.current(), c.project(), c.left(),
                c.right(), c.differences().stream().map(d -> difference(d, showValues)).toList(), c.notes(),
                new ComparisonSummary(shown.risks(), shown.undeclared(), shown.declared()));
    }

    private static DifferenceEntry difference(Difference d, boolean showValues) {
        return new DifferenceEntry(lower(d.type()), lower(d.subject()), d.service(), d.name(), d.leftAddress(),
                d.rightAddress(), d.sensitive(), d.declared(), d.risk(), d.detail(), value(d.left(), d.sensitive(), showValues),
                value(d.right(), d.sensitive(), showValues));
    }

    static VariablesDocument variables(VariablesResult list, boolean showValues) {
        return new VariablesDocument(Json.FORMAT_VERSION, "variables", Version.current(), list.project(), list.environment(),
                list.service(), list.variables().stream().map(v -> variable(v, showValues)).toList());
    }

    private static VariableEntry variable(ListedVariable v, boolean showValues) {
        Shown shown = Shows.listed(v, showValues);
        String value = shown.isText() ? shown.text() : null;
        return new VariableEntry(v.service(), v.name(), v.declared() ? "declared" : "railway", lower(v.form()),
                v.sensitive(), value);
    }

    /** A value for JSON: a secret or a hidden variable is null; settings and usage limits as themselves. */
    static JsonNode value(Object value, boolean sensitive, boolean showValues) {
        return Shows.json(Shows.value(value, sensitive, showValues));
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
