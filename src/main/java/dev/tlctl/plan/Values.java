package dev.tlctl.plan;

import dev.tlctl.secret.Shown;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** Equality of setting values across the spec's and Railway's representations, and how a result value is shown. */
public final class Values {
    private Values() {}

    /**
     * How a value of a plan or an audit is shown (see {@link Shown}): a usage limit as its text
     * with a JSON object; a variable's {@link dev.tlctl.secret.Secret} hidden unless
     * {@code showValues}; a setting as itself; masked when {@code sensitive} or its content is a
     * credential.
     */
    public static Shown shown(Object value, boolean sensitive, boolean showValues) {
        if (value instanceof UsageLimitValue limit) {
            return sensitive ? Shown.MASKED : Shown.text(limit.toString(), limit.json());
        }
        return Shown.of(value, sensitive, showValues);
    }

    /**
     * One text per value, equal for values that are {@link #same}: numbers without trailing
     * zeros (2 and 2.0 give "2"), lists as their items joined by newlines and each prefixed by its
     * length. What the local records fingerprint for a setting.
     */
    public static String canonical(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof List<?> list) {
            StringBuilder text = new StringBuilder("[");
            for (Object item : list) {
                String one = canonical(item);
                text.append(one.length()).append(':').append(one).append('\n');
            }
            return text.append(']').toString();
        }
        return value.toString();
    }

    /** Numbers compare by value (2 equals 2.0); lists element by element; the rest by equals. */
    public static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }
}
