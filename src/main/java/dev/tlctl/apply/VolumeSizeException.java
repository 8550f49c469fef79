package dev.tlctl.apply;

import dev.tlctl.plan.Action;
import dev.tlctl.plan.Change;
import java.util.List;

/**
 * A plan creates a volume at a size other than Railway's default, which this tlctl cannot write in
 * one apply yet: Railway takes a size only in the environment's config ({@code volumes.<id>.sizeMB}
 * through {@code environmentPatchCommit}; no volume mutation has a size), and the new volume's id
 * is known only after its creation. Growing an existing volume travels in the environment's patch.
 * Thrown before anything is written.
 */
public final class VolumeSizeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    VolumeSizeException(List<Change.Volume> volumes) {
        super("Could not " + String.join(", ", volumes.stream().map(VolumeSizeException::what).toList())
                + ": this tlctl does not create a volume at a size yet (Railway takes it in the environment's config,"
                + " volumes.<id>.sizeMB, once the volume exists). Nothing was written. Leave size out to create the"
                + " volume at Railway's default, apply, then set size: the next apply grows it");
    }

    private static String what(Change.Volume v) {
        return "create volume " + v.address() + " at " + v.sizeMB() + " MB";
    }

    /** Throws when {@code changes} create a volume at a size. */
    static void refuseSizes(List<Change> changes) {
        List<Change.Volume> sized = changes.stream().filter(c -> c instanceof Change.Volume v
                        && v.action() == Action.CREATE && v.sizeMB() != null)
                .map(c -> (Change.Volume) c).toList();
        if (!sized.isEmpty()) {
            throw new VolumeSizeException(sized);
        }
    }
}
