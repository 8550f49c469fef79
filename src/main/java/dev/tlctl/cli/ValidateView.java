package dev.tlctl.cli;

import dev.tlctl.spec.Spec;
import dev.tlctl.spec.SpecException;

/** What {@code validate} shows: a valid spec's summary, or every problem of an invalid one. */
interface ValidateView {
    void valid(Spec spec);

    void invalid(String file, SpecException problems);
}
