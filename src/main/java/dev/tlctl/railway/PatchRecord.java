package dev.tlctl.railway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One patch of an environment as Railway lists it ({@code environmentPatches}): its id, status,
 * commit message and times, never its content (which holds variable values). The message is
 * someone's free text: shown, it must be escaped.
 *
 * @param status Railway's {@code EnvironmentPatchStatus}: STAGED, APPLYING or COMMITTED (any
 *     other word as Railway sent it)
 * @param appliedAt null until applied
 */
public record PatchRecord(String id, String status, String message, String createdAt, String appliedAt) {
    /** The patches at each end of the list Railway returns ({@code head} and {@code tail}), each once, in that order. */
    static List<PatchRecord> of(JsonNode answer) {
        Map<String, PatchRecord> byId = new LinkedHashMap<>();
        for (String end : List.of("head", "tail")) {
            for (JsonNode edge : answer.path(end).path("edges")) {
                JsonNode node = edge.path("node");
                String id = LiveMapper.text(node, "id");
                if (id != null) {
                    byId.putIfAbsent(id, new PatchRecord(id, LiveMapper.text(node, "status"),
                            LiveMapper.text(node, "message"), LiveMapper.text(node, "createdAt"),
                            LiveMapper.text(node, "appliedAt")));
                }
            }
        }
        return new ArrayList<>(byId.values());
    }

    /** Whether the patch is a write: committed, or being applied (a STAGED one is someone's unsent edit). */
    public boolean written() {
        return "COMMITTED".equals(status) || "APPLYING".equals(status);
    }
}
