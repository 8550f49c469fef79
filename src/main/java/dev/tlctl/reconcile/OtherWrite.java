package dev.tlctl.reconcile;

import dev.tlctl.apply.Lineage;

/**
 * A patch someone else committed (or is applying) in an environment an apply wrote without a
 * guard, between tlctl's check and its write or just after it, as Railway lists it: its id,
 * status, commit message (someone's free text, cut at 500 characters: escape it to show it) and
 * times, never its content. The apply may have overwritten it, or it the apply's changes.
 *
 * @param time when it was applied, else made (null when Railway said neither)
 */
public record OtherWrite(String environment, String patchId, String status, String message, String time) {
    static OtherWrite of(Lineage.OtherWrite w) {
        return new OtherWrite(w.environment(), w.patchId(), w.status(), w.message(), w.time());
    }
}
