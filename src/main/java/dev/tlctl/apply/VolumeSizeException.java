package dev.tlctl.apply;

import dev.tlctl.plan.Action;
import dev.tlctl.plan.Change;
import java.util.List;

/**
 * A plan sets a volume's size, which this tlctl cannot write yet: Railway takes it only in the
 * environment's config ({@code volumes.<id>.sizeMB} through {@code environmentPatchCommit}; no
 * volume mutation has a size), and the client's patch has no place for it. Thrown before anything
 * is written.
 */
public final class VolumeSizeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    VolumeSizeException(List<Change.Volume> volumes) {
        super("Could not " + String.join(", ", volumes.stream().map(VolumeSizeException::what).toList())
                + ": this tlctl does not write a volume's size yet (Railway takes it in the environment's config,"
                + " volumes.<id>.sizeMB). Nothing was written. Grow the volume in Railway's dashboard (the plan then"
                + " shows no change), or leave size out of the spec to use Railway's default");
    }

    private static String what(Change.Volume v) {
        return v.action() == Action.CREATE ? "create volume " + v.address() + " at " + v.sizeMB() + " MB"
                : "grow volume " + v.address() + " from " + v.beforeSizeMB() + " MB to " + v.sizeMB() + " MB";
    }

    /** Throws when {@code changes} set a volume's size. */
    static void refuseSizes(List<Change> changes) {
        List<Change.Volume> sized = changes.stream().filter(c -> c instanceof Change.Volume v && v.sizeMB() != null)
                .map(c -> (Change.Volume) c).toList();
        if (!sized.isEmpty()) {
            throw new VolumeSizeException(sized);
        }
    }
}
