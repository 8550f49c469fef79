package dev.tlctl.cli;

import dev.tlctl.spec.Spec;
import dev.tlctl.spec.SpecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Reads and checks the spec; needs no token and no network. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Check the spec and its overlays; needs no token and no network.",
            "",
            "Reads tl-engine.yaml (or -f FILE) and environments/<name>.yaml and reports every problem at once,"
                    + " with file, line and YAML path: YAML syntax, unknown keys (with a did-you-mean), types,"
                    + " duplicate keys, names, unresolved $${env:...} and $${file:...} references, secrets written"
                    + " in plain text, usage-limit rules. A valid spec prints a summary; secret values are always masked.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the spec is valid", "64:usage error", "65:the spec is invalid (every problem is listed)"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tlctl validate --env-file environments/sandbox.env",
            "  tlctl validate --sandbox                 # reads the committed fake values",
            "  tlctl validate -f other/tl-engine.yaml --json",
        })
final class ValidateCommand extends BaseCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--json", description = "Print the result as one JSON document (formatVersion 1).")
    boolean json;

    @Override
    public Integer call() {
        ValidateView view = json ? new JsonValidateView(context().out())
                : new HumanValidateView(context().out(), context().err(), new Style(root().color()));
        try {
            Spec spec = SpecInput.load(root(), root().sandbox);
            view.valid(spec);
            return ExitCodes.OK;
        } catch (SpecException e) {
            view.invalid(SpecInput.specFile(root()).toString(), e);
            return ExitCodes.SPEC_INVALID;
        }
    }
}
