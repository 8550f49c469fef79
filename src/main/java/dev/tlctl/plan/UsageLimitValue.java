package dev.tlctl.plan;

/** A usage limit as a plan shows it: whole dollars, {@code hard} null when none. */
public record UsageLimitValue(int soft, Integer hard) {
    /** The JSON form: {@code {"softLimitDollars": 25, "hardLimitDollars": 50}} (null: no hard limit). */
    public java.util.Map<String, Object> json() {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("softLimitDollars", soft);
        out.put("hardLimitDollars", hard);
        return out;
    }

    @Override
    public String toString() {
        return "soft $" + soft + (hard == null ? ", no hard limit" : ", hard $" + hard);
    }
}
