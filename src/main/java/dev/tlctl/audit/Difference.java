package dev.tlctl.audit;

import java.util.Objects;

/**
 * One difference between two live environments ({@code tlctl drift --compare LEFT RIGHT}), for a
 * service's instance, setting or variable, or a shared variable ({@code service} null). Values
 * are what each side holds: a {@link dev.tlctl.secret.Secret} for a variable, a setting's value;
 * null where that side has none.
 *
 * @param leftAddress where it is in the left environment (null: absent there)
 * @param rightAddress where it is in the right environment (null: absent there)
 * @param declared the spec declares this difference (an overlay sets another value, or enables a
 *     service in one environment only): expected, listed apart from undeclared ones
 * @param detail a remark for the reader; null when none
 */
public record Difference(Type type, Subject subject, String service, String name, String leftAddress,
        String rightAddress, Object left, Object right, boolean sensitive, boolean declared, String detail) {

    /** What kind of difference. */
    public enum Type {
        /** Present in the left environment only. */
        ONLY_LEFT,
        /** Present in the right environment only. */
        ONLY_RIGHT,
        /** Present in both with different values. */
        DIFFERENT,
        /** A service variable holds its own value where its environment shares one of the same name. */
        SHADOWS,
        /** A secret with the same value in both environments: one reads the other's resource. A risk. */
        SAME_SECRET
    }

    /** What differs. */
    public enum Subject { INSTANCE, SETTING, VARIABLE }

    public Difference {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
    }

    /** Whether it is a risk rather than a plain difference. */
    public boolean risk() {
        return type == Type.SAME_SECRET;
    }
}
