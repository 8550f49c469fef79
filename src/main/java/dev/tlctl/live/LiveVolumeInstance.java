package dev.tlctl.live;

/**
 * A volume's instance in one environment: where it is mounted, by which service (null: none) and
 * how big it may grow.
 */
public record LiveVolumeInstance(String volumeId, String volumeName, String environmentId, String serviceId,
        String mountPath, int sizeMB) {}
