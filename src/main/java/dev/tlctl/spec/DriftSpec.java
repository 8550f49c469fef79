package dev.tlctl.spec;

import java.util.List;

/**
 * How {@code tlctl drift} reads the project: addresses that are meant to be managed by hand on
 * Railway, which drift never reports. Each is an address with globs: {@code *} matches within one
 * segment (between slashes), {@code **} across segments, such as
 * {@code staging/engine-api/variable/FEATURE_*} or {@code **}{@code /variable/RAILWAY_*}.
 */
public record DriftSpec(List<String> ignore) {
    /** The longest pattern the reader takes. */
    public static final int MAX_PATTERN = 512;

    public DriftSpec {
        ignore = List.copyOf(ignore);
    }

    /** Nothing ignored. */
    public static DriftSpec none() {
        return new DriftSpec(List.of());
    }

    /** Whether {@code address} matches one of the ignore patterns. */
    public boolean ignores(String address) {
        return ignore.stream().anyMatch(pattern -> matches(pattern, address));
    }

    /**
     * Glob matching without regular expressions or backtracking: a table of (pattern position,
     * text position), so time is the product of the two lengths whatever the pattern (a pattern of
     * many stars cannot make it exponential). The reader caps a pattern's length.
     */
    static boolean matches(String pattern, String text) {
        int p = pattern.length();
        int t = text.length();
        // rows[i][j]: pattern from i matches text from j
        boolean[][] rows = new boolean[p + 2][t + 1];
        rows[p][t] = true;
        for (int i = p - 1; i >= 0; i--) {
            char c = pattern.charAt(i);
            boolean across = c == '*' && i + 1 < p && pattern.charAt(i + 1) == '*';
            for (int j = t; j >= 0; j--) {
                boolean match;
                if (across) {
                    match = rows[i + 2][j] || j < t && rows[i][j + 1];
                } else if (c == '*') {
                    match = rows[i + 1][j] || j < t && text.charAt(j) != '/' && rows[i][j + 1];
                } else {
                    match = j < t && text.charAt(j) == c && rows[i + 1][j + 1];
                }
                rows[i][j] = match;
            }
        }
        return rows[0][0];
    }
}
