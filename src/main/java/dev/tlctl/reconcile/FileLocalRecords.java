package dev.tlctl.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlctl.secret.Fingerprint;
import dev.tlctl.secret.RecordKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@link LocalRecords} in {@code .tlctl/} beside the spec (git-ignored): {@code state.json} and
 * {@code plan.key} (mode 0600). Two runs at once lose nothing: {@link #save()} takes a file lock,
 * re-reads the file and replays this run's changes on what it finds before writing it atomically
 * (temporary file and rename). A missing or damaged {@code state.json} is a fresh one: it is only a
 * cache.
 */
public final class FileLocalRecords implements LocalRecords {
    /** The folder beside the spec. */
    public static final String DIR = ".tlctl";
    private static final String STATE = "state.json";
    private static final String KEY = "plan.key";
    private static final String LOCK = "lock";
    private static final String WRITTEN = "written";
    private static final String LEGACY_SEALED = "sealed";
    private static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final java.util.concurrent.ConcurrentMap<Path, Object> MONITORS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static final String RECORD_KEYS = "recordKeys";

    private final Path dir;
    private final String keyOverride;
    private final String recordKeySource;
    private ObjectNode root;
    private final List<Consumer<ObjectNode>> pending = new ArrayList<>();

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
        this.root = read(dir.resolve(STATE));
    }

    /** The records beside a spec file. */
    public static FileLocalRecords beside(Path specFile, String keyOverride, String recordKeySource) {
        Path parent = specFile.toAbsolutePath().getParent();
        return new FileLocalRecords(parent.resolve(DIR), keyOverride, recordKeySource);
    }

    private static ObjectNode read(Path file) {
        if (Files.isRegularFile(file)) {
            try {
                JsonNode node = MAPPER.readTree(file.toFile());
                if (node instanceof ObjectNode o && o.path("formatVersion").asInt() == FORMAT_VERSION) {
                    return o;
                }
            } catch (IOException e) {
                // a damaged cache is only a cache
            }
        }
        ObjectNode fresh = MAPPER.createObjectNode();
        fresh.put("formatVersion", FORMAT_VERSION);
        return fresh;
    }

    private void change(Consumer<ObjectNode> mutation) {
        mutation.accept(root);
        pending.add(mutation);
    }

    private static ObjectNode endpoint(ObjectNode root, String key) {
        return object(object(root, "endpoints"), key);
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        JsonNode node = parent.get(field);
        return node instanceof ObjectNode o ? o : parent.putObject(field);
    }

    private static String projectKey(String workspace, String name) {
        return (workspace == null ? "" : workspace) + "/" + name;
    }

    @Override
    public String projectId(String endpoint, String workspace, String name) {
        JsonNode id = root.path("endpoints").path(endpoint).path("projects").get(projectKey(workspace, name));
        return id == null || !id.isTextual() ? null : id.asText();
    }

    @Override
    public void rememberProject(String endpoint, String workspace, String name, String id) {
        if (java.util.Objects.equals(projectId(endpoint, workspace, name), id)) {
            return;
        }
        String stale = projectId(endpoint, workspace, name);
        change(r -> {
            ObjectNode at = endpoint(r, endpoint);
            ObjectNode projects = object(at, "projects");
            if (id == null) {
                projects.remove(projectKey(workspace, name));
            } else {
                projects.put(projectKey(workspace, name), id);
            }
            if (stale != null) {
                // The project is gone (or was another): what tlctl wrote to it means nothing any more.
                object(at, WRITTEN).remove(stale);
                object(at, LEGACY_SEALED).remove(stale);
                object(at, RECORD_KEYS).remove(stale);
            }
        });
    }

    @Override
    public Map<String, Fingerprint> written(String endpoint, String projectId) {
        Map<String, Fingerprint> out = new LinkedHashMap<>();
        if (projectId == null) {
            return out;
        }
        JsonNode at = root.path("endpoints").path(endpoint);
        // "sealed" is where versions before drift kept the fingerprints of sealed values only.
        for (String field : List.of(LEGACY_SEALED, WRITTEN)) {
            at.path(field).path(projectId).fields().forEachRemaining(e -> {
                try {
                    out.put(e.getKey(), Fingerprint.parse(e.getValue().asText()));
                } catch (IllegalArgumentException ignored) {
                    // an unreadable entry is treated as unknown
                }
            });
        }
        return out;
    }

    @Override
    public RecordKey recordKey(String endpoint, String projectId) {
        JsonNode cached = root.path("endpoints").path(endpoint).path(RECORD_KEYS).path(projectId);
        byte[] key = null;
        byte[] binding = null;
        try {
            if (cached.path("key").isTextual() && cached.path("binding").isTextual()) {
                key = Base64.getDecoder().decode(cached.path("key").asText());
                binding = Base64.getDecoder().decode(cached.path("binding").asText());
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
        String derived = Base64.getEncoder().encodeToString(key.derived());
        String binding = Base64.getEncoder().encodeToString(key.binding());
        change(r -> {
            ObjectNode entry = object(object(endpoint(r, endpoint), RECORD_KEYS), projectId);
            entry.put("key", derived);
            entry.put("binding", binding);
        });
    }

    @Override
    public byte[] planKey() {
        if (keyOverride != null) {
            return sha256(keyOverride);
        }
        Path file = dir.resolve(KEY);
        try {
            Files.createDirectories(dir);
            if (!Files.exists(file)) try {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Path temp = Files.createTempFile(dir, KEY, ".tmp", PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
                Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n");
                try {
                    // Never replaces an existing key: a concurrent run's key wins, and both read it.
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                    Files.deleteIfExists(temp);
                    if (!Files.exists(file)) {
                        throw e;
                    }
                }
            } catch (UnsupportedOperationException e) {
                throw new IOException("this file system has no POSIX permissions for " + file, e);
            }
            if (Files.exists(file) && Files.size(file) > 0) {
                return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            }
            throw new IOException(file + " is empty");
        } catch (IOException | IllegalArgumentException e) {
            throw new ReconcileException(ReconcileException.Kind.REFUSED, "could not read or make the saved-plan key "
                    + file, e.getMessage() + ". Delete the file to make a new one (plans saved with the old key will"
                    + " be refused), or set TLCTL_PLAN_KEY.", e);
        }
    }

    private static Path ownerOnly(Path dir, String prefix) throws IOException {
        try {
            return Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return Files.createTempFile(dir, prefix, ".tmp"); // no POSIX permissions here: the folder's own apply
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
                ObjectNode current = read(dir.resolve(STATE));
                pending.forEach(m -> m.accept(current));
                // 0600 like plan.key: fingerprints hold no value, but a low-entropy one could be guessed from them.
                Path temp = ownerOnly(dir, STATE);
                Files.writeString(temp, MAPPER.writeValueAsString(current));
                try {
                    Files.move(temp, dir.resolve(STATE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, dir.resolve(STATE), StandardCopyOption.REPLACE_EXISTING);
                }
                root = current;
                pending.clear();
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
