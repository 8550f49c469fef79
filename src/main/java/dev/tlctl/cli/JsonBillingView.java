package dev.tlctl.cli;

import dev.tlctl.reconcile.BillingResult;
import java.io.PrintStream;

/** {@code billing --json} and {@code billing check --json}: the {@link BillingDocument} on stdout, nothing else there. */
final class JsonBillingView implements BillingView {
    private final PrintStream out;

    JsonBillingView(PrintStream out) {
        this.out = out;
    }

    @Override
    public void report(BillingResult result) {
        out.println(Json.write(BillingDocument.of(result)));
    }

    @Override
    public void check(BillingResult result) {
        report(result);
    }
}
