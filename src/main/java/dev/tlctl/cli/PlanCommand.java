package dev.tlctl.cli;

import dev.tlctl.reconcile.PlanRequest;
import dev.tlctl.reconcile.PlanResult;
import dev.tlctl.reconcile.SaveRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Shows what apply would change; writes nothing to Railway. */
@Command(
        addMethodSubcommands = false,
        name = "plan",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Show what apply would change on Railway; writes nothing.",
            "",
            "Reads the live project and shows what `tlctl apply` would change to make it match the spec:"
                    + " + create, ~ update, - delete, with addresses such as staging/engine-api/variable/DEBUG,"
                    + " what Railway does on its own as a consequence (marked \"by Railway\"), and which service"
                    + " instances each environment's commit deploys. Values are shown (--hide-values hides them);"
                    + " secrets, by the spec or by their content (a URL with a password, a token), always read"
                    + " (sensitive) or (sensitive, changed). What tlctl created and the spec dropped is deleted; what"
                    + " others added is listed as unmanaged (--prune deletes it). The whole project is read in one request"
                    + " when its id is known, two when it is found by name; tlctl's records come in the same read. With"
                    + " --env, only those environments are planned, only their secrets are needed, and nothing"
                    + " workspace-wide (the usage limit) is planned.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (with --detailed-exitcode: no changes)",
            "1:error (Railway API, network, I/O)",
            "2:changes pending (only with --detailed-exitcode)",
            "64:usage error",
            "65:the spec is invalid or not valid YAML (with --strict: or breaks a Railway rule)",
            "66:the spec file or an env file cannot be read",
            "77:no Railway token, a malformed one, or one Railway refuses",
            "78:a value the spec references ($${env:...}, $${file:...}) is not set",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tlctl plan --sandbox",
            "  tlctl plan --env staging --detailed-exitcode     # CI: exit 2 when staging differs",
            "  tlctl plan --json > plan.json                   # formatVersion 1, see README",
            "  tlctl plan --output markdown >> \"$GITHUB_STEP_SUMMARY\"",
            "  tlctl plan --hide-values                        # values read (value changed)",
            "  tlctl plan --env pr-42 --branch feature-x       # a preview, its own branch",
            "  tlctl plan --out .tlctl/staging.tlplan --env staging && tlctl apply .tlctl/staging.tlplan",
        })
final class PlanCommand extends BaseCommand implements Callable<Integer> {

    @Mixin
    TargetOptions target;

    @Mixin
    PlanFlags flags;

    @Option(names = "--detailed-exitcode", description = "Exit 0 with no changes, 2 with changes, 1 on error.")
    boolean detailedExitcode;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Save the plan for `tlctl apply FILE` (mode 0600; no values, only fingerprints keyed by"
                    + " .tlctl/plan.key). Apply carries it out only if planning again gives the very same plan.")
    Path out;

    /** The command that applies the saved plan: the flags it was made with (where and with what), repeated. */
    private String applyHint() {
        List<String> words = new ArrayList<>(List.of("tlctl", "apply", out.toString()));
        Globals root = root();
        if (root.file() != null) {
            words.addAll(List.of("-f", root.file().toString()));
        }
        root.envFiles().forEach(f -> words.addAll(List.of("--env-file", f.toString())));
        root.allowedFiles().forEach(f -> words.addAll(List.of("--allow-file", f.toString())));
        if (root.sandbox()) {
            words.add("--sandbox");
        }
        if (root.sandboxState() != null) {
            words.addAll(List.of("--sandbox-state", root.sandboxState().toString()));
        }
        if (root.apiUrl() != null) {
            words.addAll(List.of("--api-url", root.apiUrl()));
        }
        target.environments.forEach(e -> words.addAll(List.of("--env", e)));
        if (target.project.projectId != null) {
            words.addAll(List.of("--project", target.project.projectId));
        }
        if (target.project.workspace != null) {
            words.addAll(List.of("--workspace", target.project.workspace));
        }
        return String.join(" ", words.stream().map(PlanCommand::quoted).toList());
    }

    /** A word as a POSIX shell reads it back. */
    private static String quoted(String word) {
        return word.matches("[A-Za-z0-9_./:=@%+,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    @Override
    public Integer call() {
        PlanView view = PlanView.of(terminal(), flags.formats.format(), flags.showValues());
        try (Core core = open()) {
            PlanResult result = core.reconciler().plan(new PlanRequest(target.target(), flags.prune, flags.strict,
                    flags.replaced(), flags.sets, flags.branch));
            view.render(result);
            if (out != null) {
                core.reconciler().save(new SaveRequest(result, target.environments, relative(out)));
                view.saved(out.toString(), applyHint());
            }
            RequestReport.print(terminal(), core.reconciler().requests());
            return detailedExitcode && !result.plan().isEmpty() ? ExitCodes.CHANGES : ExitCodes.OK;
        }
    }
}
