package dev.tlctl.audit;

import dev.tlctl.plan.Address;
import dev.tlctl.plan.UsageLimitValue;
import dev.tlctl.secret.Secret;
import java.util.Objects;

/**
 * One difference between the spec and Railway. Values are what each side holds: a {@link Secret}
 * for a variable (never shown when {@code sensitive}; see {@link dev.tlctl.plan.Values#shown}), a
 * setting's value, a {@link UsageLimitValue}; null where that side has nothing (or Railway will
 * not return it: a sealed value).
 *
 * @param side which side has it
 * @param direction which side changed since tlctl last wrote it, when its records can tell
 * @param detail a remark, such as the shared variable a service variable shadows; null when none
 */
public record DriftFinding(
        Address address, Side side, Direction direction, Object railway, Object spec, boolean sensitive,
        String detail) {

    /** Where the thing is. */
    public enum Side {
        /** Declared in the spec, absent on Railway. */
        ONLY_IN_SPEC,
        /** On Railway, not declared (or set to a non-default value the spec does not declare). */
        ONLY_ON_RAILWAY,
        /** On both, with different values. */
        DIFFERENT
    }

    /** Which side moved since tlctl's last apply, from the fingerprints of what it wrote. */
    public enum Direction {
        /** The spec still says what tlctl wrote; Railway does not hold it any more. */
        RAILWAY_CHANGED,
        /** Railway still holds what tlctl wrote; the spec says something else now. */
        SPEC_CHANGED,
        /** Neither side holds what tlctl wrote. */
        BOTH_CHANGED,
        /** tlctl has no record of writing it. */
        UNKNOWN
    }

    public DriftFinding {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(direction, "direction");
    }

    /** The same finding with a remark. */
    public DriftFinding withDetail(String text) {
        return new DriftFinding(address, side, direction, railway, spec, sensitive, text);
    }

    /** One line for a reader: what differs, and which way when tlctl can tell. */
    public String explanation() {
        return switch (side) {
            case DIFFERENT -> switch (direction) {
                case RAILWAY_CHANGED -> "changed on Railway since tlctl last applied it";
                case SPEC_CHANGED -> "changed in the YAML and not applied yet";
                case BOTH_CHANGED -> "changed on Railway and in the YAML since tlctl last applied it";
                case UNKNOWN -> "differs";
            };
            case ONLY_IN_SPEC -> switch (direction) {
                case RAILWAY_CHANGED -> "deleted on Railway since tlctl applied it";
                case BOTH_CHANGED -> "deleted on Railway, and changed in the YAML since tlctl applied it";
                case SPEC_CHANGED, UNKNOWN -> "in the YAML, not on Railway";
            };
            case ONLY_ON_RAILWAY -> switch (direction) {
                case SPEC_CHANGED -> "removed from the YAML and not applied yet";
                case BOTH_CHANGED -> "removed from the YAML, and changed on Railway since tlctl applied it";
                case RAILWAY_CHANGED, UNKNOWN -> "on Railway, not in the YAML";
            };
        };
    }
}
