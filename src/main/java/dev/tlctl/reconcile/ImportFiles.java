package dev.tlctl.reconcile;

import dev.tlctl.reconcile.ReconcileException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The files an import writes into a folder: none is replaced without {@code force}, checked for
 * all before any is written; a file that already holds the same import (only the date of its
 * header would change) is left as it is, so that importing an unchanged project changes no byte;
 * all are written or none ({@link #writeAll}).
 */
final class ImportFiles {
    /** The date in the base file's header, the one part of an import that changes with time alone. */
    private static final Pattern DATE = Pattern.compile(" on \\d{4}-\\d{2}-\\d{2} \\(UTC\\)");

    private ImportFiles() {}

    /** Which files (by path relative to {@code dir}) would be left as they are: same content but the date. */
    static Map<String, Boolean> unchanged(Path dir, Map<String, String> files) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        files.forEach((path, text) -> {
            String current = read(dir.resolve(path));
            out.put(path, current != null && withoutDate(current).equals(withoutDate(text)));
        });
        return out;
    }

    /** Refuses a folder where a file goes, and a file that exists and differs unless {@code force}; nothing is written then. */
    static void checkOverwrite(Path dir, Map<String, String> files, Map<String, Boolean> unchanged, boolean force) {
        List<String> existing = new ArrayList<>();
        files.keySet().forEach(path -> {
            if (Files.isDirectory(dir.resolve(path))) {
                throw new ReconcileException(Kind.REFUSED, dir.resolve(path) + " is a folder", "tlctl import writes a"
                        + " file there; move the folder away. Nothing was written.");
            }
            if (!force && Files.exists(dir.resolve(path)) && !unchanged.get(path)) {
                existing.add(path);
            }
        });
        if (!existing.isEmpty()) {
            throw new ReconcileException(Kind.REFUSED, String.join(", ", existing) + (existing.size() == 1 ? " exists"
                    : " exist") + " in " + dir, "tlctl import does not replace files without --force (or print them"
                    + " with --stdout). Nothing was written.");
        }
    }

    /**
     * Writes every file or none: each is written to a temporary file beside it first (a failure
     * there deletes them all, and nothing was written); then each takes its name in one rename,
     * the file it replaces kept as a link until all are in place, so that a failed rename puts
     * back every file renamed before it. Only a kill between two renames (microseconds apart)
     * can leave some files new and some old: running the import again with {@code --force}
     * converges.
     *
     * @param ownerOnly the files that get mode 0600 from the start (a file of secrets); the others the umask's
     */
    static void writeAll(Map<Path, String> files, java.util.Set<Path> ownerOnly) {
        Map<Path, Path> staged = new LinkedHashMap<>();
        Map<Path, Path> kept = new LinkedHashMap<>();
        List<Path> created = new ArrayList<>();
        Path current = null;
        try {
            for (Map.Entry<Path, String> file : files.entrySet()) {
                current = file.getKey();
                staged.put(file.getKey(), temporary(file.getKey(), file.getValue(), ownerOnly.contains(file.getKey())));
            }
            for (Map.Entry<Path, Path> file : staged.entrySet()) {
                current = file.getKey();
                if (Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                    Path keep = sibling(current, ".keep");
                    Files.createLink(keep, current);
                    kept.put(current, keep);
                } else {
                    created.add(current);
                }
                rename(file.getValue(), current);
            }
        } catch (IOException | RuntimeException e) {
            restore(kept, created);
            throw new ReconcileException(Kind.REFUSED, "could not write " + current, e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ". No file was changed.", e);
        } finally {
            staged.values().forEach(ImportFiles::deleteQuietly);
            kept.values().forEach(ImportFiles::deleteQuietly);
        }
    }

    /** Puts back the files replaced before a failure, and removes those created. */
    private static void restore(Map<Path, Path> kept, List<Path> created) {
        kept.forEach((file, keep) -> {
            try {
                rename(keep, file);
            } catch (IOException e) {
                // the kept link stays beside the file, named in no message: nothing better to do
            }
        });
        created.forEach(ImportFiles::deleteQuietly);
    }

    private static Path temporary(Path file, String text, boolean ownerOnly) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp;
        try {
            temp = ownerOnly ? Files.createTempFile(dir, ".tlctl-import", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, ".tlctl-import", ".tmp");
        } catch (UnsupportedOperationException e) {
            temp = Files.createTempFile(dir, ".tlctl-import", ".tmp");
        }
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            if (!ownerOnly) {
                temp.toFile().setReadable(true, false); // a spec is as readable as any file of the checkout
            }
            return temp;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static Path sibling(Path file, String suffix) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path name = Files.createTempFile(dir, ".tlctl-import", suffix);
        Files.delete(name); // only the unique name is wanted: a link takes it
        return name;
    }

    private static void rename(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file with no secret in it (a file of secrets is renamed, never left)
        }
    }

    private static String withoutDate(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : DATE.matcher(text.substring(0, end)).replaceFirst("") + text.substring(end);
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }
}
