package dev.tlctl.plan;

/**
 * Railway's pull request environment settings as a plan shows them; {@code from} is the base
 * environment's name (null: Railway's default).
 */
public record PullRequestsValue(boolean enabled, String from, boolean focused, boolean bots) {
    /** The JSON form: {@code {"enabled": true, "from": "staging", "focused": true, "bots": false}}. */
    public java.util.Map<String, Object> json() {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("enabled", enabled);
        out.put("from", from);
        out.put("focused", focused);
        out.put("bots", bots);
        return out;
    }

    @Override
    public String toString() {
        return (enabled ? "enabled" : "disabled") + ", from " + (from == null ? "Railway's default" : from)
                + (focused ? ", focused" : ", not focused") + (bots ? ", bots too" : ", no bots");
    }
}
