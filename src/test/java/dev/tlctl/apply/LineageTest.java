package dev.tlctl.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.railway.PatchRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lineage check, a pure function of two listings of an environment's patches: another
 * writer's commit between tlctl's check and its write is found whichever end of the list is the
 * newest, and nothing of tlctl's own (or nothing Railway leaves out) is taken for one.
 */
class LineageTest {
    private static final String TOKEN = "0a1b2c3d4e5f";

    private static PatchRecord committed(String id, String message, String at) {
        return new PatchRecord(id, "COMMITTED", message, at, at);
    }

    private static final List<PatchRecord> BEFORE = List.of(
            committed("p1", "setup", "2026-11-30T08:00:00Z"),
            committed("p2", "tlctl apply: 1 to update (run ffffffffffff)", "2026-11-30T08:01:00Z"));

    private static Lineage lineage(List<PatchRecord> before, List<String> ownIds) {
        return new Lineage(TOKEN, Map.of("staging", before), ownIds.isEmpty() ? Map.of() : Map.of("staging", ownIds));
    }

    private static List<String> others(Lineage lineage, List<PatchRecord> after) {
        return lineage.others("staging", after).stream().map(Lineage.OtherWrite::patchId).toList();
    }

    private static List<PatchRecord> with(List<PatchRecord> list, PatchRecord... more) {
        List<PatchRecord> out = new ArrayList<>(list);
        out.addAll(List.of(more));
        return out;
    }

    @Test
    void anotherCommitSinceTheCheckIsFoundWhicheverEndIsNewest() {
        PatchRecord theirs = committed("p3", "tlctl apply: 1 to update (run 999999999999)", "2026-11-30T08:02:00Z");
        PatchRecord mine = committed("p4", Lineage.message("tlctl apply: 1 to update", TOKEN), "2026-11-30T08:02:01Z");
        List<PatchRecord> oldestFirst = with(BEFORE, theirs, mine);
        List<PatchRecord> newestFirst = new ArrayList<>(oldestFirst);
        Collections.reverse(newestFirst);
        List<PatchRecord> newestFirstBefore = new ArrayList<>(BEFORE);
        Collections.reverse(newestFirstBefore);

        assertEquals(List.of("p3"), others(lineage(BEFORE, List.of()), oldestFirst));
        assertEquals(List.of("p3"), others(lineage(newestFirstBefore, List.of()), newestFirst));
        Lineage.OtherWrite found = lineage(BEFORE, List.of()).others("staging", oldestFirst).get(0);
        assertEquals(new Lineage.OtherWrite("staging", "p3", "COMMITTED", "tlctl apply: 1 to update (run 999999999999)",
                "2026-11-30T08:02:00Z", "2026-11-30T08:02:00Z"), found);
    }

    @Test
    void ownPatchesAreKnownByTheTokenInTheirMessageOrByTheIdRailwayAnswered() {
        PatchRecord byToken = committed("p3", "x (run " + TOKEN + ")", "2026-11-30T08:02:00Z");
        PatchRecord byId = committed("p4", null, "2026-11-30T08:02:01Z");
        assertEquals(List.of(), others(lineage(BEFORE, List.of("p4")), with(BEFORE, byToken, byId)));
    }

    @Test
    void aStagedPatchIsNoWriteUntilCommittedAndThenItIs() {
        PatchRecord staged = new PatchRecord("p3", "STAGED", null, "2026-11-30T08:00:30Z", null);
        List<PatchRecord> before = with(BEFORE, staged);
        assertEquals(List.of(), others(lineage(BEFORE, List.of()), before), "someone's unsent dashboard edits");
        PatchRecord sent = new PatchRecord("p3", "COMMITTED", "Deploy", "2026-11-30T08:00:30Z", "2026-11-30T08:02:00Z");
        assertEquals(List.of("p3"), others(lineage(before, List.of()), with(BEFORE, sent)),
                "committed since the check, though made before it");
        PatchRecord applying = new PatchRecord("p5", "APPLYING", "a change set", "2026-11-30T08:02:00Z", null);
        assertEquals(List.of("p5"), others(lineage(BEFORE, List.of()), with(BEFORE, applying)), "being applied is a write");
    }

    @Test
    void aPatchAlreadyCommittedAtTheCheckOrOlderThanItsNewestIsNotAnotherWrite() {
        PatchRecord exposed = committed("p0", "from long ago", "2026-11-29T08:00:00Z");
        assertEquals(List.of(), others(lineage(BEFORE, List.of()), with(BEFORE, exposed)),
                "an end of the list moved: an old patch came into view");
        assertEquals(List.of(), others(lineage(BEFORE, List.of()), BEFORE));
    }

    @Test
    void nothingListedOrNoBaselineFindsNothing() {
        assertEquals(List.of(), others(lineage(List.of(), List.of()), List.of()), "Railway lists no patch at all");
        assertEquals(List.of(), others(lineage(BEFORE, List.of()), null));
        Lineage unknown = new Lineage(TOKEN, Map.of(), Map.of());
        assertTrue(!unknown.checks("staging"));
        assertEquals(List.of(), unknown.others("staging", with(BEFORE, committed("p3", "x", "2026-11-30T09:00:00Z"))));
    }

    @Test
    void whenRailwayDoesNotListThisRunsPatchASingleNewOneWithoutAMessageMayBeItAndIsNotBlamed() {
        PatchRecord unnamed = committed("p3", null, "2026-11-30T08:02:00Z");
        assertEquals(List.of(), others(lineage(BEFORE, List.of()), with(BEFORE, unnamed)));
        PatchRecord named = committed("p3", "dashboard: set DEBUG", "2026-11-30T08:02:00Z");
        assertEquals(List.of("p3"), others(lineage(BEFORE, List.of()), with(BEFORE, named)), "a message that is not ours");
        PatchRecord another = committed("p4", null, "2026-11-30T08:02:01Z");
        assertEquals(List.of("p3", "p4"), others(lineage(BEFORE, List.of()), with(BEFORE, unnamed, another)),
                "two new ones: at least one is not ours");
        PatchRecord mine = committed("p5", "m (run " + TOKEN + ")", "2026-11-30T08:02:02Z");
        assertEquals(List.of("p3"), others(lineage(BEFORE, List.of()), with(BEFORE, unnamed, mine)),
                "ours is listed: the other one is someone else's");
    }

    @Test
    void aHugeMessageIsCut() {
        String huge = "x".repeat(100_000);
        Lineage.OtherWrite found = lineage(BEFORE, List.of()).others("staging",
                with(BEFORE, committed("p3", huge, "2026-11-30T08:02:00Z"))).get(0);
        assertTrue(found.message().length() < 600, found.message().length() + " characters");
        assertTrue(found.message().endsWith("... (99500 more characters)"), found.message().substring(490));
    }

    @Test
    void theRunsMessageCarriesItsTokenAndTokensDiffer() {
        assertEquals("tlctl apply: 0 to create (run " + TOKEN + ")", Lineage.message("tlctl apply: 0 to create", TOKEN));
        String a = Lineage.newToken();
        assertTrue(a.matches("[0-9a-f]{12}"), a);
        assertTrue(!a.equals(Lineage.newToken()));
    }
}
