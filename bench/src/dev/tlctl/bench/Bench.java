package dev.tlctl.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * tlctl's benchmark, its own command ({@code bench/run}), never a test. Two parts:
 *
 * <ol>
 *   <li>The grid: per size, every operation of {@link #OPERATIONS} by tlctl (the real jar through
 *       {@code bin/tlctl}, a new process each time) and by the per-resource {@link Baseline} (its
 *       own process), against one sandbox on loopback in its own process ({@link MemorySandbox},
 *       or {@code tlctl sandbox serve} with {@code --sandbox serve}) with a fixed added latency
 *       per request. Requests and deployments come from the sandbox's
 *       {@code /_sandbox/stats}, read before and after each run; wall time and peak memory (max
 *       RSS) from the process.</li>
 *   <li>Start-up: {@code --version}, {@code validate}, {@code plan} against a loopback sandbox and
 *       {@code plan --sandbox}, cold (a new JVM each), before (plain {@code java -jar} with the old
 *       launcher's options) and with the launcher, as ratios to a bare-JVM hello-world measured
 *       in the same rounds.</li>
 *   <li>The first run from a cached jar: {@code bin/tlctl plan --sandbox} in a fresh copy of the
 *       launcher and jar, the start-up archive made on the way, as on a fresh CI runner.</li>
 * </ol>
 *
 * <p>Each part runs on every JDK of {@code --jdks} (by default this JVM's and every JDK 25 or
 * newer under {@code /usr/lib/jvm}), each from its own copy of the launcher and jar so that each
 * keeps its own start-up archive ({@link Jdk}); the report has a row per JDK and checks the issue's
 * targets ({@link Targets}).
 */
public final class Bench {

    /**
     * One operation of the grid: what tlctl runs, what the baseline runs, on which variant of the
     * spec, and whether it changes nothing (then tlctl's row is the median of {@code --grid-runs}
     * runs). Adding a command is one line here.
     */
    record Operation(String name, boolean changedSpec, List<String> tlctl, String baseline, boolean repeatable) {}

    static final List<Operation> OPERATIONS = List.of(
            new Operation("apply, from empty", false, List.of("apply", "--yes"), "apply", false),
            new Operation("plan", false, List.of("plan", "--detailed-exitcode"), "plan", true),
            new Operation("apply, 1 variable changed per environment", true, List.of("apply", "--yes"), "apply", false),
            new Operation("apply, no-op", true, List.of("apply", "--yes"), "apply", true),
            // The baseline has no audit: its plan is the same per-resource read an audit needs.
            new Operation("drift", true, List.of("drift"), "plan", true)
    );

    static final String DEFAULT_SIZES = "1x2x10,5x3x20,10x5x50,25x10x100,50x10x200";
    /** The options of the launcher before it used a class-data archive (the "before" of start-up). */
    static final List<String> OLD_LAUNCHER_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

    /** One run: its requests, time and memory, and the sandbox's CPU while it ran ({@code -1}: not known). */
    record Measure(long requests, long mutations, long deployments, double wallMs, long maxRssKiB, double cpuMs,
            int exit, double sandboxCpuMs) {}

    record Row(Size size, Operation operation, String jdk, Measure tlctl, Measure baseline) {}

    private final Path root;
    private final Path jar;
    private final Path benchClasses;
    private final String java;
    private final Path work;
    private final Path scratch;
    private String sandboxMode = "memory";
    /** Runs of tlctl per repeatable operation, interleaved across JDKs; its row is the median by wall time. */
    private int gridRuns = 3;
    private final List<Jdk> jdks = new ArrayList<>();

    private Bench(Path root, Path work) {
        this.root = root;
        this.jar = root.resolve("target/tlctl.jar");
        this.benchClasses = root.resolve("target/bench/classes");
        this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.work = work;
        this.scratch = work.resolve("scratch");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = parse(args);
        if (flags.containsKey("help")) {
            System.out.println(USAGE);
            return;
        }
        Path root = Path.of(System.getProperty("tlctl.root", ".")).toAbsolutePath().normalize();
        List<Size> sizes = Size.parseList(flags.getOrDefault("sizes", DEFAULT_SIZES));
        String latency = flags.getOrDefault("latency", "50ms");
        int parallelism = Integer.parseInt(flags.getOrDefault("parallelism", "10"));
        int startupRuns = Integer.parseInt(flags.getOrDefault("startup-runs", "10"));
        boolean grid = !flags.containsKey("no-grid");
        boolean firstRun = !flags.containsKey("no-first-run");
        Path out = Path.of(flags.getOrDefault("out", root.resolve("target/bench").toString())).toAbsolutePath();
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("tlctl-bench");
        Bench bench = new Bench(root, work);
        bench.sandboxMode = flags.getOrDefault("sandbox", "memory");
        bench.gridRuns = Integer.parseInt(flags.getOrDefault("grid-runs", "3"));
        if (bench.gridRuns < 1) {
            throw new IllegalArgumentException("--grid-runs is at least 1\n" + USAGE);
        }
        if (!List.of("memory", "serve").contains(bench.sandboxMode)) {
            throw new IllegalArgumentException("--sandbox is memory or serve\n" + USAGE);
        }
        Instant start = Instant.now();
        int failures = 0;
        try {
            bench.prepareLauncher();
            List<Path> homes = Jdk.homes(flags.get("jdks"));
            for (int i = 0; i < homes.size(); i++) {
                bench.jdks.add(Jdk.prepare(root, homes.get(i), work.resolve("jdk-" + (i + 1))));
            }
            for (Jdk jdk : bench.jdks) {
                System.err.println("bench: " + jdk.name() + " (" + jdk.home() + "): making its start-up archive");
                Map<String, String> env = bench.tlctlEnv(null, jdk);
                env.put("TLCTL_ARCHIVE_FOREGROUND", "1");
                Proc.run(List.of(jdk.launcher().toString(), "--version"), jdk.root(), env, false, bench.scratch, 600)
                        .check(jdk.name() + " bin/tlctl --version", 0);
            }
            Report report = new Report(Machine.describe(bench.java), latency, parallelism, bench.sandboxMode);
            report.gridRuns = bench.gridRuns;
            report.jdks = bench.jdks.stream().map(j -> j.name() + " (" + j.home() + ")").toList();
            if (grid) {
                failures += bench.grid(sizes, latency, parallelism, report);
            }
            if (startupRuns > 0) {
                for (Jdk jdk : bench.jdks) {
                    report.startup.put(jdk.name(), bench.startup(startupRuns, jdk));
                }
            }
            if (firstRun) {
                for (Jdk jdk : bench.jdks) {
                    report.firstRun.put(jdk.name(), bench.firstRun(jdk));
                }
            }
            report.took = Duration.between(start, Instant.now());
            String markdown = report.markdown();
            Files.writeString(out.resolve("results.md"), markdown);
            Files.writeString(out.resolve("results.csv"), report.csv());
            Files.writeString(out.resolve("startup.csv"), report.startupCsv());
            System.out.println(markdown);
            if (grid) {
                System.out.println("```csv\n" + report.csv() + "```\n");
            }
            if (startupRuns > 0) {
                System.out.println("```csv\n" + report.startupCsv() + "```\n");
            }
            System.out.println("Written: " + out.resolve("results.md") + ", " + out.resolve("results.csv") + " and "
                    + out.resolve("startup.csv"));
        } finally {
            if (!flags.containsKey("keep")) {
                deleteTree(work);
            } else {
                System.err.println("bench: kept " + work);
            }
        }
        if (failures > 0) {
            System.err.println("bench: " + failures + " check(s) failed; see the notes above");
            System.exit(1);
        }
    }

    static final String USAGE = String.join("\n",
            "usage: bench/run [--sizes 1x2x10,...] [--latency 50ms] [--parallelism 10] [--startup-runs 10]",
            "                 [--grid-runs 3] [--sandbox memory|serve] [--jdks HOME,...] [--no-grid]",
            "                 [--no-first-run] [--out DIR] [--keep]",
            "  --sizes         SERVICESxENVIRONMENTSxVARIABLES, comma-separated (default " + DEFAULT_SIZES + ")",
            "  --latency       latency the sandbox adds to every request (default 50ms; 0ms for none)",
            "  --parallelism   requests the baseline keeps in flight, like terraform -parallelism (default 10)",
            "  --startup-runs  rounds of the cold start-up measurement (default 10; 0 skips it)",
            "  --grid-runs     runs of tlctl's plan, no-op apply and drift per size, whose median (by wall",
            "                  time) is the row (default 3); the rows that change the project run once",
            "  --sandbox       the grid's sandbox: memory (default; the sandbox's Java API in its own process,",
            "                  no state file) or serve (`tlctl sandbox serve`, which writes its whole state",
            "                  file after every mutation: at large sizes that cost dominates a client that",
            "                  sends thousands of mutations)",
            "  --jdks          JDK homes to run tlctl on, comma-separated (default: this java's and every JDK",
            "                  25+ under /usr/lib/jvm); each gets its own copy of the launcher, jar and archive",
            "  --no-grid       only the start-up measurement (and the first run)",
            "  --no-first-run  skip the first run from a cached jar (the archive made on the way)",
            "  --out DIR       where results.md, results.csv and startup.csv go (default target/bench)",
            "  --keep          keep the temporary folder (specs, states, logs)");

    private static Map<String, String> parse(String[] args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a + "\n" + USAGE);
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (List.of("no-grid", "no-first-run", "keep", "help").contains(name)) {
                flags.put(name, "true");
                continue;
            }
            if (!List.of("sizes", "latency", "parallelism", "startup-runs", "grid-runs", "out", "sandbox", "jdks")
                    .contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "\n" + USAGE);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            flags.put(name, value);
        }
        return flags;
    }

    /** Runs the launcher once so that its archive exists before anything is measured. */
    private void prepareLauncher() throws Exception {
        Map<String, String> env = tlctlEnv(null);
        env.put("TLCTL_ARCHIVE_FOREGROUND", "1");
        Proc.run(List.of(root.resolve("bin/tlctl").toString(), "--version"), root, env, false,
                scratch, 600).check("bin/tlctl --version", 0);
    }

    private Map<String, String> tlctlEnv(SandboxServer sandbox) {
        return tlctlEnv(sandbox, null);
    }

    /** The environment of a tlctl run, on {@code jdk} (null: the repository's launcher as it is). */
    private Map<String, String> tlctlEnv(SandboxServer sandbox, Jdk jdk) {
        Map<String, String> env = new LinkedHashMap<>();
        if (jdk != null) {
            env.putAll(jdk.env());
        }
        env.put("TLCTL_NO_BUILD", "1");
        env.put("NO_COLOR", "1");
        env.put("RAILWAY_TOKEN", null);
        env.put("RAILWAY_API_TOKEN", sandbox == null ? null : sandbox.token);
        env.put("TLCTL_API_URL", sandbox == null ? null : sandbox.graphql.toString());
        return env;
    }

    // ---- the grid

    private int grid(List<Size> sizes, String latency, int parallelism, Report report) throws Exception {
        int failures = 0;
        String faults = latency.matches("0+(ms|s)?") ? null : "latency=" + latency;
        Path state = sandboxMode.equals("serve") ? work.resolve("grid-sandbox.json") : null;
        try (SandboxServer sandbox = SandboxServer.start(java, jar, classpath(), state, faults,
                work.resolve("grid-sandbox.log"))) {
            for (Size size : sizes) {
                warmUp(sandbox, parallelism, size);
                Http.reset(sandbox.graphql);
                Path dir = work.resolve("grid-" + size);
                System.err.printf(Locale.ROOT, "bench: %s (%d services x %d environments x %d variables)%n",
                        size, size.services(), size.environments(), size.variables());
                for (Operation op : OPERATIONS) {
                    List<List<Measure>> runs = new ArrayList<>();
                    for (Jdk jdk : jdks) {
                        SpecGen.write(dir.resolve(jdk.root().getFileName()), size, project(jdk), "bench-baseline",
                                op.changedSpec());
                        runs.add(new ArrayList<>());
                    }
                    for (int run = 0; run < (op.repeatable() ? gridRuns : 1); run++) {
                        for (int j = 0; j < jdks.size(); j++) {
                            Jdk jdk = jdks.get(j);
                            List<String> tlctl = new ArrayList<>(List.of(jdk.launcher().toString()));
                            tlctl.addAll(op.tlctl());
                            tlctl.addAll(List.of("--env-file", SpecGen.ENV_FILE));
                            runs.get(j).add(measure(sandbox, tlctl, dir.resolve(jdk.root().getFileName()),
                                    tlctlEnv(sandbox, jdk), "tlctl " + op.name() + " on " + jdk.name()));
                        }
                    }
                    List<Measure> measured = runs.stream().map(Bench::medianByWall).toList();
                    // The baseline's desired state and its own state file live in the first JDK's folder.
                    Path baselineDir = dir.resolve(jdks.get(0).root().getFileName());
                    Measure b = measure(sandbox, baselineCommand(op.baseline(), baselineDir, sandbox, parallelism),
                            baselineDir, Map.of(), "baseline " + op.name());
                    for (int i = 0; i < jdks.size(); i++) {
                        Measure t = measured.get(i);
                        report.rows.add(new Row(size, op, jdks.get(i).name(), t, b));
                        System.err.printf(Locale.ROOT, "  %-45s %-6s tlctl %4d requests %8.0f ms | baseline %5d"
                                + " requests %8.0f ms%n", op.name(), jdks.get(i).name(), t.requests(), t.wallMs(),
                                b.requests(), b.wallMs());
                        if (t.exit() != 0 || b.exit() != 0) {
                            report.notes.add(size + " " + op.name() + " (" + jdks.get(i).name() + "): exit codes tlctl "
                                    + t.exit() + ", baseline " + b.exit() + " (expected 0; for plan, 0 = no changes)");
                            failures++;
                        }
                    }
                }
                for (Jdk jdk : jdks) {
                    String check = sameEndState(sandbox, size, project(jdk));
                    if (check != null) {
                        report.notes.add(size + " (" + jdk.name() + "): the end states differ: " + check);
                        failures++;
                    } else {
                        report.checked.add(size + " (" + jdk.name() + ")");
                    }
                }
            }
        }
        return failures;
    }

    /** tlctl's project on {@code jdk}: one per JDK, so that each JDK's apply from empty starts from empty. */
    private String project(Jdk jdk) {
        return jdks.indexOf(jdk) == 0 ? "bench-tlctl" : "bench-tlctl-" + (jdks.indexOf(jdk) + 1);
    }

    /**
     * One apply from empty and one plan by each client at {@code size}, unmeasured, then a reset: the
     * sandbox stands for Railway, a server that is warm, and its JIT would otherwise still be compiling
     * its write path (seconds of CPU on the same cores) during the measured apply from empty.
     */
    private void warmUp(SandboxServer sandbox, int parallelism, Size size) throws Exception {
        Http.reset(sandbox.graphql);
        Path dir = work.resolve("grid-warm-up-" + size);
        SpecGen.write(dir, size, "bench-tlctl", "bench-baseline", false);
        for (String op : List.of("apply", "plan")) {
            List<String> tlctl = new ArrayList<>(List.of(jdks.get(0).launcher().toString(), op));
            tlctl.addAll(op.equals("apply") ? List.of("--yes", "--env-file", SpecGen.ENV_FILE)
                    : List.of("--env-file", SpecGen.ENV_FILE));
            Proc.run(tlctl, dir, tlctlEnv(sandbox, jdks.get(0)), false, scratch, 600).check("warm-up tlctl " + op, 0);
            Proc.run(baselineCommand(op, dir, sandbox, parallelism), dir, Map.of(), false, scratch, 600)
                    .check("warm-up baseline " + op, 0);
        }
    }

    private List<String> baselineCommand(String op, Path dir, SandboxServer sandbox, int parallelism) {
        return List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath(),
                Baseline.class.getName(), op, dir.toString(), sandbox.graphql.toString(), sandbox.token,
                Integer.toString(parallelism));
    }

    private String classpath() {
        return jar + File.pathSeparator + benchClasses;
    }

    /** The run of median wall time (of an even number, the faster of the middle two); a failed run wins, to be seen. */
    static Measure medianByWall(List<Measure> runs) {
        for (Measure m : runs) {
            if (m.exit() != 0) {
                return m;
            }
        }
        List<Measure> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(Measure::wallMs));
        return sorted.get((sorted.size() - 1) / 2);
    }

    private Measure measure(SandboxServer sandbox, List<String> command, Path dir, Map<String, String> env, String what)
            throws Exception {
        Http.Counters before = Http.Counters.of(Http.stats(sandbox.graphql));
        double sandboxCpu = sandbox.cpuMs();
        Proc.Result r = Proc.run(command, dir, env, true, scratch, 900);
        double sandboxCpuAfter = sandbox.cpuMs();
        Http.Counters delta = Http.Counters.of(Http.stats(sandbox.graphql)).minus(before);
        if (r.exit() != 0) {
            System.err.println("bench: " + what + " exited with " + r.exit() + ":\n" + r.stderr());
        }
        return new Measure(delta.requests(), delta.mutations(), delta.deployments(), r.millis(), r.maxRssKiB(), r.cpuMs(),
                r.exit(), sandboxCpu < 0 || sandboxCpuAfter < 0 ? -1 : sandboxCpuAfter - sandboxCpu);
    }

    /**
     * The same end state for both clients: the shared variables and the variables of the first
     * and the last service, in the last environment (a fork), read through the API; tlctl's
     * record of the environment aside.
     */
    private String sameEndState(SandboxServer sandbox, Size size, String project) throws Exception {
        Http http = new Http(sandbox.graphql, sandbox.token);
        String env = SpecGen.environments(size).get(size.environments() - 1);
        List<String> services = SpecGen.services(size);
        List<String> probes = new ArrayList<>();
        probes.add(null);
        probes.add(services.get(0));
        probes.add(services.get(services.size() - 1));
        for (String service : probes) {
            Map<String, String> t = new java.util.TreeMap<>(Baseline.liveVariables(http, project, env, service));
            // tlctl's own record of the environment (TLCTL_RECORD, _2...) is bookkeeping, not state the spec declares.
            t.keySet().removeIf(name -> name.matches("TLCTL_RECORD(_[0-9]+)?"));
            Map<String, String> b = Baseline.liveVariables(http, "bench-baseline", env, service);
            String where = env + "/" + (service == null ? "(shared)" : service);
            if (!t.equals(b)) {
                return where + ": tlctl has " + t.size() + " variables, the baseline " + b.size();
            }
            if (t.size() != (service == null ? 2 : size.variables())) {
                return where + ": " + t.size() + " variables, not " + (service == null ? 2 : size.variables());
            }
            if (service != null && service.equals(services.get(0))
                    && !SpecGen.changedValue(env).equals(t.get(SpecGen.variableName(1)))) {
                return where + ": the changed variable is not there";
            }
        }
        return null;
    }

    // ---- start-up

    /**
     * Cold start-up on {@code jdk}: its hello-world, the commands before (plain {@code java -jar})
     * and with its launcher, interleaved in the same rounds.
     */
    private Startup.Result startup(int rounds, Jdk jdk) throws Exception {
        Path dir = work.resolve("startup-" + jdk.root().getFileName());
        Jdk.copySpec(root, dir);
        String envFile = "environments/sandbox.env";
        String inProcessState = dir.resolve("in-process-sandbox.json").toString();
        String javaBin = jdk.java().toString();
        try (SandboxServer sandbox = SandboxServer.start(java, jar, classpath(), dir.resolve("startup-sandbox.json"),
                null, dir.resolve("startup-sandbox.log"))) {
            Map<String, String> env = tlctlEnv(sandbox, jdk);
            String tlctl = jdk.launcher().toString();
            // Provision both sandboxes once, so that each plan reads a whole project and finds no change.
            Proc.run(List.of(tlctl, "apply", "--yes", "--env-file", envFile), dir, env, false, scratch, 600)
                    .check("apply to the loopback sandbox", 0);
            Proc.run(List.of(tlctl, "apply", "--sandbox", "--yes", "--sandbox-state", inProcessState), dir, env, false,
                    scratch, 600).check("apply --sandbox", 0);

            Map<String, List<String>> commands = new LinkedHashMap<>();
            commands.put("--version", List.of("--version"));
            commands.put("validate", List.of("validate", "--env-file", envFile));
            commands.put("plan (loopback sandbox)", List.of("plan", "--env-file", envFile));
            commands.put("plan --sandbox", List.of("plan", "--sandbox", "--sandbox-state", inProcessState));

            List<Startup.Command> list = new ArrayList<>();
            list.add(new Startup.Command(Report.HELLO, List.of(javaBin, "-cp", benchClasses.toString(),
                    Hello.class.getName()), dir, Map.of(), 0));
            List<String> launcherJava = launcherCommand(env, dir, jdk);
            for (var c : commands.entrySet()) {
                List<String> before = new ArrayList<>(List.of(javaBin));
                before.addAll(OLD_LAUNCHER_OPTIONS);
                before.addAll(List.of("-jar", jdk.root().resolve("target/tlctl.jar").toString()));
                before.addAll(c.getValue());
                list.add(new Startup.Command(Report.BEFORE + c.getKey(), before, dir, env, 0));
                List<String> after = new ArrayList<>(List.of(tlctl));
                after.addAll(c.getValue());
                list.add(new Startup.Command(Report.LAUNCHER + c.getKey(), after, dir, env, 0));
                if (c.getKey().equals("--version")) {
                    List<String> direct = new ArrayList<>(launcherJava);
                    direct.addAll(c.getValue());
                    list.add(new Startup.Command(Report.DIRECT + c.getKey(), direct, dir, env, 0));
                }
            }
            System.err.println("bench: start-up on " + jdk.name() + ", " + rounds + " rounds of " + list.size()
                    + " commands");
            Startup.Result result = Startup.measure(list, rounds, 1, scratch);
            // The launcher script alone: its dry run (every check, no java) beside an empty sh.
            Map<String, String> dry = new LinkedHashMap<>(env);
            dry.put("TLCTL_LAUNCHER_DRY_RUN", "1");
            Startup.Result script = Startup.measure(List.of(
                    new Startup.Command(Report.SH, List.of("sh", "-c", "true"), dir, Map.of(), 0),
                    new Startup.Command(Report.DRY_RUN, List.of(tlctl, "--version"), dir, dry, 0)), 50, 5, scratch);
            result.medians().putAll(script.medians());
            result.maxRss().putAll(script.maxRss());
            result.cpu().putAll(script.cpu());
            return result;
        }
    }

    /**
     * The first run from a cached jar on {@code jdk}, as on a fresh CI runner with the jar restored
     * from a cache or a release: a fresh copy of the launcher and jar (no start-up archive yet) runs
     * {@code plan --sandbox} on the repository's spec, while the launcher makes its archive in the
     * background (waited for here, unmeasured, before going on). Not measured: installing the JDK and
     * fetching the jar.
     */
    private Proc.Result firstRun(Jdk jdk) throws Exception {
        Jdk fresh = Jdk.prepare(root, jdk.home(), work.resolve("first-run-" + jdk.root().getFileName()));
        Proc.Result r = Proc.run(List.of(fresh.launcher().toString(), "plan", "--sandbox", "--sandbox-state",
                fresh.root().resolve("sandbox.json").toString()), fresh.root(), tlctlEnv(null, fresh), true, scratch,
                600).check("first run on " + jdk.name(), 0, 2);
        System.err.printf(Locale.ROOT, "bench: first run from a cached jar on %s: %.1f s%n", jdk.name(),
                r.millis() / 1000);
        Path lock = fresh.root().resolve("target/.tlctl-archive.lock");
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (Files.exists(lock) && System.nanoTime() < deadline) {
            Thread.sleep(200); // the background archive, so that its work does not overlap what follows
        }
        return r;
    }

    /** The java command line {@code jdk}'s launcher runs (its dry run), without tlctl's arguments. */
    private List<String> launcherCommand(Map<String, String> env, Path dir, Jdk jdk) throws Exception {
        Map<String, String> dry = new LinkedHashMap<>(env);
        dry.put("TLCTL_LAUNCHER_DRY_RUN", "1");
        Proc.Result r = Proc.run(List.of(jdk.launcher().toString()), dir, dry, false, scratch, 600)
                .check("bin/tlctl dry run", 0);
        return new ArrayList<>(r.stdout().lines().filter(l -> !l.isEmpty()).toList());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
