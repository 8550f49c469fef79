package dev.tlctl.cli;

import dev.tlctl.reconcile.EnvResults;
import dev.tlctl.reconcile.EnvRow;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/** {@code tlctl env} for people: a table of environments, the new preview's id, what was deleted. */
final class HumanEnvView implements EnvView {
    private final Terminal terminal;
    private final PrintStream out;
    private final PrintStream err;

    HumanEnvView(Terminal terminal) {
        this.terminal = terminal;
        this.out = terminal.out();
        this.err = terminal.err();
    }

    @Override
    public void listed(EnvResults.Listing listing) {
        out.println("Environments of project " + listing.project() + ":");
        Table table = new Table("NAME", "KIND", "FROM", "EPHEMERAL", "AGE", "TTL", "VOLUMES", "SPENT", "PROJECTED");
        for (EnvRow row : listing.environments()) {
            Duration age = row.age(listing.now());
            table.row(row.name(), EnvView.kind(row), row.source() == null ? "" : row.source(),
                    row.ephemeral() ? "yes" : "no", age == null ? "" : StatusView.age(age),
                    row.ttl() == null ? "" : StatusView.age(row.ttl()) + (row.expired() ? " (expired)" : ""),
                    String.join(", ", row.volumes()), EnvView.dollars(row.spentDollars()),
                    EnvView.dollars(row.projectedDollars()));
        }
        table.print(out, "  ", terminal.style());
        if (!listing.spendRead()) {
            out.println("Spend is not shown: this token cannot read the project's usage.");
        }
    }

    @Override
    public void created(EnvResults.Created created) {
        if (created.copiedFrom() != null) {
            out.println((created.created() ? "Copied " + created.copiedFrom() + " to " : "Copy ") + created.name()
                    + (created.created() ? "" : " of " + created.copiedFrom() + " exists") + ": " + created.id());
            out.println(created.name() + " carries " + created.copiedFrom() + "'s variables, secrets included (not"
                    + " printed; sealed ones are not copied). Delete it with tlctl env delete " + created.name()
                    + " --yes.");
            return;
        }
        out.println((created.created() ? "Created preview " : "Preview ") + created.name()
                + (created.created() ? "" : " is up to date") + ": " + (created.id() == null ? "(no id)" : created.id()));
    }

    @Override
    public void toDelete(List<EnvRow> rows) {
        for (EnvRow row : rows) {
            err.println("- " + row.name() + " (" + EnvView.kind(row) + ", " + row.id() + ")" + (row.volumes().isEmpty()
                    ? "" : "; its volumes go with it: " + String.join(", ", row.volumes())));
        }
    }

    @Override
    public void deleted(EnvResults.Deleted deleted) {
        if (deleted.environments().isEmpty()) {
            out.println("Nothing to delete.");
        } else if (!deleted.done()) {
            out.println("Cancelled: nothing was deleted.");
        } else {
            deleted.environments().forEach(row -> out.println("Deleted " + row.name() + " (" + row.id() + ")"));
        }
    }
}
