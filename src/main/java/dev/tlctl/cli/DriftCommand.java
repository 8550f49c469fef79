package dev.tlctl.cli;

import dev.tlctl.reconcile.CompareRequest;
import dev.tlctl.reconcile.CompareResult;
import dev.tlctl.reconcile.DriftRequest;
import dev.tlctl.reconcile.DriftResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Audits Railway against the spec, or two live environments against each other; writes nothing. */
@Command(
        addMethodSubcommands = false,
        name = "drift",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Find what differs between Railway and the spec; writes nothing.",
            "",
            "Reads the live project (one request when its id is known) and lists, per environment and service, what"
                    + " differs from the spec: variables changed, added or removed on Railway; settings changed,"
                    + " including settings the spec does not declare but Railway has set to a non-default value; services,"
                    + " instances and environments on one side only; the usage limit. Unlike plan, what the spec does not"
                    + " declare counts; list what is managed by hand in drift.ignore (address globs) in the spec. Each"
                    + " finding says which side changed when tlctl can tell from what it last applied (its records on"
                    + " Railway, read from any checkout): \"changed on Railway since tlctl last applied it\" or"
                    + " \"changed in the YAML and not applied yet\"; otherwise \"differs\". Secrets are compared in"
                    + " memory and never shown.",
            "",
            "With --compare LEFT RIGHT: two live environments side by side, from one request and without any secret"
                    + " of the spec: keys in one only, settings that differ, service variables that shadow a shared one,"
                    + " and secrets whose values are equal in both (a risk: staging reading production's database)."
                    + " Differences the spec declares (an overlay sets another value) are listed apart.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no drift (--compare: no undeclared difference and no risk)",
            "1:error (Railway API, network, I/O)",
            "2:drift found (--compare: an undeclared difference or a risk)",
            "64:usage error",
            "65:the spec is invalid or not valid YAML (with --strict: or breaks a Railway rule)",
            "66:the spec file or an env file cannot be read",
            "77:no Railway token, a malformed one, or one Railway refuses",
            "78:a value the spec references ($${env:...}, $${file:...}) is not set (--compare needs none)",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tlctl drift --sandbox",
            "  tlctl drift --env staging --json > drift.json     # exit 2 when staging drifted",
            "  tlctl drift --output markdown >> \"$GITHUB_STEP_SUMMARY\"",
            "  tlctl drift --compare production staging --undeclared-only",
        })
final class DriftCommand extends BaseCommand implements Callable<Integer> {

    @Mixin
    TargetOptions target;

    @Option(names = "--compare", arity = "2", paramLabel = "ENV",
            description = "Compare two live environments instead, such as --compare production staging.")
    List<String> compare = new ArrayList<>();

    @Option(names = "--undeclared-only", description = "With --compare: only what the spec does not declare (and risks).")
    boolean undeclaredOnly;

    @Option(names = "--strict", description = "Treat the spec's warnings (Railway rules it breaks) as errors: exit 65.")
    boolean strict;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        Format format = output.format();
        if (compare.isEmpty() && undeclaredOnly) {
            throw new CliException(ExitCodes.USAGE, "--undeclared-only goes with --compare",
                    "For example: tlctl drift --compare production staging --undeclared-only");
        }
        if (!compare.isEmpty() && !target.environments.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, "--compare names its two environments; --env does not go with it",
                    "For example: tlctl drift --compare production staging");
        }
        try (Core core = open()) {
            int code;
            if (compare.isEmpty()) {
                DriftResult result = core.reconciler().drift(new DriftRequest(target.target(), strict));
                DriftView.of(terminal(), format, output.showValues).render(result);
                code = result.report().drifted() ? ExitCodes.CHANGES : ExitCodes.OK;
            } else {
                CompareResult result = core.reconciler().compare(new CompareRequest(target.target(), compare.get(0),
                        compare.get(1), undeclaredOnly));
                CompareView.of(terminal(), format, output.showValues).render(result);
                code = result.hasFindings() ? ExitCodes.CHANGES : ExitCodes.OK;
            }
            RequestReport.print(terminal(), core.reconciler().requests());
            return code;
        }
    }
}
