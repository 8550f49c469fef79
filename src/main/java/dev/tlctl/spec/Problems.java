package dev.tlctl.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects diagnostics while reading, so that every problem is reported at once. The same
 * diagnostic found twice (a base value read once per environment) is kept once.
 */
final class Problems {
    private final Set<Diagnostic> diagnostics = new LinkedHashSet<>();

    void error(Location location, String summary, String detail) {
        diagnostics.add(Diagnostic.error(location, summary, detail));
    }

    void error(Diagnostic.Cause cause, Location location, String summary, String detail) {
        diagnostics.add(Diagnostic.error(cause, location, summary, detail));
    }

    void warning(Location location, String summary, String detail) {
        diagnostics.add(Diagnostic.warning(location, summary, detail));
    }

    void add(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }

    /** Everything collected, in the order found. */
    List<Diagnostic> all() {
        return List.copyOf(diagnostics);
    }

    boolean hasErrors() {
        for (Diagnostic diagnostic : diagnostics) { // a loop, not a stream: asked on every load's path
            if (diagnostic.isError()) {
                return true;
            }
        }
        return false;
    }

    /** File, line, column order; written out rather than composed of lambdas, which cost start-up. */
    private static final Comparator<Diagnostic> BY_POSITION = new Comparator<>() {
        @Override
        public int compare(Diagnostic a, Diagnostic b) {
            int byFile = a.location().file().compareTo(b.location().file());
            if (byFile != 0) {
                return byFile;
            }
            int byLine = Integer.compare(a.location().line(), b.location().line());
            return byLine != 0 ? byLine : Integer.compare(a.location().column(), b.location().column());
        }
    };

    /** All diagnostics in file, line, column order; stable for equal positions. */
    List<Diagnostic> sorted() {
        List<Diagnostic> list = new ArrayList<>(diagnostics);
        list.sort(BY_POSITION);
        return list;
    }

    /** Throws a {@link SpecException} with everything collected when any of it is an error. */
    void throwIfErrors() {
        if (hasErrors()) {
            throw new SpecException(sorted());
        }
    }
}
