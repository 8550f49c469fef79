package dev.tlctl.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** Equality of setting values across the spec's and Railway's representations. */
final class Values {
    private Values() {}

    /** Numbers compare by value (2 equals 2.0); lists element by element; the rest by equals. */
    static boolean same(Object a, Object b) {
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
