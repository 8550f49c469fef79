package dev.tlctl.reconcile;

import dev.tlctl.reconcile.ReconcileException.Kind;
import dev.tlctl.spec.Diagnostic;
import dev.tlctl.spec.Spec;
import java.util.List;

/**
 * What {@code validate} found: a valid spec (with its warnings), or every problem of an invalid
 * one; either way the notes (values the spec references that are not set: validate does not need
 * them).
 *
 * @param file the spec file as given
 * @param spec the spec read; null when invalid
 * @param problems every diagnostic of an invalid spec (errors and warnings); empty when valid
 * @param failure what is wrong with an invalid spec ({@link Kind#INVALID_SPEC} or {@link Kind#NO_INPUT}); null when valid
 */
public record ValidateResult(String file, Spec spec, List<Diagnostic> problems, List<Diagnostic> notes, Kind failure) {
    public ValidateResult {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public boolean valid() {
        return failure == null;
    }

    /** How many errors make the spec invalid. */
    public long errors() {
        return problems.stream().filter(Diagnostic::isError).count();
    }
}
