package dev.tlctl.cli;

import dev.tlctl.reconcile.InitRequest;
import dev.tlctl.reconcile.InitResult;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Creates the project by name if it does not exist, prints its id, and can record it in the spec. */
@Command(
        addMethodSubcommands = false,
        name = "init",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Create the project on Railway if it does not exist, and print its id.",
            "",
            "Creates the spec's project, with its default environment (the first one the spec declares), when"
                    + " no project of that name exists in the workspace. Idempotent: run again, it finds the project"
                    + " and creates nothing. Offers to record the id as project.id in the spec, so that later reads"
                    + " take one request; --record does it without asking. Environments, services, settings and"
                    + " variables are left to `tlctl apply`.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the project exists (found or created)", "1:error", "64:usage error",
            "65:the spec is invalid, or is not valid YAML", "66:the spec file or an env file cannot be read",
            "77:no Railway token, a malformed one, or one Railway refuses"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tlctl init --sandbox",
            "  tlctl init --record          # write project.id into tl-engine.yaml",
            "  tlctl init --record --json   # {\"kind\":\"init\",\"projectId\":...}",
        })
final class InitCommand extends BaseCommand implements Callable<Integer> {

    @Mixin
    ProjectOptions project;

    @Option(names = "--record", description = "Record the id as project.id in the spec without asking.")
    boolean record;

    @Mixin
    FormatOptions formats;

    @Override
    public Integer call() {
        InitView view = InitView.of(terminal(), formats.format());
        try (Core core = open()) {
            InitResult result = core.reconciler().init(new InitRequest(project.target()));
            view.found(result);
            if (!result.recordedInSpec()) {
                String file = specFile().toString();
                if (record || Prompt.ask(context(), "Record project.id: " + result.projectId() + " in " + file + "? [y/N] ",
                        Set.of("y", "yes"))) {
                    core.reconciler().recordProjectId(result);
                    view.recorded(file);
                } else {
                    view.notRecorded(result, file);
                }
            }
            view.finish();
            RequestReport.print(terminal(), core.reconciler().requests());
            return ExitCodes.OK;
        }
    }
}
