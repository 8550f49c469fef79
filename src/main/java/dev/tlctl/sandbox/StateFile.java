package dev.tlctl.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;

/**
 * The state file: read whole, written whole and atomically (a temporary file in the same
 * directory, then a rename over the old one), so that a reader or a killed sandbox never sees
 * half a file. Remembers what it last read or wrote, to notice a change made by another process
 * (such as {@code tlctl sandbox token} minting a token while the sandbox serves).
 */
final class StateFile {
    private final Path path;
    private List<Object> lastSeen;
    private boolean upgraded;

    StateFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    Path path() {
        return path;
    }

    /** An OS-level lock held for one transaction; closing it releases the lock. */
    interface ProcessLock extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes the OS lock on {@code .<state file>.lock} beside the state file, waiting for another
     * process that holds it. The caller must hold this JVM's lock for the path first: an OS lock
     * is held per process, so two threads of one JVM must not both ask for it.
     */
    ProcessLock lockAcrossProcesses() {
        try {
            Files.createDirectories(path.getParent());
            FileChannel channel = FileChannel.open(path.resolveSibling("." + path.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock held;
            try {
                held = channel.lock();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            return () -> {
                try (channel) {
                    held.release();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock the sandbox state " + path, e);
        }
    }

    /** Whether the last {@link #load} upgraded an older format (which is then worth writing back). */
    boolean upgradedOnLoad() {
        return upgraded;
    }

    /** The state in the file, or null when there is no file. */
    State load() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            lastSeen = null;
            return null;
        }
        lastSeen = fingerprint();
        try {
            State state = StateReader.read(bytes);
            if (state == null) {
                state = Json.MAPPER.readValue(bytes, State.class);
            }
            if (state.users.isEmpty() || state.workspaces.isEmpty()) {
                throw new IOException("The sandbox state " + path + " has no user or no workspace.");
            }
            if (state.formatVersion > State.FORMAT_VERSION) {
                throw new IOException("The sandbox state " + path + " has format " + state.formatVersion
                        + ", newer than this tlctl reads (" + State.FORMAT_VERSION + "). Use a newer tlctl.");
            }
            int format = state.formatVersion;
            upgrade(state);
            upgraded = state.formatVersion != format;
            return state;
        } catch (JsonProcessingException e) {
            throw new IOException("The sandbox state " + path + " is not valid JSON: "
                    + e.getOriginalMessage() + ". Delete it to start afresh.", e);
        }
    }

    /**
     * Format 1 to 2: per-project measurements become project-level usage entries at the start of
     * the billing period (a point: they count whole in any range that holds it), and a
     * currentUsage of 0, which format 1 wrote when nothing was set, becomes derived.
     */
    static void upgrade(State state) {
        if (state.formatVersion >= 2) {
            return;
        }
        State.CustomerRec customer = state.workspaces.get(0).customer;
        if (state.measurements != null) {
            state.measurements.forEach((projectId, values) -> values.forEach((measurement, value) -> {
                State.UsageRec entry = new State.UsageRec();
                entry.projectId = projectId;
                entry.measurement = measurement;
                entry.value = value;
                entry.from = customer.billingPeriodStart;
                entry.to = customer.billingPeriodStart;
                state.usage.add(entry);
            }));
            state.measurements = null;
        }
        state.workspaces.forEach(w -> {
            if (w.customer != null && w.customer.currentUsage != null && w.customer.currentUsage == 0) {
                w.customer.currentUsage = null;
            }
        });
        state.formatVersion = 2;
    }

    /** Writes the state atomically: temp file beside it, then a rename over it. */
    void save(State state) throws IOException {
        Path dir = path.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + path.getFileName() + ".", ".tmp");
        try {
            Files.write(temp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
            try {
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        lastSeen = fingerprint();
    }

    /** Whether the file differs from what this object last read or wrote. */
    boolean changedOnDisk() {
        try {
            return !Objects.equals(lastSeen, fingerprint());
        } catch (IOException e) {
            return false;
        }
    }

    private List<Object> fingerprint() throws IOException {
        if (!Files.exists(path)) {
            return null;
        }
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        return java.util.Arrays.asList(
                attributes.fileKey(), attributes.lastModifiedTime().toMillis(), attributes.size());
    }
}
