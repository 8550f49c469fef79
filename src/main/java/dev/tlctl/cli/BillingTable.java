package dev.tlctl.cli;

import dev.tlctl.audit.BillingReport;
import dev.tlctl.audit.BillingReport.EnvironmentCost;
import dev.tlctl.audit.BillingReport.ServiceCost;
import dev.tlctl.audit.BillingReport.Spend;
import dev.tlctl.audit.Money;
import dev.tlctl.audit.Prices;
import dev.tlctl.reconcile.BillingResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows and sentences the human and Markdown billing views share: the workspace, the project,
 * the previews summed (when there are any), then each environment and its services, top spenders first, each with spent, projected and
 * percent of the soft and hard limits.
 */
final class BillingTable {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private BillingTable() {}

    /** One row: its depth (0 workspace and project, 1 environment, 2 service), label and figures as text. */
    record Row(int depth, String label, String environment, String spent, String projected, String ofSoft, String ofHard) {}

    static final List<String> HEADERS = List.of("spent", "projected", "% of soft", "% of hard");

    static List<Row> rows(BillingResult result) {
        BillingReport r = result.report();
        List<Row> rows = new ArrayList<>();
        String workspace = result.live().workspace().name();
        rows.add(row(r, 0, "workspace" + (workspace == null ? "" : " " + workspace), null, r.workspace()));
        rows.add(row(r, 0, "project " + result.live().project().name(), null, r.project()));
        if (!r.previews().isEmpty()) {
            rows.add(row(r, 0, previews(r.previews()), null, r.previews().spend()));
        }
        for (EnvironmentCost e : r.environments()) {
            rows.add(row(r, 1, e.name(), null, e.spend()));
            for (ServiceCost s : e.services()) {
                rows.add(row(r, 2, s.name(), e.name(), s.spend()));
            }
        }
        return rows;
    }

    /** "previews (2: pr-1, pr-2)": the row that sums them; each keeps its own environment row. */
    static String previews(BillingReport.PreviewGroup previews) {
        return "previews (" + previews.environments().size() + ": " + String.join(", ", previews.environments()) + ")";
    }

    private static Row row(BillingReport r, int depth, String label, String environment, Spend spend) {
        return new Row(depth, label, environment, Money.dollars(spend.spentDollars()), Money.dollars(spend.projectedDollars()),
                percent(spend.spentDollars(), r.softLimitDollars()), percent(spend.spentDollars(), r.hardLimitDollars()));
    }

    private static String percent(double dollars, Integer limit) {
        Double percent = BillingReport.percentOf(dollars, limit);
        return percent == null ? "-" : Money.percent(percent);
    }

    /** "project tl-engine in workspace team". */
    static String title(BillingResult result) {
        String workspace = result.live().workspace().name();
        return "project " + result.live().project().name() + (workspace == null ? "" : " in workspace " + workspace);
    }

    /** "Period 2026-11-01 to 2026-12-01, 97% gone (as of 2026-11-30 08:00 UTC)". */
    static String period(BillingReport r) {
        return "Period " + date(r.periodStart()) + " to " + date(r.periodEnd()) + ", "
                + Money.percent(r.elapsedFraction() * 100) + " gone (as of " + MINUTE.format(r.asOf()) + ")";
    }

    /** The usage limit and the line billing check draws. */
    static String limits(BillingReport r) {
        if (r.softLimitDollars() == null || r.softLimitDollars() == 0) {
            return "Usage limit: no soft limit on Railway (nobody is alerted)"
                    + (r.hardLimitDollars() == null ? "" : ", hard " + Money.plain(r.hardLimitDollars()) + " (stops services)");
        }
        return "Usage limit: soft " + Money.plain(r.softLimitDollars()) + " (email alert), "
                + (r.hardLimitDollars() == null ? "no hard limit" : "hard " + Money.plain(r.hardLimitDollars())
                        + " (stops services)")
                + "; billing check fails at " + r.warnAtPercent() + "% of the soft limit (" + Money.dollars(r.warnAtDollars())
                + ")";
    }

    /** What is Railway's figure and what is an estimate, at which prices. */
    static String estimates(BillingReport r) {
        Prices p = r.prices();
        String prices = Money.plain(p.vCPUMonthDollars()) + " a vCPU-month, " + Money.plain(p.memoryGBMonthDollars())
                + " a GB-month of memory, " + Money.plain(p.diskGBMonthDollars()) + " a GB-month of disk, "
                + Money.plain(p.networkEgressGBDollars()) + " a GB sent";
        return "The workspace's spent figure is Railway's (every project of the workspace); the rest are estimates from"
                + " the project's usage at " + (p.fromSpec() ? "the spec's prices (billing.prices: " : "Railway's list prices (")
                + prices + "), and every projection is linear to the end of the period."
                + (r.railwayEstimateDollars() == null ? ""
                        : " Railway estimates the project at " + Money.dollars(r.railwayEstimateDollars()) + " for the period.");
    }

    /** The summary after the checks: what was spent and projected against the soft limit. */
    static String spendSummary(BillingReport r) {
        String spent = Money.dollars(r.workspace().spentDollars());
        String projected = Money.dollars(r.workspace().projectedDollars());
        Integer soft = r.softLimitDollars();
        if (soft == null || soft == 0) {
            return "Spent " + spent + ", projected " + projected + "; no soft limit.";
        }
        return "Spent " + spent + ", " + Money.percent(BillingReport.percentOf(r.workspace().spentDollars(), soft))
                + " of the " + Money.plain(soft) + " soft limit; projected " + projected + ", "
                + Money.percent(BillingReport.percentOf(r.workspace().projectedDollars(), soft)) + "; fails at "
                + r.warnAtPercent() + "%.";
    }

    private static String date(Instant instant) {
        String text = instant.toString();
        return text.endsWith("T00:00:00Z") ? text.substring(0, 10) : MINUTE.format(instant);
    }
}
