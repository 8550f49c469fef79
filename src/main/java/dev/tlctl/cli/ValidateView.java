package dev.tlctl.cli;

import dev.tlctl.spec.Diagnostic;
import dev.tlctl.spec.Spec;
import java.util.List;

/**
 * What {@code validate} shows: a valid spec's summary, or every problem of an invalid one; and,
 * either way, notes (values the spec references that are not set: validate does not need them).
 */
interface ValidateView {
    void valid(Spec spec, List<Diagnostic> notes);

    void invalid(String file, List<Diagnostic> problems, List<Diagnostic> notes);
}
