package dev.tlctl.apply;

import dev.tlctl.railway.PatchRecord;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an apply knows of the lineage of the environments it wrote without a guard: the patches
 * Railway listed just before the write (read with the etags), the run's token (in the message of
 * every commit it makes) and the ids Railway answered to its commits. After the write, the patches
 * listed again tell whether someone else committed between tlctl's check and its write (or just
 * after it): {@link #others}. Railway cannot refuse such a write (a patch carries no etag), so
 * this is found after the fact, and the apply fails loudly. A pure function of what was read.
 *
 * @param runToken the token in this run's commit messages
 * @param before the patches listed before the write, by environment name; an environment absent
 *     here (created by this apply, or whose patches Railway would not list) is not checked
 * @param own the ids Railway answered to this run's commits, by environment name
 */
public record Lineage(String runToken, Map<String, List<PatchRecord>> before, Map<String, List<String>> own) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Another writer's patch, committed (or being applied) in an environment around this apply's
     * write; its message cut at {@value #MESSAGE_LIMIT} characters.
     */
    public record OtherWrite(String environment, String patchId, String status, String message, String createdAt,
            String appliedAt) {
        /** When it was applied, else when it was made (null when Railway said neither). */
        public String time() {
            return appliedAt != null ? appliedAt : createdAt;
        }
    }

    public Lineage {
        Objects.requireNonNull(runToken, "runToken");
        before = Map.copyOf(before);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        own.forEach((env, ids) -> copy.put(env, List.copyOf(ids)));
        own = Map.copyOf(copy);
    }

    /** A fresh token for a run: 12 hex digits, random (nothing secret, nothing about the user). */
    public static String newToken() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The commit message of a run: the caller's, with the run's token. */
    public static String message(String message, String runToken) {
        return message + " (run " + runToken + ")";
    }

    /** Whether {@code environment} can be checked (its patches were listed before the write). */
    public boolean checks(String environment) {
        return before.containsKey(environment);
    }

    /**
     * The patches in {@code after} (listed after the write) that someone else committed around
     * it: written (COMMITTED or APPLYING), not this run's (neither an id Railway answered to it nor
     * a message with its token), and not already committed before the write (new since then, or
     * then STAGED or APPLYING). A patch absent before but made before the newest one listed then
     * is old (an end of the list moved) and not counted. If none of the patches is this run's
     * (Railway does not list it, or keeps neither id nor message), a single new one without a
     * message may be this run's own and is not counted: the read-back of values still stands.
     */
    public List<OtherWrite> others(String environment, List<PatchRecord> after) {
        List<PatchRecord> was = before.get(environment);
        if (was == null || after == null) {
            return List.of();
        }
        Map<String, PatchRecord> earlier = new LinkedHashMap<>();
        was.forEach(p -> earlier.put(p.id(), p));
        Instant newest = was.stream().map(p -> instant(p.createdAt())).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        List<String> ids = own.getOrDefault(environment, List.of());
        boolean ownSeen = false;
        List<PatchRecord> found = new ArrayList<>();
        for (PatchRecord p : after) {
            if (ids.contains(p.id()) || p.message() != null && p.message().contains(runToken)) {
                ownSeen = true;
                continue;
            }
            if (!p.written()) {
                continue;
            }
            PatchRecord then = earlier.get(p.id());
            if (then != null ? !"COMMITTED".equals(then.status()) : !olderThan(p, newest)) {
                found.add(p);
            }
        }
        if (!ownSeen && found.size() == 1 && (found.get(0).message() == null || found.get(0).message().isBlank())
                && !earlier.containsKey(found.get(0).id())) {
            return List.of();
        }
        return found.stream().map(p -> new OtherWrite(environment, p.id(), p.status(), clip(p.message()),
                p.createdAt(), p.appliedAt())).toList();
    }

    /** The longest message kept of another's patch: it is someone's free text, of any length. */
    static final int MESSAGE_LIMIT = 500;

    private static String clip(String message) {
        if (message == null || message.length() <= MESSAGE_LIMIT) {
            return message;
        }
        int end = Character.isHighSurrogate(message.charAt(MESSAGE_LIMIT - 1)) ? MESSAGE_LIMIT - 1 : MESSAGE_LIMIT;
        return message.substring(0, end) + "... (" + (message.length() - end) + " more characters)";
    }

    private static boolean olderThan(PatchRecord p, Instant newest) {
        Instant made = instant(p.createdAt());
        return newest != null && made != null && made.isBefore(newest);
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
