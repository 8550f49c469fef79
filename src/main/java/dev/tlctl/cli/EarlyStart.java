package dev.tlctl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlctl.reconcile.Reconciler;
import dev.tlctl.reconcile.SpecSource;
import dev.tlctl.reconcile.Version;
import dev.tlctl.sandbox.Sandbox;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Start-up work that needs nothing from picocli's parse, begun on daemon threads before picocli
 * builds its model of the commands (a third of a short command's time), so that the two overlap:
 * the sandbox's schema and state reader for {@code --sandbox}; Jackson's mapper and the HTTP
 * client's set-up (okhttp's platform) for the commands that read JSON from Railway; and the spec's
 * loads (its structure, then its values) for the commands that read it, from the global options
 * read off the arguments here: the command's own load takes that result only when its source is
 * the same in every file, value and flag ({@link SpecSource#loadAhead}). Only classes, caches and
 * those loads are made here; what the command then does is unchanged, and an error met here is met
 * again, and reported, where the work is needed.
 */
final class EarlyStart {
    /** The commands that read JSON (Railway's answers, local records, saved plans) on every run. */
    private static final Set<String> JSON_COMMANDS = Set.of(
            "plan", "apply", "deploy", "rollback", "status", "env", "drift", "vars", "billing", "import");
    /** The commands that may send a body the transport's mapper writes (secrets, patches). */
    private static final Set<String> WRITE_COMMANDS = Set.of("apply", "deploy", "rollback", "env");
    /** The commands that load the spec's structure first (Reconciler.open). */
    private static final Set<String> SPEC_COMMANDS = Set.of(
            "plan", "apply", "deploy", "rollback", "status", "env", "drift", "vars", "billing");
    /** The commands that then load its values for every environment, unless given --env. */
    private static final Set<String> PLAN_COMMANDS = Set.of("plan", "apply", "drift");

    private EarlyStart() {}

    /** Begins what the invoked {@code command} (null: none) with {@code args} will need, in {@code context}. */
    static void begin(CliContext context, String command, String... args) {
        SpecSource.forgetAhead();
        if (command == null || !TlctlCommand.SUBCOMMANDS.containsKey(command)) {
            return;
        }
        if (JSON_COMMANDS.contains(command) && hasFlag(args, "--sandbox")) {
            Sandbox.warmUp();
        }
        if (JSON_COMMANDS.contains(command)) {
            // Both needed as the command connects (its transport makes a mapper, then an HTTP client),
            // so begun side by side, before the spec's loads.
            daemon(WRITE_COMMANDS.contains(command) ? EarlyStart::mapper : EarlyStart::json, "tlctl-early");
            daemon(Reconciler::warmUp, "tlctl-early-http");
        }
        if (command.equals("validate")) {
            loadAhead(context, args, (Set<String>) null);
        } else if (SPEC_COMMANDS.contains(command)) {
            if (PLAN_COMMANDS.contains(command) && !hasFlag(args, "--env")) {
                loadAhead(context, args, Set.of(), null);
            } else {
                loadAhead(context, args, Set.of());
            }
        }
    }

    /** Begins the spec's loads for {@code scopes} on a thread of their own, when the arguments can be read here. */
    @SafeVarargs
    private static void loadAhead(CliContext context, String[] args, Set<String>... scopes) {
        SpecOptions options = specOptions(args);
        if (options == null) {
            return;
        }
        BaseCommand.discoveredSpec(options.file, context).ifPresent(file -> daemon(BaseCommand.specSource(file,
                options.envFiles, options.allowedFiles, options.sandbox, context).loadAhead(scopes), "tlctl-early-spec"));
    }

    /** The global options that make the spec's source, as read off the arguments. */
    record SpecOptions(Path file, List<Path> envFiles, List<Path> allowedFiles, boolean sandbox) {}

    /**
     * The global options among {@code args} (before a {@code --}) that make the spec's source, or
     * null when one is given in a form this scan does not read (-fFILE, options clustered): the
     * loads ahead are then skipped. A value of another option that looks like one of these only
     * makes a source the command's is not, whose loads nothing takes.
     */
    static SpecOptions specOptions(String... args) {
        Path file = null;
        List<Path> envFiles = new ArrayList<>();
        List<Path> allowedFiles = new ArrayList<>();
        boolean sandbox = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                break;
            }
            if (arg.equals("--sandbox")) {
                sandbox = true;
                continue;
            }
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
            if (!TlctlCommand.OPTIONS_WITH_VALUE.contains(name)) {
                if (arg.startsWith("-f") || arg.startsWith("-") && !arg.startsWith("--") && arg.contains("f")) {
                    return null; // -fFILE, or -f among clustered short options
                }
                continue;
            }
            String value = name.equals(arg) ? (i + 1 < args.length ? args[++i] : null) : arg.substring(equals + 1);
            if (value == null) {
                return null;
            }
            Path path;
            try {
                path = Path.of(value);
            } catch (InvalidPathException e) {
                return null;
            }
            switch (name) {
                case "-f", "--file" -> {
                    if (file != null) {
                        return null;
                    }
                    file = path;
                }
                case "--env-file" -> envFiles.add(path);
                case "--allow-file" -> allowedFiles.add(path);
                default -> { } // --sandbox-state, --api-url, --color: not the spec's
            }
        }
        return new SpecOptions(file, envFiles, allowedFiles, sandbox);
    }

    /** Starts {@code work} on a daemon thread named {@code name}: it never keeps the process alive. */
    static void daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Jackson's mapper (its first one sets up the JDK's calendar data), for the commands that may
     * send a body only the transport's mapper writes (secrets, patches; a read's body is written
     * without one, and its answer read without one), then {@link #json}.
     */
    private static void mapper() {
        try {
            new ObjectMapper();
        } catch (RuntimeException | LinkageError e) {
            // met again where a mapper is made, and reported there
        }
        json();
    }

    /**
     * On a thread of its own so as not to compete with the main one for a core, what the main
     * thread meets around Railway's answer: the live records' times and the planner's first
     * comparison of records (a record's equals is an invokedynamic: the first one builds the JDK's
     * machinery for it). The HTTP client's set-up (okhttp's platform, which lists every security
     * provider of the JVM) runs beside it on a thread of its own.
     */
    private static void json() {
        try {
            Instant.parse("2026-01-01T00:00:00Z");
            new Shape(1, 2).equals(new Shape(1, 2));
        } catch (RuntimeException | LinkageError e) {
            // met again, and reported, where the work is done
        }
    }

    /**
     * What the main thread needs as it connects that no other early thread makes, on the thread that
     * has built the command's model (its core is free by then): tlctl's version (the user agent).
     */
    static void afterModel(String command) {
        if (JSON_COMMANDS.contains(command)) {
            Version.current();
        }
    }

    /** A record of the shape the planner compares first (an int and an object). */
    private record Shape(int number, Integer object) {}

    /** Whether {@code flag} is among the options (before a {@code --}); a value that looks like it only costs a warm-up. */
    static boolean hasFlag(String[] args, String flag) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals(flag) || arg.startsWith(flag + "=")) {
                return true;
            }
        }
        return false;
    }
}
