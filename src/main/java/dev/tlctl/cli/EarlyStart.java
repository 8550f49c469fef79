package dev.tlctl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlctl.reconcile.Reconciler;
import dev.tlctl.sandbox.Sandbox;
import java.util.Set;

/**
 * Start-up work that needs nothing from picocli's parse, begun on daemon threads before picocli
 * builds its model of the commands (a third of a short command's time), so that the two overlap:
 * the sandbox's schema and state reader for {@code --sandbox}, and Jackson's mapper and the HTTP
 * client's set-up (okhttp's platform) for the commands that read JSON from Railway. Only classes
 * and caches are made here; what the command then does is unchanged, and an error met here is met
 * again, and reported, where the work is needed.
 */
final class EarlyStart {
    /** The commands that read JSON (Railway's answers, local records, saved plans) on every run. */
    private static final Set<String> JSON_COMMANDS = Set.of(
            "plan", "apply", "deploy", "rollback", "status", "env", "drift", "vars", "billing", "import");

    private EarlyStart() {}

    /** Begins what the invoked {@code command} (null: none) with {@code args} will need. */
    static void begin(String command, String... args) {
        if (command == null || !TlctlCommand.SUBCOMMANDS.containsKey(command)) {
            return;
        }
        if (JSON_COMMANDS.contains(command) && hasFlag(args, "--sandbox")) {
            Sandbox.warmUp();
        }
        if (JSON_COMMANDS.contains(command)) {
            daemon(EarlyStart::jsonAndHttp, "tlctl-early");
        }
    }

    /** Starts {@code work} on a daemon thread named {@code name}: it never keeps the process alive. */
    static void daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Jackson's mapper, then the HTTP client's set-up: one thread, done before the main thread needs either. */
    private static void jsonAndHttp() {
        try {
            new ObjectMapper();
        } catch (RuntimeException | LinkageError e) {
            // met again where a mapper is made, and reported there
        }
        Reconciler.warmUp();
    }

    /** Whether {@code flag} is among the options (before a {@code --}); a value that looks like it only costs a warm-up. */
    static boolean hasFlag(String[] args, String flag) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals(flag)) {
                return true;
            }
        }
        return false;
    }
}
