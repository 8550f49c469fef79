package dev.tlctl.audit;

import java.util.Locale;

/** Dollars and percentages as messages write them: {@code $1,234.50}, {@code $25}, {@code 106%}. */
public final class Money {
    private Money() {}

    /** Dollars with cents: {@code $26.40}. */
    public static String dollars(double value) {
        return (value < 0 ? "-$" : "$") + String.format(Locale.ROOT, "%,.2f", Math.abs(value));
    }

    /** Dollars without cents when whole: {@code $25}, else as {@link #dollars}. */
    public static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e12
                ? (value < 0 ? "-$" : "$") + String.format(Locale.ROOT, "%,d", (long) Math.abs(value))
                : dollars(value);
    }

    /** A percentage rounded to a whole number: {@code 106%}. */
    public static String percent(double value) {
        return Math.round(value) + "%";
    }

    /** A number as people write it: 2 rather than 2.0, 0.5 as is. */
    public static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }
}
