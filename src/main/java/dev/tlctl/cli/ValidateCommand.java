package dev.tlctl.cli;

import dev.tlctl.reconcile.Reconciler;
import dev.tlctl.reconcile.ValidateRequest;
import dev.tlctl.reconcile.ValidateResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Reads and checks the spec; needs no token and no network. */
@Command(
        addMethodSubcommands = false,
        name = "validate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Check the spec and its overlays; needs no token and no network.",
            "",
            "Reads tl-engine.yaml (or -f FILE) and environments/<name>.yaml and reports every problem at once,"
                    + " with file, line and YAML path: YAML syntax, unknown keys (with a did-you-mean), types,"
                    + " duplicate keys, names, $${file:...} references outside its folder, secrets written in plain"
                    + " text, usage-limit rules. References whose values are not set (no --env-file, a CI job without"
                    + " secrets) are listed as notes, not errors: validate checks the spec, not the environment. It warns where the spec breaks one of Railway's rules"
                    + " (a shared variable no service references, a reference to something that does not exist, a"
                    + " service variable hiding a shared one, an unknown region, limits beyond a plan's);"
                    + " --strict makes those warnings errors. A valid spec prints a summary; secret values are always"
                    + " masked.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the spec is valid (values it references that are not set are listed as notes)",
            "64:usage error",
            "65:the spec is invalid or not valid YAML, or breaks a Railway rule with --strict (every problem is listed)",
            "66:the spec file or an env file cannot be read"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tlctl validate --env-file environments/sandbox.env",
            "  tlctl validate --strict --sandbox        # reads the committed fake values; warnings fail",
            "  tlctl validate -f other/tl-engine.yaml --json",
            "  tlctl validate --output markdown >> \"$GITHUB_STEP_SUMMARY\"",
        })
final class ValidateCommand extends BaseCommand implements Callable<Integer> {

    @Mixin
    FormatOptions formats;

    @Option(names = "--strict", description = "Treat warnings (Railway rules the spec breaks) as errors: exit 65.")
    boolean strict;

    @Override
    public Integer call() {
        ValidateView view = ValidateView.of(terminal(), formats.format());
        ValidateResult result = Reconciler.validate(specSource(), new ValidateRequest(strict));
        view.render(result);
        return result.valid() ? ExitCodes.OK : ExitCodes.of(result.failure());
    }
}
