package dev.tlctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.apply.ApplyResult;
import dev.tlctl.apply.Applier;
import dev.tlctl.plan.Address;
import dev.tlctl.plan.Change;
import dev.tlctl.plan.Plan;
import dev.tlctl.secret.Fingerprint;
import dev.tlctl.secret.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Makes Railway match the spec, or carries out a saved plan. */
@Command(
        name = "apply",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Make Railway match the spec (or carry out a saved plan).",
            "",
            "Plans, shows the plan, asks (or takes --yes), then writes it in as few requests as possible:"
                    + " the project, its services, one config patch per environment (settings and variables land"
                    + " only in their environment) with the usage limit, then new environments.",
            "",
            "With PLANFILE, carries out a plan saved by `tlctl plan --out`, refused if an environment changed"
                    + " on Railway since (its configEtag) or a secret in the spec no longer matches. If it fails part"
                    + " way, it says what was applied; running it again converges.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:applied, or nothing to do",
            "1:error (Railway API, network, I/O; a stale saved plan; a concurrent change)",
            "64:usage error (such as no --yes without a terminal)",
            "65:the spec is invalid",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tlctl apply --sandbox --yes                      # provision the sandbox",
            "  tlctl apply --env staging --yes --json           # CI: JSON Lines events on stdout",
            "  tlctl apply --prune --confirm-destructive        # also delete what the spec does not declare",
            "  tlctl plan --out tl-engine.plan && tlctl apply tl-engine.plan --yes",
        })
final class ApplyCommand extends BaseCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PLANFILE", description = "A plan saved by `tlctl plan --out`.")
    Path planFile;

    @Mixin
    TargetOptions target;

    @Option(names = {"-y", "--yes"}, description = "Apply without asking (needed without a terminal).")
    boolean yes;

    @Option(names = "--confirm-destructive", description = "Allow the plan to delete anything (needed with deletions, even with --yes).")
    boolean confirmDestructive;

    @Mixin
    PlanFlags flags;

    @Override
    public Integer call() {
        CliContext context = context();
        if (planFile != null && (flags.prune || !target.environments.isEmpty())) {
            throw new CliException(ExitCodes.USAGE, "--prune and --env come from the saved plan",
                    "A saved plan carries the options it was made with; make a new plan to change them.");
        }
        long start = context.clock().millis();
        try (Session session = Session.open(root(), target, context.requests())) {
            Plan plan = planFile == null ? session.plan(target, flags.prune) : savedPlan(session);
            PlanDocument.Options docOptions = new PlanDocument.Options(flags.showValues, false, session.connection.endpointKey(),
                    flags.prune, plan.target().environments().stream().map(e -> e.name()).toList(), context.clock().instant());
            HumanApplyView human = new HumanApplyView(context.out(), context.err(), new Style(root().color()),
                    context.interactive(), flags.showValues);
            ApplyView view = flags.json ? new JsonApplyView(context.out(), human, docOptions) : human;
            view.plan(plan);
            if (plan.isEmpty()) {
                if (flags.json) {
                    // JSON Lines always end with a result event, even when there is nothing to do.
                    view.result(new ApplyResult(plan.target().projectId(), List.of(), null, null, List.of(), List.of()),
                            session.connection.client().requestCount(), context.clock().millis() - start);
                }
                return ExitCodes.OK;
            }
            checkAllowed(plan, session);
            if (!confirmed(plan)) {
                context.err().println("Apply cancelled; nothing was changed.");
                return ExitCodes.ERROR;
            }
            ApplyResult result = new Applier(session.connection.client(), view, context.clock())
                    .apply(plan, "tlctl apply: " + HumanPlanView.summary(plan));
            rememberSealed(session, result);
            view.result(result, session.connection.client().requestCount(), context.clock().millis() - start);
            return result.succeeded() ? ExitCodes.OK : ExitCodes.ERROR;
        }
    }

    private Plan savedPlan(Session session) {
        JsonNode doc;
        try {
            doc = Json.MAPPER.readTree(Files.readString(context().cwd().resolve(planFile)));
        } catch (IOException e) {
            throw new CliException(ExitCodes.ERROR, "could not read the plan " + planFile, e.getMessage(), e);
        }
        String endpoint = PlanDocument.endpoint(doc);
        if (endpoint != null && !endpoint.equals(session.connection.endpointKey())) {
            throw new CliException(ExitCodes.ERROR, "the plan " + planFile + " was made against another Railway endpoint",
                    "It was made against " + endpoint + "; this run talks to " + session.connection.endpointKey() + ".");
        }
        Plan plan = PlanDocument.read(doc, session.fullSpec, planFile.toString());
        if (plan.target().projectId() == null && !plan.isEmpty()) {
            // The plan creates the project: it must still be missing.
            if (session.read(target).project() != null) {
                throw new CliException(ExitCodes.ERROR, "the saved plan " + planFile + " is stale",
                        "It creates project " + plan.target().projectName() + ", which now exists. Make a new plan.");
            }
        }
        return plan;
    }

    /** Refuses what the token cannot do, before anything is written. */
    private void checkAllowed(Plan plan, Session session) {
        if (plan.hasDeletions() && !confirmDestructive) {
            throw new CliException(ExitCodes.USAGE, "the plan deletes " + plan.count(dev.tlctl.plan.Action.DELETE)
                    + " thing(s); pass --confirm-destructive to allow it", "Nothing was changed.");
        }
        if (!session.connection.client().projectToken()) {
            return;
        }
        List<String> refused = plan.changes().stream()
                .filter(c -> switch (c.address().kind()) {
                    case PROJECT, SERVICE, ENVIRONMENT, USAGE_LIMIT -> true;
                    default -> false;
                })
                .map(c -> c.address().text()).toList();
        if (!refused.isEmpty()) {
            throw new CliException(ExitCodes.ERROR, "a project token cannot make these changes: " + String.join(", ", refused),
                    "RAILWAY_TOKEN is a project token: it reaches one environment of one project and cannot create"
                            + " projects, services or environments, or set usage limits. Use an account or workspace"
                            + " token (RAILWAY_API_TOKEN). Nothing was changed.");
        }
    }

    private boolean confirmed(Plan plan) {
        if (yes) {
            return true;
        }
        CliContext context = context();
        if (!context.interactive()) {
            throw new CliException(ExitCodes.USAGE, "apply needs --yes when there is no terminal",
                    "Review the plan above, then run again with --yes. Nothing was changed.");
        }
        return Prompt.ask(context, "Apply these changes to project " + plan.target().projectName()
                + "? Only 'yes' is accepted: ", java.util.Set.of("yes"));
    }

    /** Keeps a fingerprint of every sealed value written, so that later plans can tell a change. */
    private static void rememberSealed(Session session, ApplyResult result) {
        String projectId = result.projectId();
        boolean any = false;
        for (Change change : result.applied()) {
            if (change.sealed() && change.after() instanceof Secret value && change.address().isVariable()) {
                Address address = change.address();
                session.local.rememberSealed(session.connection.endpointKey(), projectId, address.text(),
                        value.fingerprint(Fingerprint.newSalt()));
                any = true;
            }
        }
        if (projectId != null) {
            session.local.rememberProject(session.connection.endpointKey(),
                    session.spec.project().workspace(), session.spec.project().name(), projectId);
            any = true;
        }
        if (any) {
            session.local.save();
        }
    }
}
