package dev.tlctl.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import's files are written all or none, whole, and a file of secrets owner-only from the start. */
class ImportFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFailedRenamePutsBackEveryFileRenamedBeforeIt() throws Exception {
        Path replaced = dir.resolve("tl-engine.yaml");
        Files.writeString(replaced, "old\n");
        Path created = dir.resolve("environments/production.yaml");
        Path blocked = dir.resolve("environments/staging.yaml");
        Files.createDirectories(blocked.resolve("inside")); // a folder that a file cannot replace
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(replaced, "new\n");
        files.put(created, "production\n");
        files.put(blocked, "staging\n");

        ReconcileException e = assertThrows(ReconcileException.class, () -> ImportFiles.writeAll(files, Set.of()));
        assertTrue(e.getMessage().contains("staging.yaml"), e.getMessage());
        assertTrue(e.detail().contains("No file was changed."), e.detail());
        assertEquals("old\n", Files.readString(replaced));
        assertFalse(Files.exists(created));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void everyFileIsWrittenAndTheSecretsFileIsOwnerOnly() throws Exception {
        Path spec = dir.resolve("tl-engine.yaml");
        Path secrets = dir.resolve("secrets.env");
        Files.writeString(spec, "old\n");
        ImportFiles.writeAll(Map.of(spec, "new\n", secrets, "A=\"b\"\n"), Set.of(secrets));
        assertEquals("new\n", Files.readString(spec));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)));
        assertTrue(Files.getPosixFilePermissions(spec).size() > 2, "a spec file keeps the usual mode");
        assertEquals(List.of(), leftovers());
    }

    private List<Path> leftovers() throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().startsWith(".tlctl-import")).toList();
        }
    }
}
