package dev.tlctl.reconcile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.secret.Fingerprint;
import dev.tlctl.secret.RecordKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local cache: project ids and derived record keys, merged between runs; earlier versions' fingerprints read. */
class FileLocalRecordsTest {
    private static final String ENDPOINT = "https://backboard.railway.com/graphql/v2";

    @TempDir
    Path dir;

    @Test
    void fingerprintsEarlierVersionsKeptAreStillRead() throws Exception {
        Fingerprint fp = Fingerprint.of("0", Fingerprint.newSalt());
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("state.json"), "{\"formatVersion\":1,\"endpoints\":{\"" + ENDPOINT + "\":{"
                + "\"written\":{\"prj-1\":{\"staging/variable/DEBUG\":\"" + fp.text() + "\"}},"
                + "\"sealed\":{\"prj-1\":{\"staging/engine-api/variable/API_TOKEN\":\"" + fp.text() + "\","
                + "\"staging/variable/BROKEN\":\"not a fingerprint\"}}}}}");
        Map<String, Fingerprint> written = new FileLocalRecords(dir, null).written(ENDPOINT, "prj-1");
        assertEquals(List.of("staging/engine-api/variable/API_TOKEN", "staging/variable/DEBUG"),
                written.keySet().stream().sorted().toList(), "an unreadable entry is left out");
        assertTrue(written.get("staging/variable/DEBUG").matches("0"));
    }

    @Test
    void aDerivedRecordKeyIsCachedForItsOwnKeyTextOnly() throws Exception {
        FileLocalRecords first = new FileLocalRecords(dir, null, "fake-team-key");
        RecordKey key = first.recordKey(ENDPOINT, "prj-1");
        assertFalse(key.isDerived(), "nothing cached yet, nothing derived until needed");
        byte[] check = key.check("env-1");
        first.rememberRecordKey(ENDPOINT, "prj-1", key);
        assertTrue(first.save());
        String state = Files.readString(dir.resolve("state.json"));
        assertFalse(state.contains("fake-team-key"), "the key text is never kept");

        RecordKey cached = new FileLocalRecords(dir, null, "fake-team-key").recordKey(ENDPOINT, "prj-1");
        assertTrue(cached.isDerived() && !cached.derivedHere(), "taken from the cache");
        assertArrayEquals(check, cached.check("env-1"));
        assertFalse(new FileLocalRecords(dir, null, "another-key").recordKey(ENDPOINT, "prj-1").isDerived(),
                "another TLCTL_RECORD_KEY does not use the cache");
        assertFalse(new FileLocalRecords(dir, null, "fake-team-key").recordKey(ENDPOINT, "prj-2").isDerived());
    }

    @Test
    void runsAtOnceKeepEverythingAndALostProjectDropsItsOwn() throws Exception {
        FileLocalRecords one = new FileLocalRecords(dir, null, null);
        FileLocalRecords two = new FileLocalRecords(dir, null, null);
        one.rememberProject(ENDPOINT, null, "tl-engine", "prj-1");
        RecordKey key = two.recordKey(ENDPOINT, "prj-1");
        key.check("env-1");
        two.rememberRecordKey(ENDPOINT, "prj-1", key);
        // Two runs in one process save at once: neither fails, neither loses the other's change.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> a = pool.submit(one::save);
            Future<Boolean> b = pool.submit(two::save);
            assertTrue(a.get() && b.get());
        } finally {
            pool.shutdown();
        }
        FileLocalRecords both = new FileLocalRecords(dir, null, null);
        assertEquals("prj-1", both.projectId(ENDPOINT, null, "tl-engine"));
        assertTrue(both.recordKey(ENDPOINT, "prj-1").isDerived());

        both.rememberProject(ENDPOINT, null, "tl-engine", null); // the project is gone
        assertTrue(both.save());
        assertFalse(Files.readString(dir.resolve("state.json")).contains("prj-1"), "its cached key goes with it");
    }
}
