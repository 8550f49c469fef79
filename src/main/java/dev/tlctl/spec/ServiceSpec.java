package dev.tlctl.spec;

/**
 * A service as the project declares it. {@code enabled} is the base file's switch; a service
 * enabled in no environment is validated but never created on Railway.
 */
public record ServiceSpec(String name, boolean enabled, boolean enabledAnywhere, Location location) {}
