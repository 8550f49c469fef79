package dev.tlctl.cli;

import dev.tlctl.reconcile.ValidateResult;
import dev.tlctl.spec.Spec;
import java.io.PrintStream;

/**
 * {@code validate --output markdown}: a heading that says whether the spec is valid, what it
 * declares, and every problem, warning and note in one table, for a pull request or a job summary.
 * Values are not shown (a summary of a spec needs none).
 */
final class MarkdownValidateView implements ValidateView {
    private final PrintStream out;

    MarkdownValidateView(Terminal terminal) {
        this.out = terminal.out();
    }

    @Override
    public void render(ValidateResult result) {
        if (result.valid()) {
            Spec spec = result.spec();
            out.println("### tlctl validate: " + Table.markdownCell(spec.file().toString()) + " is valid");
            out.println();
            out.println("Project **" + Table.markdownCell(spec.project().name()) + "**: "
                    + spec.services().size() + (spec.services().size() == 1 ? " service" : " services") + " in "
                    + Table.markdownCell(String.join(", ", spec.environments().stream().map(e -> e.name()).toList()))
                    + ".");
            out.println();
            out.print(Diagnostics.markdown(spec.warnings(), result.notes()));
        } else {
            long errors = result.problems().stream().filter(d -> d.isError()).count();
            out.println("### tlctl validate: " + Table.markdownCell(result.file()) + " is invalid (" + errors
                    + (errors == 1 ? " error" : " errors") + ")");
            out.println();
            out.print(Diagnostics.markdown(result.problems(), result.notes()));
        }
    }
}
