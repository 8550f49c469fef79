package dev.tlctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.live.LiveVolumeInstance;
import dev.tlctl.spec.Diagnostic;
import dev.tlctl.spec.Location;
import dev.tlctl.spec.SpecException;
import dev.tlctl.spec.VolumeSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Volumes planned per instance: adopted at their path, created when missing, grown but never shrunk. */
class VolumePlannerTest {
    private static final Location AT = new Location("environments/staging.yaml", "services.api.volumes[0]", 7, 9);

    private final Set<String> adopted = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();

    private static LiveVolumeInstance live(String path, int sizeMB) {
        return new LiveVolumeInstance("v-1", "api-volume", "e-1", "s-api", path, sizeMB);
    }

    private List<Change> plan(VolumeSpec desired, LiveVolumeInstance... mounted) {
        return VolumePlanner.plan("staging", "api", List.of(desired), List.of(mounted), adopted, notes);
    }

    @Test
    void aVolumeAtTheDeclaredPathIsAdoptedAndASizeLeftOutIsNotCompared() {
        assertEquals(List.of(), plan(new VolumeSpec("/data", null, AT), live("/data", 50_000)));
        assertEquals(List.of(), plan(new VolumeSpec("/data", 50_000, AT), live("/data", 50_000)));
        assertEquals(Set.of("v-1"), adopted);
        assertEquals(List.of(), notes);
    }

    @Test
    void aLargerSizeGrowsItInPlaceWithoutADeploy() {
        List<Change> changes = plan(new VolumeSpec("/data", 10_000, AT), live("/data", 5_000));
        Change.Volume grown = (Change.Volume) changes.get(0);
        assertEquals(Action.UPDATE, grown.action());
        assertEquals("staging/api/volume/data", grown.address().text());
        assertEquals("v-1", grown.volumeId());
        assertEquals(5_000, grown.beforeSizeMB());
        assertEquals(10_000, grown.sizeMB());
        assertEquals("grows volume api-volume from 5000 MB to 10000 MB; deploys nothing", grown.note());
        assertTrue(grown.inCommit(), "a size travels in the environment's config");
        assertEquals(Set.of("v-1"), adopted);
    }

    @Test
    void aSmallerSizeIsRefusedAtTheSpecsLine() {
        SpecException e = assertThrows(SpecException.class,
                () -> plan(new VolumeSpec("/data", 1_000, AT), live("/data", 5_000)));
        Diagnostic d = e.errors().get(0);
        assertEquals("volume at staging/api/volume/data cannot shrink from 5000 MB to 1000 MB", d.summary());
        assertEquals("environments/staging.yaml:7:9 (services.api.volumes[0].size)", d.location().toString());
        assertTrue(d.detail().startsWith("Railway grows a volume but never shrinks one. Write size: 5000 (or more)"),
                d.detail());
    }

    @Test
    void aMissingVolumeIsCreatedAtItsSizeAndAVolumeElsewhereIsLeftWithANote() {
        Change.Volume created = (Change.Volume) plan(new VolumeSpec("/data", 10_000, AT)).get(0);
        assertEquals(Action.CREATE, created.action());
        assertEquals(10_000, created.sizeMB());
        assertEquals("at 10000 MB; mounting it deploys", created.note());
        assertTrue(!created.inCommit(), "a volume is created by its own call");

        assertEquals(List.of(), plan(new VolumeSpec("/data", null, AT), live("/cache", 5_000)));
        assertTrue(notes.get(0).startsWith("staging/api mounts volume api-volume at /cache, not /data"), notes::toString);
    }

    @Test
    void aVolumeIsNeverShrunkNorDeletedByAChange() {
        assertThrows(IllegalArgumentException.class, () -> new Change.Volume(Action.UPDATE, "staging", "api", "/data",
                "v-1", 10_000, 5_000, null));
        assertThrows(IllegalArgumentException.class, () -> new Change.Volume(Action.DELETE, "staging", "api", "/data",
                null));
    }
}
