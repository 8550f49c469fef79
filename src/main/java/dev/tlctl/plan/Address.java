package dev.tlctl.plan;

import java.util.Objects;

/**
 * Where a change applies. Text forms: {@code project}, {@code project/service/engine-api},
 * {@code staging}, {@code staging/engine-api}, {@code staging/engine-api/setting/deploy.numReplicas},
 * {@code staging/engine-api/variable/DEBUG}, {@code staging/variable/DEBUG} (a shared variable)
 * {@code staging/engine-api/domain/railway} (the generated domain),
 * {@code staging/engine-api/domain/api.example.com} (a custom one) and {@code usageLimit} (workspace-wide).
 */
public record Address(Kind kind, String environment, String service, String name) {

    /** What an address points at. */
    public enum Kind { PROJECT, SERVICE, ENVIRONMENT, INSTANCE, SETTING, VARIABLE, SHARED_VARIABLE, USAGE_LIMIT, VOLUME, DOMAIN, VOLUME_MOUNT }

    public Address {
        Objects.requireNonNull(kind, "kind");
    }

    public static Address project() {
        return new Address(Kind.PROJECT, null, null, null);
    }

    /** The project's settings for Railway's own pull request environments: {@code project/pullRequestEnvironments}. */
    public static Address pullRequests() {
        return new Address(Kind.PROJECT, null, null, "pullRequestEnvironments");
    }

    public static Address service(String service) {
        return new Address(Kind.SERVICE, null, service, null);
    }

    public static Address environment(String environment) {
        return new Address(Kind.ENVIRONMENT, environment, null, null);
    }

    public static Address instance(String environment, String service) {
        return new Address(Kind.INSTANCE, environment, service, null);
    }

    public static Address setting(String environment, String service, String key) {
        return new Address(Kind.SETTING, environment, service, key);
    }

    /** A service variable, or a shared variable when {@code service} is null. */
    public static Address variable(String environment, String service, String name) {
        return service == null ? new Address(Kind.SHARED_VARIABLE, environment, null, name)
                : new Address(Kind.VARIABLE, environment, service, name);
    }

    /** A domain of an instance: {@link #RAILWAY_DOMAIN} for the generated one, else the custom domain's name. */
    public static Address domain(String environment, String service, String name) {
        return new Address(Kind.DOMAIN, environment, service, name);
    }

    /** The name of a Railway-generated domain in an address (a custom domain's name always holds a dot). */
    public static final String RAILWAY_DOMAIN = "railway";

    /** A volume an instance mounts at {@code mountPath}: {@code staging/engine-api/volume/data} for /data. */
    public static Address volumeMount(String environment, String service, String mountPath) {
        return new Address(Kind.VOLUME_MOUNT, environment, service, mountPath);
    }

    public static Address usageLimit() {
        return new Address(Kind.USAGE_LIMIT, null, null, null);
    }

    public static Address volume(String name) {
        return new Address(Kind.VOLUME, null, null, name);
    }

    public boolean isVariable() {
        return kind == Kind.VARIABLE || kind == Kind.SHARED_VARIABLE;
    }

    public String text() {
        return switch (kind) {
            case PROJECT -> name == null ? "project" : "project/" + name;
            case SERVICE -> "project/service/" + service;
            case ENVIRONMENT -> environment;
            case INSTANCE -> environment + "/" + service;
            case SETTING -> environment + "/" + service + "/setting/" + name;
            case VARIABLE -> environment + "/" + service + "/variable/" + name;
            case SHARED_VARIABLE -> environment + "/variable/" + name;
            case USAGE_LIMIT -> "usageLimit";
            case VOLUME -> "project/volume/" + name;
            case DOMAIN -> environment + "/" + service + "/domain/" + name;
            case VOLUME_MOUNT -> environment + "/" + service + "/volume" + (name.startsWith("/") ? name : "/" + name);
        };
    }

    @Override
    public String toString() {
        return text();
    }
}
