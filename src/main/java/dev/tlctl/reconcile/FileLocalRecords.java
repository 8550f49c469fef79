package dev.tlctl.reconcile;

import dev.tlctl.secret.Fingerprint;
import dev.tlctl.secret.RecordKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@link LocalRecords} in {@code .tlctl/} beside the spec (git-ignored): {@code state.json} (a
 * {@link LocalState}) and {@code plan.key}, both owner-only ({@link OwnerOnlyFile}). Two runs at
 * once lose nothing: {@link #save()} takes a file lock, re-reads the file and replays this run's
 * changes on what it finds before writing it whole. A missing or damaged {@code state.json} is a
 * fresh one: it is only a cache.
 */
public final class FileLocalRecords implements LocalRecords {
    /** The folder beside the spec. */
    public static final String DIR = ".tlctl";
    private static final String STATE = "state.json";
    private static final String KEY = "plan.key";
    private static final String LOCK = "lock";
    private static final java.util.concurrent.ConcurrentMap<Path, Object> MONITORS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final Path dir;
    private final String keyOverride;
    private final String recordKeySource;
    private LocalState state;
    private final List<UnaryOperator<LocalState>> pending = new ArrayList<>();

    /**
     * @param dir the {@code .tlctl} folder
     * @param keyOverride the saved-plan key from the environment ({@code TLCTL_PLAN_KEY}), for
     *     applying a plan made on another machine; null to use {@code plan.key}
     */
    public FileLocalRecords(Path dir, String keyOverride) {
        this(dir, keyOverride, null);
    }

    /**
     * @param recordKeySource the record key text from the environment ({@code TLCTL_RECORD_KEY}); null
     *     for the default
     */
    public FileLocalRecords(Path dir, String keyOverride, String recordKeySource) {
        this.dir = dir;
        this.keyOverride = keyOverride == null || keyOverride.isEmpty() ? null : keyOverride;
        this.recordKeySource = recordKeySource == null || recordKeySource.isEmpty() ? null : recordKeySource;
        this.state = read(dir.resolve(STATE));
    }

    /** The records beside a spec file. */
    public static FileLocalRecords beside(Path specFile, String keyOverride, String recordKeySource) {
        Path parent = specFile.toAbsolutePath().getParent();
        return new FileLocalRecords(parent.resolve(DIR), keyOverride, recordKeySource);
    }

    private static LocalState read(Path file) {
        if (Files.isRegularFile(file)) {
            try (java.io.InputStream in = Files.newInputStream(file)) {
                LocalState read = LocalStateJson.read(in);
                if (read.formatVersion() == LocalState.FORMAT_VERSION) {
                    return read;
                }
            } catch (IOException | RuntimeException e) {
                // a damaged cache is only a cache
            }
        }
        return LocalState.EMPTY;
    }

    private void change(UnaryOperator<LocalState> mutation) {
        state = mutation.apply(state);
        pending.add(mutation);
    }

    private static String projectKey(String workspace, String name) {
        return (workspace == null ? "" : workspace) + "/" + name;
    }

    @Override
    public String projectId(String endpoint, String workspace, String name) {
        return state.endpoint(endpoint).projects().get(projectKey(workspace, name));
    }

    @Override
    public void rememberProject(String endpoint, String workspace, String name, String id) {
        String stale = projectId(endpoint, workspace, name);
        if (java.util.Objects.equals(stale, id)) {
            return;
        }
        change(s -> s.with(endpoint, e -> {
            LocalState.Endpoint named = new LocalState.Endpoint(LocalState.with(e.projects(), projectKey(workspace, name), id),
                    e.written(), e.sealed(), e.recordKeys());
            // The project is gone (or was another): what tlctl wrote to it means nothing any more.
            return stale == null ? named : named.forget(stale);
        }));
    }

    @Override
    public Map<String, Fingerprint> written(String endpoint, String projectId) {
        Map<String, Fingerprint> out = new LinkedHashMap<>();
        if (projectId == null) {
            return out;
        }
        LocalState.Endpoint at = state.endpoint(endpoint);
        for (Map<String, Map<String, String>> kept : List.of(at.sealed(), at.written())) {
            kept.getOrDefault(projectId, Map.of()).forEach((address, text) -> {
                try {
                    out.put(address, Fingerprint.parse(text));
                } catch (IllegalArgumentException | NullPointerException ignored) {
                    // an unreadable entry is treated as unknown
                }
            });
        }
        return out;
    }

    @Override
    public RecordKey recordKey(String endpoint, String projectId) {
        LocalState.CachedKey cached = state.endpoint(endpoint).recordKeys().get(projectId);
        byte[] key = null;
        byte[] binding = null;
        try {
            if (cached != null && cached.key() != null && cached.binding() != null) {
                key = Base64.getDecoder().decode(cached.key());
                binding = Base64.getDecoder().decode(cached.binding());
            }
        } catch (IllegalArgumentException e) {
            key = null; // a damaged cache entry: derive again
        }
        return RecordKey.cached(recordKeySource, projectId, key, binding);
    }

    @Override
    public void rememberRecordKey(String endpoint, String projectId, RecordKey key) {
        if (!key.derivedHere()) {
            return;
        }
        LocalState.CachedKey cached = new LocalState.CachedKey(Base64.getEncoder().encodeToString(key.derived()),
                Base64.getEncoder().encodeToString(key.binding()));
        change(s -> s.with(endpoint, e -> new LocalState.Endpoint(e.projects(), e.written(), e.sealed(),
                LocalState.with(e.recordKeys(), projectId, cached))));
    }

    @Override
    public byte[] planKey() {
        if (keyOverride != null) {
            return sha256(keyOverride);
        }
        Path file = dir.resolve(KEY);
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                // Never replaces an existing key: a concurrent run's key wins, and both read it.
                OwnerOnlyFile.create(file, (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            if (Files.size(file) > 0) {
                return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            }
            throw new IOException(file + " is empty");
        } catch (IOException | IllegalArgumentException e) {
            throw new ReconcileException(ReconcileException.Kind.REFUSED, "could not read or make the saved-plan key "
                    + file, e.getMessage() + ". Delete the file to make a new one (plans saved with the old key will"
                    + " be refused), or set TLCTL_PLAN_KEY.", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public boolean save() {
        if (pending.isEmpty()) {
            return true;
        }
        // A file lock keeps other processes out; two runs in one process (a test, a server) need a monitor too,
        // since the JVM refuses a second lock on a file it already holds (OverlappingFileLockException).
        Object monitor = MONITORS.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> new Object());
        synchronized (monitor) {
            return saveLocked();
        }
    }

    private boolean saveLocked() {
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                LocalState current = read(dir.resolve(STATE));
                for (UnaryOperator<LocalState> m : pending) {
                    current = m.apply(current);
                }
                // Owner-only like plan.key: fingerprints hold no value, but a low-entropy one could be guessed from them.
                OwnerOnlyFile.replace(dir.resolve(STATE), LocalStateJson.write(current));
                state = current;
                pending.clear();
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
