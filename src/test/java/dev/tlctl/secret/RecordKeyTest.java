package dev.tlctl.secret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecordKeyTest {

    @Test
    void fingerprintsAreKeyedBySourceProjectScopeAndAddress() {
        RecordKey key = RecordKey.of("fake-team-key", "prj-1");
        byte[] fp = key.fingerprint("env-1", "engine-api/variable/DEBUG", "1");
        assertEquals(RecordKey.FINGERPRINT_BYTES, fp.length);
        assertArrayEquals(fp, RecordKey.of("fake-team-key", "prj-1").fingerprint("env-1", "engine-api/variable/DEBUG", "1"));
        assertFalse(Arrays.equals(fp, RecordKey.of("another-key", "prj-1").fingerprint("env-1", "engine-api/variable/DEBUG", "1")));
        assertFalse(Arrays.equals(fp, RecordKey.of("fake-team-key", "prj-2").fingerprint("env-1", "engine-api/variable/DEBUG", "1")));
        assertFalse(Arrays.equals(fp, key.fingerprint("env-2", "engine-api/variable/DEBUG", "1")), "per environment");
        assertFalse(Arrays.equals(fp, key.fingerprint("env-1", "engine-api/variable/OTHER", "1")), "per address");
        Witness witness = key.witness("env-1", "engine-api/variable/DEBUG", fp);
        assertTrue(witness.matches("1"));
        assertFalse(witness.matches("2"));
        assertTrue(witness.matches(Secret.of("1")));
    }

    @Test
    void aScopesFingerprintsAreItsFingerprints() {
        RecordKey key = RecordKey.of("fake-team-key", "prj-1");
        RecordKey.Fingerprints env1 = key.in("env-1");
        for (String value : new String[] {"1", "", "x".repeat(200), "m\u00f6t"}) {
            assertArrayEquals(key.fingerprint("env-1", "engine-api/variable/DEBUG", value),
                    env1.of("engine-api/variable/DEBUG", value), value);
        }
        assertFalse(Arrays.equals(env1.of("variable/A", "1"), key.in("env-2").of("variable/A", "1")), "per scope");
    }

    @Test
    void theDefaultIsUsedWithoutASourceAndSaysSo() {
        assertTrue(RecordKey.of(null, "prj-1").usesDefault());
        assertTrue(RecordKey.of("", "prj-1").usesDefault());
        assertFalse(RecordKey.of("fake-team-key", "prj-1").usesDefault());
        assertFalse(RecordKey.of(null, "prj-1").toString().contains(RecordKey.DEFAULT_SOURCE));
        assertEquals("RecordKey(TLCTL_RECORD_KEY)", RecordKey.of("fake-team-key", "prj-1").toString());
    }

    @Test
    void aCachedKeyIsUsedOnlyForItsOwnSourceAndSalt() {
        RecordKey derived = RecordKey.of("fake-team-key", "prj-1");
        byte[] key = derived.derived();
        byte[] binding = derived.binding();
        assertTrue(derived.derivedHere());
        RecordKey cached = RecordKey.cached("fake-team-key", "prj-1", key, binding);
        assertTrue(cached.isDerived());
        assertFalse(cached.derivedHere(), "taken from the cache, not derived again");
        assertArrayEquals(derived.check("env-1"), cached.check("env-1"));
        RecordKey otherSource = RecordKey.cached("another-key", "prj-1", key, binding);
        assertFalse(otherSource.isDerived(), "a cache of another key text is not used");
        RecordKey otherProject = RecordKey.cached("fake-team-key", "prj-2", key, binding);
        assertFalse(otherProject.isDerived());
        byte[] tampered = key.clone();
        tampered[0] ^= 1;
        assertFalse(RecordKey.cached("fake-team-key", "prj-1", tampered, binding).isDerived());
    }
}
