package dev.tlctl.cli;

import dev.tlctl.plan.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Shows what apply would change; writes nothing to Railway. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Show what apply would change on Railway; writes nothing.",
            "",
            "Reads the live project and shows what `tlctl apply` would change to make it match the spec:"
                    + " + create, ~ update, - delete, with addresses such as staging/engine-api/variable/DEBUG."
                    + " Secrets always read (sensitive) or (sensitive, changed). Nothing is deleted without --prune;"
                    + " what Railway has beyond the spec is listed as unmanaged. The whole project is read in one"
                    + " request when its id is known, two when it is found by name.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (with --detailed-exitcode: no changes)",
            "1:error (Railway API, network, I/O)",
            "2:changes pending (only with --detailed-exitcode)",
            "64:usage error",
            "65:the spec is invalid",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tlctl plan --sandbox",
            "  tlctl plan --env staging --detailed-exitcode     # CI: exit 2 when staging drifted",
            "  tlctl plan --json > plan.json                   # formatVersion 1, see README",
            "  tlctl plan --out tl-engine.plan && tlctl apply tl-engine.plan",
        })
final class PlanCommand extends BaseCommand implements Callable<Integer> {

    @Mixin
    TargetOptions target;

    @Mixin
    PlanFlags flags;

    @Option(names = "--detailed-exitcode", description = "Exit 0 with no changes, 2 with changes, 1 on error.")
    boolean detailedExitcode;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Save the plan for `tlctl apply FILE`: no secret values, only salted fingerprints,"
                    + " and the configEtag of every environment read (the apply is refused if one changed).")
    Path out;

    @Override
    public Integer call() {
        CliContext context = context();
        try (Session session = Session.open(root(), target, context.requests())) {
            Plan plan = session.plan(target, flags.prune);
            PlanDocument.Options docOptions = new PlanDocument.Options(flags.showValues, false, session.connection.endpointKey(),
                    flags.prune, plan.target().environments().stream().map(e -> e.name()).toList(), context.clock().instant());
            if (flags.json) {
                context.out().println(Json.write(PlanDocument.write(plan, docOptions)));
            } else {
                new HumanPlanView(context.out(), new Style(root().color()), flags.showValues).render(plan);
            }
            if (out != null) {
                save(plan, docOptions);
            }
            Requests.report(context.err(), session.connection.client());
            return detailedExitcode && !plan.isEmpty() ? ExitCodes.CHANGES : ExitCodes.OK;
        }
    }

    private void save(Plan plan, PlanDocument.Options options) {
        Path file = context().cwd().resolve(out);
        PlanDocument.Options saved = new PlanDocument.Options(false, true, options.endpoint(), options.prune(),
                options.environments(), options.createdAt());
        try {
            Files.writeString(file, Json.write(PlanDocument.write(plan, saved)));
        } catch (IOException e) {
            throw new CliException(ExitCodes.ERROR, "could not save the plan to " + out, e.getMessage(), e);
        }
        context().err().println("Saved the plan to " + out + ". Apply it with: tlctl apply " + out);
    }
}
