package dev.tlctl.reconcile;

import dev.tlctl.audit.Guards;
import dev.tlctl.spec.Diagnostic;
import dev.tlctl.spec.DotEnv;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.SpecInputs;
import dev.tlctl.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Where the spec comes from and what its references read. {@code ${env:...}} reads, lowest first:
 * the process environment, then the env files in order. In sandbox mode it never reads the process
 * environment: the env files, then the committed fake values of {@code environments/sandbox.env}
 * beside the spec; a reference with no value there gets an invented one (with a warning), and
 * {@code ${file:...}} is not read, so that no real secret reaches the sandbox's state on disk. The
 * sandbox file is never read otherwise. {@code ${file:...}} reads files inside the spec's folder,
 * and those of {@code allowedFiles}. The spec's warnings include the billing guards its declared
 * settings break.
 *
 * @param file the spec file
 * @param envFiles dotenv files, later ones winning
 * @param environment the process environment
 * @param sandboxValues sandbox mode
 * @param allowedFiles files outside the spec's folder that {@code ${file:...}} may read
 */
public record SpecSource(Path file, List<Path> envFiles, Map<String, String> environment, boolean sandboxValues,
        List<Path> allowedFiles) {
    /** The committed file of fake values that sandbox mode reads, relative to the spec's folder. */
    public static final String SANDBOX_ENV_FILE = SpecLoader.OVERLAY_DIR + "/sandbox.env";

    public SpecSource {
        envFiles = List.copyOf(envFiles);
        environment = Map.copyOf(environment);
        allowedFiles = List.copyOf(allowedFiles);
    }

    /** Loads the spec, resolving every environment's references; throws {@code SpecException} when invalid. */
    public Spec load() {
        return load(null);
    }

    /**
     * Loads the spec, resolving only the references of the environments in {@code scope} (null:
     * all; empty: none, for reading the spec's structure before the scope is known). A load of the
     * same source and scope begun ahead ({@link #loadAhead}) is taken instead, once.
     */
    public Spec load(Set<String> scope) {
        FutureTask<Spec> ahead = takeAhead(scope);
        if (ahead != null) {
            ahead.run(); // unless its thread began it (then this waits for it): nothing waits on a thread not started
            try {
                return ahead.get();
            } catch (ExecutionException e) {
                // read again below, so that what it met (an invalid spec) is thrown from here as ever
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return read(scope);
    }

    /** A load begun ahead: its source, its scope, and the load. */
    private record Ahead(SpecSource source, Set<String> scope, FutureTask<Spec> load) {}

    /** Loads begun ahead and not taken yet; each is taken by one {@link #load}. */
    private static final List<Ahead> AHEAD = new ArrayList<>();

    /** The load begun ahead of this source and {@code scope}, taken from those kept; null when none. */
    private FutureTask<Spec> takeAhead(Set<String> scope) {
        synchronized (AHEAD) {
            for (Iterator<Ahead> i = AHEAD.iterator(); i.hasNext(); ) {
                Ahead ahead = i.next();
                if (equals(ahead.source()) && (scope == null ? ahead.scope() == null : scope.equals(ahead.scope()))) {
                    i.remove();
                    return ahead.load();
                }
            }
        }
        return null;
    }

    /**
     * Begins loads of this spec, one per scope in {@code scopes}, for the returned work to do in that
     * order (on another thread, while the caller does something else): a later {@link #load} of the
     * same source (every file, value and flag equal) and scope takes its result instead of reading
     * the files again, or waits for it. A load it fails is done again by that {@link #load}, so that
     * the error is met where it always is. Forgets loads begun before and not taken.
     */
    @SafeVarargs
    public final Runnable loadAhead(Set<String>... scopes) {
        List<FutureTask<Spec>> loads = new ArrayList<>();
        Values values = new Values(this);
        synchronized (AHEAD) {
            AHEAD.clear();
            for (Set<String> scope : scopes) {
                FutureTask<Spec> load = new FutureTask<>(() -> read(scope, values.get()));
                loads.add(load);
                AHEAD.add(new Ahead(this, scope == null ? null : Set.copyOf(scope), load));
            }
        }
        return () -> loads.forEach(FutureTask::run);
    }

    /** Forgets the loads begun ahead and not taken (the run they were begun for is over). */
    public static void forgetAhead() {
        synchronized (AHEAD) {
            AHEAD.clear();
        }
    }

    /**
     * Written out, not a record's: a record's equals and hashCode are invokedynamic, whose first
     * call builds the JDK's machinery for them (tens of ms of start-up, on the main thread).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof SpecSource o && file.equals(o.file) && envFiles.equals(o.envFiles)
                && environment.equals(o.environment) && sandboxValues == o.sandboxValues
                && allowedFiles.equals(o.allowedFiles);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, envFiles, environment, sandboxValues, allowedFiles);
    }

    private Spec read(Set<String> scope) {
        return read(scope, values());
    }

    private Spec read(Set<String> scope, Map<String, String> values) {
        Spec spec = SpecLoader.load(file, new SpecInputs(values, scope, Set.copyOf(allowedFiles), sandboxValues));
        return spec.withWarnings(guardWarnings(spec));
    }

    /** What {@code ${env:...}} reads: the process environment (not in sandbox mode), then the env files. */
    private Map<String, String> values() {
        Map<String, String> values = sandboxValues ? new HashMap<>() : new HashMap<>(environment);
        for (Path envFile : envFiles) {
            values.putAll(DotEnv.read(envFile));
        }
        if (sandboxValues) {
            Path fake = sandboxEnvFile(file);
            if (Files.isRegularFile(fake)) {
                values.putAll(DotEnv.read(fake));
            }
        }
        return Map.copyOf(values);
    }

    /**
     * The values of one {@link #loadAhead}'s loads, read once for all of them (its scopes are read
     * within moments of each other); an env file that cannot be read is tried again by each load,
     * so that each fails as it always did.
     */
    private static final class Values {
        private final SpecSource source;
        private Map<String, String> read;

        Values(SpecSource source) {
            this.source = source;
        }

        synchronized Map<String, String> get() {
            if (read == null) {
                read = source.values();
            }
            return read;
        }
    }

    /**
     * The billing guards the declared settings break, as warnings where the setting is written
     * (or the guard, when the setting is not): what {@code validate} and {@code plan} show, and
     * {@code --strict} refuses.
     */
    static List<Diagnostic> guardWarnings(Spec spec) {
        return Guards.declared(spec).stream().filter(c -> !c.passed())
                .map(c -> Diagnostic.warning(c.location() != null ? c.location() : spec.project().location(),
                        "billing guard: " + c.what(), c.todoSentence()))
                .toList();
    }

    /** {@code environments/sandbox.env} beside the spec. */
    public static Path sandboxEnvFile(Path specFile) {
        Path parent = specFile.getParent();
        return parent == null ? Path.of(SANDBOX_ENV_FILE) : parent.resolve(SANDBOX_ENV_FILE);
    }

    /** The folder of the spec, where {@code .tlctl/} lives. */
    public Path folder() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }
}
