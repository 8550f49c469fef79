package dev.tlctl.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tlctl's own files: owner-only, whole or not at all, and a created file is never replaced. */
class OwnerOnlyFileTest {
    @TempDir
    Path dir;

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replaceWritesAWholeOwnerOnlyFileAndLeavesNothingBehind() throws Exception {
        Path file = dir.resolve("sub/state.json");
        OwnerOnlyFile.replace(file, "one".getBytes(StandardCharsets.UTF_8));
        OwnerOnlyFile.replace(file, "two".getBytes(StandardCharsets.UTF_8));
        assertEquals("two", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of("state.json"), files.map(f -> f.getFileName().toString()).toList(), "no temporary file left");
        }
    }

    @Test
    void createNeverReplacesAndOneOfManyWriters() throws Exception {
        Path key = dir.resolve("plan.key");
        assertTrue(OwnerOnlyFile.create(key, "first".getBytes(StandardCharsets.UTF_8)));
        assertFalse(OwnerOnlyFile.create(key, "second".getBytes(StandardCharsets.UTF_8)));
        assertEquals("first", Files.readString(key));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));

        Path raced = dir.resolve("raced.key");
        int writers = 8;
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String text = "writer-" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return OwnerOnlyFile.create(raced, text.getBytes(StandardCharsets.UTF_8));
                }));
            }
            List<Integer> won = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                if (results.get(i).get()) {
                    won.add(i);
                }
            }
            assertEquals(1, won.size(), "exactly one writer made the file: " + won);
            assertEquals("writer-" + won.get(0), Files.readString(raced), "and the file is the winner's, whole");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("plan.key", "raced.key"), names(), "no temporary file left");
    }
}
