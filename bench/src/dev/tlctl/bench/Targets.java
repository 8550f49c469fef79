package dev.tlctl.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 22's targets, checked against a run: each line says what was measured on which JDK, the
 * goal, and "met" or how far off it is (measured / goal). A target whose size or command the run
 * did not measure is left out. Targets are read, not enforced: the run's exit status reports only
 * failed correctness checks.
 */
final class Targets {
    /** Cold start-up, as ratios to a bare-JVM hello-world on the same JVM. */
    static final Map<String, Double> STARTUP = Map.of("validate", 2.5, "plan (loopback sandbox)", 3.5,
            "plan --sandbox", 5.0);
    /** The size the grid's targets are set at. */
    static final String SIZE = "50x10x200";
    static final double PLAN_SECONDS = 1.0;
    static final double PLAN_MIB = 150;
    static final double DRIFT_SECONDS = 1.2;
    static final double APPLY_SECONDS = 3.0;
    static final double FIRST_RUN_SECONDS = 10.0;

    /** One checked target. */
    record Line(String target, String jdk, String measured, String goal, String verdict) {}

    private Targets() {}

    static List<Line> of(Report report) {
        List<Line> lines = new ArrayList<>();
        report.startup.forEach((jdk, result) -> {
            double hello = result.medians().get(Report.HELLO);
            STARTUP.forEach((command, goal) -> {
                Double ms = result.medians().get(Report.LAUNCHER + command);
                if (ms != null) {
                    lines.add(new Line("`" + command + "` cold start", jdk, fmt("%.1fx (%.0f ms)", ms / hello, ms),
                            fmt("<= %.1fx", goal), verdict(ms / hello, goal)));
                }
            });
        });
        for (Bench.Row row : report.rows) {
            if (!row.size().toString().equals(SIZE)) {
                continue;
            }
            Bench.Measure t = row.tlctl();
            String name = row.operation().name();
            if (name.equals("plan")) {
                lines.add(wall("`plan` at " + SIZE, row.jdk(), t, PLAN_SECONDS));
                lines.add(new Line("`plan` at " + SIZE + ", peak RSS", row.jdk(), Report.mib(t.maxRssKiB()),
                        fmt("<= %.0f MiB", PLAN_MIB), t.maxRssKiB() < 0 ? "not measured"
                                : verdict(t.maxRssKiB() / 1024.0, PLAN_MIB)));
                lines.add(requests("`plan` at " + SIZE, row.jdk(), t, 1));
            } else if (name.equals("drift")) {
                lines.add(wall("`drift` at " + SIZE, row.jdk(), t, DRIFT_SECONDS));
                lines.add(requests("`drift` at " + SIZE, row.jdk(), t, 1));
            } else if (name.equals("apply, from empty")) {
                lines.add(wall("`apply` from empty at " + SIZE + " (quotas off)", row.jdk(), t, APPLY_SECONDS));
                // Railway's creation rules: the project and each environment past its first one request
                // each; the rest (reads, services, commits, polls, the record) is batched.
                int environments = row.size().environments();
                long creates = 1 + (environments - 1);
                lines.add(new Line("`apply` from empty at " + SIZE + ", requests", row.jdk(),
                        t.requests() + " (" + creates + " creates, " + (t.requests() - creates) + " batched)",
                        "one per project or environment created, the rest batched", "see the count"));
            }
        }
        report.firstRun.forEach((jdk, r) -> lines.add(new Line("first run from a cached jar to a plan", jdk,
                fmt("%.1f s", r.millis() / 1000), fmt("<= %.0f s", FIRST_RUN_SECONDS),
                verdict(r.millis() / 1000, FIRST_RUN_SECONDS))));
        return lines;
    }


    private static Line wall(String target, String jdk, Bench.Measure t, double goal) {
        return new Line(target, jdk, Report.seconds(t.wallMs()) + (t.cpuMs() < 0 ? "" : fmt(" (CPU %.2f s)",
                t.cpuMs() / 1000)), fmt("<= %.1f s", goal), verdict(t.wallMs() / 1000, goal));
    }

    private static Line requests(String target, String jdk, Bench.Measure t, long goal) {
        return new Line(target + ", requests", jdk, Long.toString(t.requests()), Long.toString(goal),
                verdict(t.requests(), goal));
    }

    /** "met", or how many times the goal the measure is. */
    static String verdict(double measured, double goal) {
        return measured <= goal ? "met" : fmt("%.1fx off", measured / goal);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
