package dev.tlctl.reconcile;

import dev.tlctl.reconcile.ReconcileException.Kind;
import dev.tlctl.spec.Diagnostic;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.SpecException;
import java.util.List;
import java.util.Set;

/**
 * {@code validate}: the spec's structure and Railway's rules, every environment's references
 * resolved where their values are given. A value that is not set is a note (validate checks the
 * spec, not the environment it runs in); with {@code strict}, a warning is an error.
 */
final class Validation {
    private Validation() {}

    static ValidateResult of(SpecSource source, boolean strict) {
        String file = source.file().toString();
        List<Diagnostic> notes = List.of();
        try {
            Spec spec;
            try {
                spec = source.load();
            } catch (SpecException e) {
                notes = e.diagnostics().stream().filter(Validation::missingValue).map(Diagnostic::asNote).toList();
                List<Diagnostic> rest = e.diagnostics().stream().filter(d -> !missingValue(d)).toList();
                if (notes.isEmpty() || rest.stream().anyMatch(Diagnostic::isError)) {
                    throw new SpecException(rest.isEmpty() ? e.diagnostics() : rest);
                }
                spec = source.load(Set.of());
            }
            return new ValidateResult(file, strictly(spec, strict), List.of(), notes, null);
        } catch (SpecException e) {
            Kind kind = ((ReconcileException) Failures.translate(e)).kind();
            return new ValidateResult(file, null, e.diagnostics(), notes, kind);
        }
    }

    /** The spec; with {@code strict}, refused when it has warnings (each then an error): every command's --strict. */
    static Spec strictly(Spec spec, boolean strict) {
        if (strict && !spec.warnings().isEmpty()) {
            throw new SpecException(spec.warnings().stream().map(Diagnostic::asError).toList());
        }
        return spec;
    }

    private static boolean missingValue(Diagnostic d) {
        return d.isError() && d.cause() == Diagnostic.Cause.MISSING_VALUE;
    }
}
