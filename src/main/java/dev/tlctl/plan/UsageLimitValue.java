package dev.tlctl.plan;

/** A usage limit as a plan shows it: whole dollars, {@code hard} null when none. */
public record UsageLimitValue(int soft, Integer hard) {
    @Override
    public String toString() {
        return "soft $" + soft + (hard == null ? ", no hard limit" : ", hard $" + hard);
    }
}
