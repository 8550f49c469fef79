package dev.tlctl.spec;

/**
 * A volume a service mounts, as its {@code volumes} key declares it: {@code - {mountPath: /data,
 * size: 10GB}}.
 *
 * @param sizeMB the size in megabytes (Railway's {@code sizeMB}), or null for Railway's default
 */
public record VolumeSpec(String mountPath, Integer sizeMB, Location location) {}
