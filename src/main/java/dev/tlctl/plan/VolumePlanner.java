package dev.tlctl.plan;

import dev.tlctl.live.LiveVolumeInstance;
import dev.tlctl.spec.Diagnostic;
import dev.tlctl.spec.SpecException;
import dev.tlctl.spec.VolumeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Plans one instance's volume: one Railway has mounted at the declared path is adopted (whoever
 * made it) and grown when the spec's size is larger; one missing is created. Railway grows a
 * volume and never shrinks one (docs, volumes reference: "Down-sizing a volume is not currently
 * supported"; Railway's own IaC diff calls a smaller {@code sizeMB} destructive), so a size below
 * the live one is an error at the spec's line, before anything is written. A size the spec
 * leaves out is Railway's default, and is not compared; a new volume cannot be asked for below it. Railway mounts one volume per service, so
 * a volume of the instance at another path is noted and left as it is.
 */
public final class VolumePlanner {
    /**
     * The size Railway gives a new volume on the Hobby plan (docs, volumes reference: Hobby 5 GB,
     * Pro 50 GB), which the sandbox gives too; import leaves a volume of that size without one.
     */
    public static final int RAILWAY_DEFAULT_SIZE_MB = 5000;

    private VolumePlanner() {}

    /**
     * The changes of one instance's volume.
     *
     * @param mounted the volume instances mounted on it (empty for an instance this apply creates)
     * @param adopted receives the id of every volume found at its declared path
     * @param notes receives what is left as it is, and why
     */
    static List<Change> plan(String env, String service, List<VolumeSpec> desired, List<LiveVolumeInstance> mounted,
            Set<String> adopted, List<String> notes) {
        List<Change> changes = new ArrayList<>();
        for (VolumeSpec volume : desired) {
            LiveVolumeInstance same = mounted.stream().filter(v -> volume.mountPath().equals(v.mountPath()))
                    .findFirst().orElse(null);
            if (same != null) {
                adopted.add(same.volumeId());
                Change grown = resize(env, service, volume, same);
                if (grown != null) {
                    changes.add(grown);
                }
            } else if (!mounted.isEmpty()) {
                notes.add(Address.instance(env, service) + " mounts volume " + mounted.get(0).volumeName()
                        + " at " + mounted.get(0).mountPath() + ", not " + volume.mountPath() + ": Railway mounts one"
                        + " volume per service, and tlctl never moves or deletes a volume. Change the spec's"
                        + " mountPath, or move the volume on Railway.");
            } else {
                requireDefaultOrMore(env, service, volume);
                changes.add(new Change.Volume(Action.CREATE, env, service, volume.mountPath(), null, null,
                        volume.sizeMB(), volume.sizeMB() == null ? "mounting it deploys"
                                : "at " + volume.sizeMB() + " MB; mounting it deploys"));
            }
        }
        return changes;
    }

    /**
     * A new volume starts at Railway's default size and its size is then set in the environment's
     * config, where Railway only grows a volume: a size below the default cannot be had.
     */
    private static void requireDefaultOrMore(String env, String service, VolumeSpec volume) {
        if (volume.sizeMB() != null && volume.sizeMB() < RAILWAY_DEFAULT_SIZE_MB) {
            throw new SpecException(List.of(Diagnostic.error(volume.location().withPath(volume.location().path()
                    + ".size"), "new volume at " + Address.volumeMount(env, service, volume.mountPath())
                    + " cannot start at " + volume.sizeMB() + " MB", "Railway creates a volume at its default size ("
                    + RAILWAY_DEFAULT_SIZE_MB + " MB on Hobby, 50000 MB on Pro) and grows it but never shrinks one."
                    + " Write size: " + RAILWAY_DEFAULT_SIZE_MB + " (or more), or leave size out.")));
        }
    }

    /** The growth the spec asks of a live volume; null when none; a shrink is refused. */
    private static Change resize(String env, String service, VolumeSpec volume, LiveVolumeInstance live) {
        Integer wanted = volume.sizeMB();
        if (wanted == null || live.sizeMB() <= 0 || wanted == live.sizeMB()) {
            return null; // Railway's default, or a size Railway did not report: not compared
        }
        Address address = Address.volumeMount(env, service, volume.mountPath());
        if (wanted < live.sizeMB()) {
            throw new SpecException(List.of(Diagnostic.error(volume.location().withPath(volume.location().path()
                    + ".size"), "volume at " + address + " cannot shrink from " + live.sizeMB() + " MB to " + wanted
                    + " MB", "Railway grows a volume but never shrinks one. Write size: " + live.sizeMB()
                    + " (or more), or leave size out; to start smaller, create a new volume on Railway and move"
                    + " the data.")));
        }
        return new Change.Volume(Action.UPDATE, env, service, volume.mountPath(), live.volumeId(), live.sizeMB(),
                wanted, "grows volume " + live.volumeName() + " from " + live.sizeMB() + " MB to " + wanted
                        + " MB; deploys nothing");
    }
}
