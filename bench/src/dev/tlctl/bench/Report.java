package dev.tlctl.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results as Markdown (for people and the README) and CSV (for tools). */
final class Report {
    static final String HELLO = "bare java hello-world";
    static final String BEFORE = "before: ";
    static final String LAUNCHER = "launcher: ";
    static final String DIRECT = "launcher's java command, no sh: ";
    static final String SH = "sh -c true";
    static final String DRY_RUN = "bin/tlctl dry run (no java)";

    final String machine;
    final String latency;
    final int parallelism;
    final String sandboxMode;
    final List<Bench.Row> rows = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<String> checked = new ArrayList<>();
    /** The JDKs tlctl ran on, described. */
    List<String> jdks = List.of();
    /** Start-up per JDK name. */
    final Map<String, Startup.Result> startup = new LinkedHashMap<>();
    /** The first run from a cached jar per JDK name. */
    final Map<String, Proc.Result> firstRun = new LinkedHashMap<>();
    Duration took = Duration.ZERO;
    /** Runs of tlctl's repeatable rows (see Bench.Operation). */
    int gridRuns = 1;

    Report(String machine, String latency, int parallelism, String sandboxMode) {
        this.machine = machine;
        this.latency = latency;
        this.parallelism = parallelism;
        this.sandboxMode = sandboxMode;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(machine).append(".  \n");
        md.append(String.format(Locale.ROOT, "Whole run: %d min %02d s; load average at the end %s.%n%n",
                took.toMinutes(), took.toSecondsPart(), Machine.loadAverage()));
        md.append("tlctl ran on: ").append(String.join(", ", jdks)).append(" (JDK 17-24: an AppCDS archive;"
                + " JDK 25+: an AOT cache).\n\n");
        List<Targets.Line> targets = Targets.of(this);
        if (!targets.isEmpty()) {
            md.append("Issue 22's targets (wall times are medians for start-up; for the grid, the median of "
                    + gridRuns + " run" + (gridRuns == 1 ? "" : "s") + " for plan and drift, one run for apply from"
                    + " empty; CPU is user + system time of all the process's threads):\n\n");
            md.append("| target | JDK | measured | goal | verdict |\n|---|---|---:|---|---|\n");
            for (Targets.Line t : targets) {
                md.append("| ").append(t.target()).append(" | ").append(t.jdk()).append(" | ").append(t.measured())
                        .append(" | ").append(t.goal()).append(" | ").append(t.verdict()).append(" |\n");
            }
            md.append('\n');
        }
        if (!rows.isEmpty()) {
            md.append("Sandbox (").append(sandboxMode.equals("serve") ? "`tlctl sandbox serve`, state file"
                    : "in memory, own process").append(", Railway's creation quotas and delays off: tlctl sends its"
                    + " environment creates at once and would space them only after a refusal) latency ").append(latency)
                    .append(" per request; warmed at each size by an unmeasured apply from empty and plan of both clients, then"
                    + " reset (Railway is a warm server); baseline parallelism ")
                    .append(parallelism).append(". Size = services x environments x variables per service. ")
                    .append("x = baseline / tlctl.\n\n");
            md.append("| size | operation | JDK | requests tlctl | requests baseline | x | wall tlctl | wall baseline | x "
                    + "| CPU tlctl | CPU sandbox | peak RSS tlctl | peak RSS baseline | deployments tlctl | deployments baseline |\n");
            md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Bench.Row r : rows) {
                md.append("| ").append(r.size()).append(" | ").append(r.operation().name()).append(" | ").append(r.jdk())
                        .append(" | ").append(r.tlctl().requests()).append(" | ").append(r.baseline().requests())
                        .append(" | ").append(ratio(r.baseline().requests(), r.tlctl().requests()))
                        .append(" | ").append(seconds(r.tlctl().wallMs())).append(" | ").append(seconds(r.baseline().wallMs()))
                        .append(" | ").append(ratio(r.baseline().wallMs(), r.tlctl().wallMs()))
                        .append(" | ").append(r.tlctl().cpuMs() < 0 ? "?" : seconds(r.tlctl().cpuMs()))
                        .append(" | ").append(r.tlctl().sandboxCpuMs() < 0 ? "?" : seconds(r.tlctl().sandboxCpuMs()))
                        .append(" | ").append(mib(r.tlctl().maxRssKiB())).append(" | ").append(mib(r.baseline().maxRssKiB()))
                        .append(" | ").append(r.tlctl().deployments()).append(" | ").append(r.baseline().deployments())
                        .append(" |\n");
            }
            md.append('\n');
            if (!checked.isEmpty()) {
                md.append("End state checked equal (shared variables and the first and last service's variables of "
                        + "the last environment, read through the API) for: ").append(String.join(", ", checked))
                        .append(".  \n");
            }
            md.append("`drift` runs after the no-op apply (no drift, exit 0); the baseline has no audit, so its"
                    + " row is its plan, the per-resource read an audit needs.  \n");
            md.append(gridRuns > 1 ? "tlctl's `plan`, `apply, no-op` and `drift` rows: the run of median wall time of "
                    + gridRuns + " (their CPU and RSS are that run's); the rows that change the project, and the"
                    + " baseline's, are one run each.\n" : "Every row is one run.\n");
            for (String note : notes) {
                md.append("\n**").append(note).append("**\n");
            }
            md.append('\n');
        }
        startup.forEach((jdk, result) -> startupMarkdown(md, jdk, result));
        if (!firstRun.isEmpty()) {
            md.append("\nFirst run from a cached jar (a fresh copy of `bin/tlctl` and the jar, no start-up archive yet:"
                    + " `bin/tlctl plan --sandbox` while the launcher makes the archive in the background): ");
            List<String> runs = new ArrayList<>();
            firstRun.forEach((jdk, r) -> runs.add(String.format(Locale.ROOT, "%s %.1f s (CPU %.1f s, %s)", jdk,
                    r.millis() / 1000, r.cpuMs() / 1000, mib(r.maxRssKiB()))));
            md.append(String.join("; ", runs)).append(".\n");
        }
        return md.toString();
    }

    private void startupMarkdown(StringBuilder md, String jdk, Startup.Result result) {
        double hello = result.medians().get(HELLO);
        md.append(String.format(Locale.ROOT, "%nStart-up on %s, cold (a new JVM each run), median of %d interleaved"
                + " rounds; x = ratio to a bare `java` hello-world on the same JDK (%.0f ms) measured in the same"
                + " rounds; CPU and peak RSS from one more round. Before: `java %s -jar target/tlctl.jar`."
                + " Launcher: `bin/tlctl`.%n%n", jdk, result.rounds(), hello,
                String.join(" ", Bench.OLD_LAUNCHER_OPTIONS)));
        md.append("| command | before | x | launcher | x | target | CPU launcher | peak RSS before | peak RSS launcher |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String name : result.medians().keySet()) {
            if (!name.startsWith(LAUNCHER)) {
                continue;
            }
            String command = name.substring(LAUNCHER.length());
            double before = result.medians().get(BEFORE + command);
            double after = result.medians().get(name);
            Double target = Targets.STARTUP.get(command);
            Double cpu = result.cpu().get(name);
            md.append(String.format(Locale.ROOT, "| `%s` | %.0f ms | %.1f | %.0f ms | %.1f | %s | %s | %s | %s |%n",
                    command, before, before / hello, after, after / hello,
                    target == null ? "" : String.format(Locale.ROOT, "%.1f (%s)", target,
                            Targets.verdict(after / hello, target)),
                    cpu == null || cpu < 0 ? "?" : String.format(Locale.ROOT, "%.0f ms", cpu),
                    mib(result.maxRss().getOrDefault(BEFORE + command, -1L)),
                    mib(result.maxRss().getOrDefault(name, -1L))));
        }
        Double direct = result.medians().get(DIRECT + "--version");
        Double viaSh = result.medians().get(LAUNCHER + "--version");
        Double dryRun = result.medians().get(DRY_RUN);
        Double sh = result.medians().get(SH);
        if (direct != null && viaSh != null && dryRun != null && sh != null) {
            md.append(String.format(Locale.ROOT, "%nThe launcher's own cost: its dry run (every check, no java; "
                    + "`TLCTL_LAUNCHER_DRY_RUN=1`) %.1f ms, an empty `sh -c true` %.1f ms (medians of 50); "
                    + "`bin/tlctl --version` %.0f ms against %.0f ms for the same java command run directly.%n",
                    dryRun, sh, viaSh, direct));
        }
    }

    /** The grid, one line per size and operation, both clients and their ratios. */
    String csv() {
        StringBuilder csv = new StringBuilder("size,services,environments,variables,operation,jdk,"
                + "tlctl_requests,baseline_requests,requests_ratio,tlctl_mutations,baseline_mutations,"
                + "tlctl_wall_ms,baseline_wall_ms,wall_ratio,tlctl_max_rss_kib,baseline_max_rss_kib,"
                + "tlctl_deployments,baseline_deployments,tlctl_exit,baseline_exit,tlctl_cpu_ms,sandbox_cpu_ms_during_tlctl\n");
        for (Bench.Row r : rows) {
            Size s = r.size();
            Bench.Measure t = r.tlctl();
            Bench.Measure b = r.baseline();
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%s,%s,%d,%d,%s,%d,%d,%.0f,%.0f,%s,%d,%d,%d,%d,%d,%d,%.0f,%.0f%n",
                    s, s.services(), s.environments(), s.variables(), quote(r.operation().name()), quote(r.jdk()),
                    t.requests(), b.requests(), csvRatio(b.requests(), t.requests()), t.mutations(), b.mutations(),
                    t.wallMs(), b.wallMs(), csvRatio(b.wallMs(), t.wallMs()), t.maxRssKiB(), b.maxRssKiB(),
                    t.deployments(), b.deployments(), t.exit(), b.exit(), t.cpuMs(), t.sandboxCpuMs()));
        }
        return csv.toString();
    }

    /** Start-up, one line per command: median, ratio to the hello-world, peak RSS. */
    String startupCsv() {
        StringBuilder csv = new StringBuilder("jdk,command,median_ms,ratio_to_hello,max_rss_kib,cpu_ms\n");
        startup.forEach((jdk, result) -> {
            double hello = result.medians().get(HELLO);
            result.medians().forEach((name, ms) -> csv.append(String.format(Locale.ROOT, "%s,%s,%.1f,%.2f,%d,%.0f%n",
                    quote(jdk), quote(name), ms, ms / hello, result.maxRss().getOrDefault(name, -1L),
                    result.cpu().getOrDefault(name, -1.0))));
        });
        return csv.toString();
    }

    private static String csvRatio(double baseline, double tlctl) {
        return tlctl == 0 ? "" : String.format(Locale.ROOT, "%.2f", baseline / tlctl);
    }

    private static String quote(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    static String ratio(double baseline, double tlctl) {
        if (tlctl == 0) {
            return baseline == 0 ? "-" : "inf";
        }
        double r = baseline / tlctl;
        return String.format(Locale.ROOT, r >= 100 ? "%.0f" : r >= 10 ? "%.0f" : "%.1f", r);
    }

    static String seconds(double ms) {
        return ms >= 10_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000)
                : String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }

    static String mib(long kib) {
        return kib < 0 ? "?" : String.format(Locale.ROOT, "%.0f MiB", kib / 1024.0);
    }
}
