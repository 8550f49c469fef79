package dev.tlctl.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.secret.Fingerprint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The records of what tlctl wrote: kept per project, forgotten under what was deleted, merged between runs. */
class FileLocalRecordsTest {
    private static final String ENDPOINT = "https://backboard.railway.com/graphql/v2";

    @TempDir
    Path dir;

    private static Fingerprint fp(String value) {
        return Fingerprint.of(value, Fingerprint.newSalt());
    }

    @Test
    void whatIsWrittenIsRememberedAndWhatIsDeletedForgottenWithWhatIsUnderIt() {
        FileLocalRecords records = new FileLocalRecords(dir, null);
        Map<String, Fingerprint> written = new LinkedHashMap<>();
        written.put("staging/engine-api/variable/A", fp("1"));
        written.put("staging/engine-api/setting/deploy.numReplicas", fp("2"));
        written.put("staging/engine-api-2/variable/A", fp("3"));
        written.put("staging/variable/DEBUG", fp("0"));
        records.rememberWritten(ENDPOINT, "prj-1", written, List.of());
        assertTrue(records.save());

        FileLocalRecords next = new FileLocalRecords(dir, null);
        assertEquals(written.keySet(), next.written(ENDPOINT, "prj-1").keySet());
        assertTrue(next.written(ENDPOINT, "prj-1").get("staging/variable/DEBUG").matches("0"));
        next.rememberWritten(ENDPOINT, "prj-1", Map.of(), List.of("staging/engine-api"));
        assertTrue(next.save());

        assertEquals(List.of("staging/engine-api-2/variable/A", "staging/variable/DEBUG"),
                List.copyOf(new FileLocalRecords(dir, null).written(ENDPOINT, "prj-1").keySet()),
                "a removed instance takes its records along, not a sibling's with the same prefix");
    }

    @Test
    void twoRunsAtOnceKeepBothRecordsAndALostProjectDropsItsOwn() throws Exception {
        FileLocalRecords one = new FileLocalRecords(dir, null);
        FileLocalRecords two = new FileLocalRecords(dir, null);
        one.rememberProject(ENDPOINT, null, "tl-engine", "prj-1");
        one.rememberWritten(ENDPOINT, "prj-1", Map.of("production/variable/A", fp("a")), List.of());
        two.rememberWritten(ENDPOINT, "prj-1", Map.of("staging/variable/B", fp("b")), List.of());
        assertTrue(one.save());
        assertTrue(two.save());
        FileLocalRecords both = new FileLocalRecords(dir, null);
        assertEquals(2, both.written(ENDPOINT, "prj-1").size());

        both.rememberProject(ENDPOINT, null, "tl-engine", null); // the project is gone
        assertTrue(both.save());
        assertEquals(Map.of(), new FileLocalRecords(dir, null).written(ENDPOINT, "prj-1"));
        assertTrue(!Files.readString(dir.resolve("state.json")).contains("prj-1"));
    }
}
