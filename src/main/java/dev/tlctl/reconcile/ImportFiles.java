package dev.tlctl.reconcile;

import dev.tlctl.reconcile.ReconcileException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
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
 * each is written whole through a temporary file and a rename, so that a kill leaves the old file
 * or the new one, never half of one.
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

    /** Refuses when a file exists and differs, unless {@code force}; nothing is written then. */
    static void checkOverwrite(Path dir, Map<String, String> files, Map<String, Boolean> unchanged, boolean force) {
        if (force) {
            return;
        }
        List<String> existing = new ArrayList<>();
        files.keySet().forEach(path -> {
            if (Files.exists(dir.resolve(path)) && !unchanged.get(path)) {
                existing.add(path);
            }
        });
        if (!existing.isEmpty()) {
            throw new ReconcileException(Kind.REFUSED, String.join(", ", existing) + (existing.size() == 1 ? " exists"
                    : " exist") + " in " + dir, "tlctl import does not replace files without --force (or print them"
                    + " with --stdout). Nothing was written.");
        }
    }

    /** Writes {@code text} to {@code file} whole; {@code ownerOnly} gives it mode 0600 from the start. */
    static void write(Path file, String text, boolean ownerOnly) {
        try {
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
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new ReconcileException(Kind.REFUSED, "could not write " + file, e.getClass().getSimpleName() + ": "
                    + e.getMessage(), e);
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
