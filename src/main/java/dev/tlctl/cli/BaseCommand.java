package dev.tlctl.cli;

import dev.tlctl.reconcile.Effects;
import dev.tlctl.reconcile.FileLocalRecords;
import dev.tlctl.reconcile.Reconciler;
import dev.tlctl.reconcile.SpecSource;
import dev.tlctl.spec.SpecLoader;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: the root command's global options and context, turned into what
 * the core takes (the spec's source, the endpoint, the effects, the local records) and into the
 * {@link Terminal} its views write to.
 */
abstract class BaseCommand {
    /** The variable holding a saved-plan key, for applying a plan made on another machine. */
    static final String PLAN_KEY_VARIABLE = "TLCTL_PLAN_KEY";
    /** The variable holding the key text of tlctl's records on Railway (a documented default otherwise). */
    static final String RECORD_KEY_VARIABLE = "TLCTL_RECORD_KEY";

    @Spec
    CommandSpec spec;

    private Terminal terminal;
    private WaitReport waits;

    /** The root command's global options and context (inherited by every subcommand). */
    Globals root() {
        return (Globals) spec.root().userObject();
    }

    CliContext context() {
        return root().context();
    }

    /** The terminal this command's views write to, built once. */
    Terminal terminal() {
        if (terminal == null) {
            terminal = Terminal.of(context(), root().color(), root().quiet());
        }
        return terminal;
    }

    /**
     * The spec file: {@code -f FILE} relative to the working directory; else {@code tl-engine.yaml}
     * in it or in the nearest folder above that has one (exit {@value ExitCodes#NO_SPEC} when none).
     */
    Path specFile() {
        return discoveredSpec().orElseThrow(() -> new CliException(ExitCodes.NO_SPEC, "no " + SpecLoader.DEFAULT_FILE
                + " in " + context().cwd() + " or any folder above it",
                "Run tlctl in the spec's folder or one below it, or pass -f FILE. tlctl import writes a spec from a"
                        + " project on Railway."));
    }

    /** {@link #specFile()}, or {@code tl-engine.yaml} in the working directory when there is none (to write one). */
    Path specFileOrHere() {
        return discoveredSpec().orElseGet(() -> relative(Path.of(SpecLoader.DEFAULT_FILE)));
    }

    private java.util.Optional<Path> discoveredSpec() {
        return discoveredSpec(root().file(), context());
    }

    /** The spec file {@code -f FILE} (null: none) names in {@code context}, or the one found from its working directory. */
    static java.util.Optional<Path> discoveredSpec(Path option, CliContext context) {
        if (option != null) {
            return java.util.Optional.of(relative(option, context));
        }
        Path cwd = context.cwd();
        return dev.tlctl.spec.SpecDiscovery.find(cwd).map(dir -> {
            Path file = dir.resolve(SpecLoader.DEFAULT_FILE);
            if (dir.equals(cwd.toAbsolutePath().normalize())) {
                return relative(Path.of(SpecLoader.DEFAULT_FILE), context);
            }
            // Above: named from here (../tl-engine.yaml) when here is the process's own folder, as messages read best.
            return cwd.equals(Path.of("").toAbsolutePath()) ? cwd.relativize(file) : file;
        });
    }

    SpecSource specSource() {
        return specSource(specFile(), root().envFiles(), root().allowedFiles(), root().sandbox(), context());
    }

    /**
     * The source of the spec at {@code file} with these global options in {@code context}: the one a
     * command reads (and the early start, from the arguments, for a load ahead that this then equals).
     */
    static SpecSource specSource(Path file, List<Path> envFiles, List<Path> allowedFiles, boolean sandbox,
            CliContext context) {
        List<Path> env = new java.util.ArrayList<>();
        for (Path envFile : envFiles) {
            env.add(relative(envFile, context));
        }
        List<Path> allowed = new java.util.ArrayList<>();
        for (Path allowedFile : allowedFiles) {
            allowed.add(relative(allowedFile, context).toAbsolutePath());
        }
        return new SpecSource(file, env, context.env(), sandbox, allowed);
    }

    /** What reports waits of this command on stderr (and to whatever else is told). */
    WaitReport waits() {
        if (waits == null) {
            waits = new WaitReport(terminal().progress(), context().requests());
        }
        return waits;
    }

    Effects effects() {
        CliContext context = context();
        return new Effects(context.clock(), context.sleeper(), waits(), context.jitter());
    }

    /** Loads the spec's structure and connects: exit 65 for an invalid spec comes before any request. */
    Core open() {
        if (root().sandbox()) {
            dev.tlctl.sandbox.Sandbox.warmUp(); // the schema builds while the spec is read
        }
        SpecSource source = specSource();
        Connection[] connection = new Connection[1];
        try {
            Reconciler reconciler = Reconciler.open(source,
                    FileLocalRecords.beside(source.file(), context().getenv(PLAN_KEY_VARIABLE),
                            context().getenv(RECORD_KEY_VARIABLE)), effects(),
                    () -> (connection[0] = Connection.open(root(), source.file())).endpoint());
            return new Core(reconciler, connection[0]);
        } catch (RuntimeException e) {
            if (connection[0] != null) {
                connection[0].close();
            }
            throw e;
        }
    }

    /**
     * A path given on the command line, against the context's working directory; kept short for
     * messages when that is the process's own.
     */
    Path relative(Path file) {
        return relative(file, context());
    }

    private static Path relative(Path file, CliContext context) {
        if (file.isAbsolute()) {
            return file;
        }
        Path cwd = context.cwd();
        return cwd.equals(Path.of("").toAbsolutePath()) ? file : cwd.resolve(file);
    }

    /** The core and the connection it runs over, closed together. */
    record Core(Reconciler reconciler, Connection connection) implements AutoCloseable {
        @Override
        public void close() {
            try {
                reconciler.close();
            } finally {
                connection.close();
            }
        }
    }
}
