package dev.tlctl.reconcile;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one way tlctl writes its own files (saved plans, {@code .tlctl/state.json}, the saved-plan
 * key): readable by their owner only (mode 0600; where the file system has no POSIX permissions,
 * the folder's own apply), and whole or not at all. The bytes go to a temporary file beside the
 * target, which then takes the target's name in one step, so that a reader (another run, a kill
 * half-way) never sees half a file.
 */
final class OwnerOnlyFile {
    private OwnerOnlyFile() {}

    /** Writes {@code bytes} to {@code file}, replacing what was there. */
    static void replace(Path file, byte[] bytes) throws IOException {
        Path temp = temporary(file, bytes);
        try {
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Writes {@code bytes} to {@code file} unless it exists; false when it did (another writer won,
     * and its file stands whole: the new name is a link made in one step, which never replaces).
     */
    static boolean create(Path file, byte[] bytes) throws IOException {
        Path temp = temporary(file, bytes);
        try {
            Files.createLink(file, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException e) {
            // No hard links here: a rename, which some systems let replace a file made meanwhile.
            if (Files.exists(file)) {
                return false;
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A temporary file beside {@code file}, owner-only, holding {@code bytes}. */
    private static Path temporary(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String prefix = "." + file.getFileName();
        Path temp;
        try {
            temp = Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            temp = Files.createTempFile(dir, prefix, ".tmp");
        }
        try {
            Files.write(temp, bytes);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }
}
