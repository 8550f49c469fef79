package dev.tlctl.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One live environment as {@code tlctl env} shows it.
 *
 * @param kind how the spec knows it
 * @param template the template that names it (a preview); null otherwise
 * @param source the environment it comes from: the spec's {@code from} (a template's for a
 *     preview), else the one Railway copied it from; null for none
 * @param ephemeral Railway's ephemeral flag (a preview tlctl made, or one of Railway's own PR environments)
 * @param createdAt when Railway created it; null when not known
 * @param ttl the template's time to live; null for none
 * @param expired whether it is a preview past its time to live
 * @param volumes the volumes mounted there (deleted with it), by name
 * @param spentDollars what it used so far this billing period at the spec's prices; null when not read
 * @param projectedDollars {@code spentDollars} carried on to the period's end at the same pace; null when not read
 */
public record EnvRow(String name, String id, Kind kind, String template, String source, boolean ephemeral,
        Instant createdAt, Duration ttl, boolean expired, List<String> volumes, Double spentDollars,
        Double projectedDollars) {

    /** How the spec knows an environment. */
    public enum Kind {
        /** Under {@code environments:}. */
        DECLARED,
        /** Named by a template under {@code previews:}. */
        PREVIEW,
        /** One of Railway's own pull request environments (ephemeral, no template names it). */
        RAILWAY_PR,
        /** A one-off ephemeral copy of another environment ({@code env create NAME --from ENV}). */
        COPY,
        /** Neither. */
        UNDECLARED
    }

    public EnvRow {
        volumes = List.copyOf(volumes);
    }

    /** How long it has existed at {@code now}; null when its creation time is not known. */
    public Duration age(Instant now) {
        return createdAt == null ? null : Duration.between(createdAt, now);
    }
}
