package dev.tlctl.cli;

import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveState;
import dev.tlctl.live.LiveWorkspace;
import dev.tlctl.railway.RailwayClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Creates the project by name if it does not exist, prints its id, and can record it in the spec. */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Create the project on Railway if it does not exist, and print its id.",
            "",
            "Creates the spec's project, with its default environment (the first one the spec declares), when"
                    + " no project of that name exists in the workspace. Idempotent: run again, it finds the project"
                    + " and creates nothing. Offers to record the id as project.id in the spec, so that later reads"
                    + " take one request; --record does it without asking. Services, settings and variables are left"
                    + " to `tlctl apply`.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the project exists (found or created)", "1:error", "64:usage error", "65:the spec is invalid"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tlctl init --sandbox",
            "  tlctl init --record          # write project.id into tl-engine.yaml",
        })
final class InitCommand extends BaseCommand implements Callable<Integer> {

    @Mixin
    TargetOptions target;

    @Option(names = "--record", description = "Record the id as project.id in the spec without asking.")
    boolean record;

    @Override
    public Integer call() {
        CliContext context = context();
        try (Session session = Session.open(root(), target, context.requests())) {
            LiveState live = session.read(target);
            RailwayClient client = session.connection.client();
            String name = session.spec.project().name();
            String id;
            LiveProject project = live.project();
            if (project != null) {
                id = project.id();
                context.out().println("Project " + name + " exists: " + id);
            } else {
                if (client.projectToken()) {
                    throw new CliException(ExitCodes.ERROR, "a project token cannot create projects",
                            "Use an account or workspace token (RAILWAY_API_TOKEN).");
                }
                LiveWorkspace workspace = live.workspace();
                // The project's default environment is the spec's first, whatever --env selects.
                id = client.createProject(name, workspace == null ? null : workspace.id(),
                        session.fullSpec.defaultEnvironment().name()).id();
                context.out().println("Created project " + name + ": " + id);
                session.local.rememberProject(session.connection.endpointKey(), session.spec.project().workspace(), name, id);
                session.local.save();
            }
            if (id.equals(session.spec.project().id())) {
                return ExitCodes.OK;
            }
            if (record || Prompt.ask(context, "Record project.id: " + id + " in " + session.specFile + "? [y/N] ",
                    java.util.Set.of("y", "yes"))) {
                SpecIds.recordProjectId(session.specFile, id);
                context.err().println("Recorded project.id in " + session.specFile + ".");
            } else {
                context.err().println("To record it, add 'id: " + id + "' under project: in " + session.specFile
                        + " (or run tlctl init --record).");
            }
            Requests.report(context.err(), client);
            return ExitCodes.OK;
        }
    }

}
