package dev.tlctl.cli;

import dev.tlctl.plan.Plan;
import dev.tlctl.reconcile.ApplyOutcome;
import dev.tlctl.reconcile.ApplyRequest;
import dev.tlctl.reconcile.StagedPolicy;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Makes Railway match the spec, or carries out a saved plan. */
@Command(
        addMethodSubcommands = false,
        name = "apply",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Make Railway match the spec (or carry out a saved plan).",
            "",
            "Plans, shows the plan, asks (or takes --yes), then writes it in as few requests as possible:"
                    + " the project, new environments (created empty: nothing, secrets least of all, is copied from"
                    + " another environment), new services, then one config commit per environment (its settings and"
                    + " variables) together with the usage limit, and deletions last. Each environment is committed"
                    + " once, so a service deploys at most once per apply.",
            "",
            "With PLANFILE, carries out a plan saved by `tlctl plan --out` only if planning again now gives the"
                    + " very same plan (same ids, changes and values, and no environment changed on Railway since); a"
                    + " plan applied already says so and names its changes. If it fails part way, it says what was"
                    + " applied; running it again converges.",
            "",
            "Afterwards tlctl records, in each environment it wrote, what it wrote and created (the shared variable"
                    + " TLCTL_RECORD: fingerprints, never values), so that every checkout knows it. What tlctl created"
                    + " and the spec no longer declares is deleted (a service or an environment only with"
                    + " --confirm-destructive, or when you answer at a terminal); what others added, only with --prune.",
            "",
            "With --wait, tlctl then follows exactly the deployments the apply caused (the plan's Deploys: line)"
                    + " until each serves, one line per status change on stderr, one request per poll for the whole"
                    + " project; it stops at the first FAILED or CRASHED deployment (exit 1, naming the service,"
                    + " environment and deployment, with its last log lines) or at --timeout (exit 1). Nothing"
                    + " deploys: it returns at once. The services' URLs follow the outcome (outputs in --json).",
            "",
            "Retries: reads and repeatable writes are retried on HTTP 429 (after Retry-After), 5xx and dropped"
                    + " connections, up to 5 attempts and 120 s of waiting per request. A create whose answer is lost is"
                    + " never repeated blindly: tlctl reads what exists and creates only what is missing, sending any"
                    + " create at most 5 times within 2 minutes per apply, then stops (exit 1) saying what was and was"
                    + " not applied.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:applied, or nothing to do (with --wait: and every deployment it caused serves)",
            "1:error (Railway API, network, I/O; a stale or tampered saved plan; a concurrent change; cancelled;"
                    + " with --wait: a deployment FAILED or CRASHED, or --timeout ran out)",
            "64:usage error (such as no --yes without a terminal, deleting a service, an environment or what --prune"
                    + " found without --confirm-destructive, an unknown --replace address, or changes"
                    + " staged in Railway without --include-staged or --discard-staged)",
            "65:the spec is invalid, or is not valid YAML",
            "66:the spec file or an env file cannot be read",
            "77:no Railway token, a malformed one, or one Railway refuses",
            "78:a value the spec references ($${env:...}, $${file:...}) is not set",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tlctl apply --sandbox --yes                      # provision the sandbox",
            "  tlctl apply --env staging --yes --json           # CI: JSON Lines events on stdout",
            "  tlctl apply --env staging --yes --wait --timeout 15m  # CI: until it serves",
            "  tlctl apply --prune --confirm-destructive        # also delete what the spec does not declare",
            "  tlctl apply --replace staging/variable/API_KEY --yes  # write it again",
            "  tlctl apply --env pr-42 --branch feature-x --yes # a preview: created, its branch",
            "  tlctl apply --env staging --include-staged --yes # commit the dashboard's staged changes too",
            "  tlctl plan --out .tlctl/release.tlplan && tlctl apply .tlctl/release.tlplan --yes",
        })
final class ApplyCommand extends BaseCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PLANFILE", description = "A plan saved by `tlctl plan --out`.")
    Path planFile;

    @Mixin
    TargetOptions target;

    @Option(names = {"-y", "--yes"}, description = "Apply without asking (needed without a terminal).")
    boolean yes;

    @Option(names = "--confirm-destructive", description = "Allow the plan to delete services and environments, and what"
            + " --prune found (needed even with --yes; at a terminal, answering yes covers what tlctl created).")
    boolean confirmDestructive;

    @Option(names = "--include-staged", description = "Where changes are staged in Railway (the dashboard's"
            + " uncommitted changes), commit them together with tlctl's: tlctl's patch is staged on top of them and the"
            + " whole staged patch committed (environmentPatchCommitStaged).")
    boolean includeStaged;

    @Option(names = "--discard-staged", description = "Where changes are staged in Railway, drop them"
            + " (environmentStageChanges with an empty patch), then write tlctl's changes.")
    boolean discardStaged;

    @Mixin
    WaitOptions waiting;

    @Mixin
    PlanFlags flags;

    @Override
    public Integer call() {
        CliContext context = context();
        if (includeStaged && discardStaged) {
            throw new CliException(ExitCodes.USAGE, "--include-staged and --discard-staged exclude each other",
                    "Choose what to do with changes staged in Railway: commit them with tlctl's, or drop them.");
        }
        StagedPolicy staged = includeStaged ? StagedPolicy.INCLUDE : discardStaged ? StagedPolicy.DISCARD : StagedPolicy.REFUSE;
        long start = context.clock().millis();
        Format format = flags.formats.format();
        if (format == Format.MARKDOWN) {
            throw new CliException(ExitCodes.USAGE, "apply has no Markdown output",
                    "tlctl plan --output markdown shows the plan; apply --json gives JSON Lines events.");
        }
        ApplyView view = ApplyView.of(terminal(), format == Format.JSON, flags.showValues());
        waits().also(view::waited);
        try (Core core = open()) {
            ApplyRequest request = new ApplyRequest(target.target(), flags.prune, flags.strict, flags.replaced(),
                    planFile == null ? null : relative(planFile), confirmDestructive, !yes && context.stdinTerminal(), staged,
                    waiting.timeout(), flags.sets, flags.branch);
            ApplyOutcome outcome = core.reconciler().apply(request, view, this::confirmed);
            view.outcome(outcome, core.reconciler().requests(), context.clock().millis() - start);
            return outcome.succeeded() ? ExitCodes.OK : ExitCodes.ERROR;
        }
    }

    private boolean confirmed(Plan plan) {
        if (yes) {
            return true;
        }
        CliContext context = context();
        if (!context.stdinTerminal()) {
            throw new CliException(ExitCodes.USAGE, "apply needs --yes when there is no terminal",
                    "Review the plan above, then run again with --yes. Nothing was changed.");
        }
        return Prompt.ask(context, "Apply these changes to project " + plan.target().projectName()
                + "? Only 'yes' is accepted: ", Set.of("yes"));
    }
}
