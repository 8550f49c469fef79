package dev.tlctl.cli;

import dev.tlctl.reconcile.EnvResults;
import dev.tlctl.reconcile.EnvRow;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@code tlctl env ... --json}: one versioned document on stdout. */
final class JsonEnvView implements EnvView {
    private final PrintStream out;
    private final HumanEnvView human;

    JsonEnvView(Terminal terminal) {
        this.out = terminal.out();
        this.human = new HumanEnvView(terminal);
    }

    record Environment(String name, String id, String kind, String template, String from, boolean ephemeral,
            String createdAt, Long ageSeconds, Long ttlSeconds, boolean expired, List<String> volumes,
            Double spentDollars, Double projectedDollars) {}

    record Listing(int formatVersion, String project, String at, boolean spendRead, List<Environment> environments) {}

    /** {@code copiedFrom}: the environment a copy came from, whose variables (secrets included) it carries; null for a preview. */
    record Created(int formatVersion, String name, String id, boolean created, String status, String copiedFrom) {}

    record Deleted(int formatVersion, boolean done, List<Environment> environments) {}

    @Override
    public void listed(EnvResults.Listing listing) {
        out.println(Json.write(new Listing(Json.FORMAT_VERSION, listing.project(), listing.now().toString(),
                listing.spendRead(), listing.environments().stream().map(r -> environment(r, listing.now())).toList())));
    }

    @Override
    public void created(EnvResults.Created created) {
        out.println(Json.write(new Created(Json.FORMAT_VERSION, created.name(), created.id(), created.created(),
                created.outcome() == null ? "copied" : created.outcome().status().name().toLowerCase(java.util.Locale.ROOT),
                created.copiedFrom())));
    }

    @Override
    public void toDelete(List<EnvRow> rows) {
        human.toDelete(rows); // stderr, as for people
    }

    @Override
    public void deleted(EnvResults.Deleted deleted) {
        out.println(Json.write(new Deleted(Json.FORMAT_VERSION, deleted.done(), deleted.environments().stream()
                .map(r -> environment(r, deleted.now())).toList())));
    }

    private static Environment environment(EnvRow r, Instant now) {
        Duration age = r.age(now);
        return new Environment(r.name(), r.id(), r.kind().name().toLowerCase(java.util.Locale.ROOT), r.template(),
                r.source(), r.ephemeral(), r.createdAt() == null ? null : r.createdAt().toString(),
                age == null ? null : age.getSeconds(), r.ttl() == null ? null : r.ttl().getSeconds(), r.expired(),
                r.volumes(), r.spentDollars(), r.projectedDollars());
    }
}
