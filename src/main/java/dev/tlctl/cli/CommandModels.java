package dev.tlctl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * picocli's models of the subcommands, built in code: what picocli builds from their annotations by
 * reflection (a proxy class per annotation type, and a third of a short command's start-up), written
 * out by the test CommandModelsGenerator from those annotations, which stay the source. Generated: do
 * not edit; after changing a command's annotations run
 * {@code mvn test -Dtest=CommandModelsTest -Dtlctl.regenerate=true}.
 */
final class CommandModels {
    private CommandModels() {}

    /** The model of the subcommand {@code name} (one of TlctlCommand's), with a new command object. */
    static CommandSpec of(String name) {
        return switch (name) {
            case "validate" -> validateModel();
            case "plan" -> planModel();
            case "apply" -> applyModel();
            case "init" -> initModel();
            case "import" -> importModel();
            case "deploy" -> deployModel();
            case "rollback" -> rollbackModel();
            case "status" -> statusModel();
            case "env" -> envModel();
            case "drift" -> driftModel();
            case "vars" -> varsModel();
            case "billing" -> billingModel();
            case "schema" -> schemaModel();
            case "version" -> versionModel();
            case "completion" -> completionModel();
            case "sandbox" -> sandboxModel();
            default -> throw new IllegalArgumentException("no command " + name);
        };
    }

    private static CommandSpec validateModel() {
        ValidateCommand command = new ValidateCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("validate");
        spec.usageMessage().description(new String[] {"Check the spec and its overlays; needs no token and no network.", "", "Reads tl-engine.yaml (or -f FILE) and environments/<name>.yaml and reports every problem at once, with file, line and YAML path: YAML syntax, unknown keys (with a did-you-mean), types, duplicate keys, names, $${file:...} references outside its folder, secrets written in plain text, usage-limit rules. References whose values are not set (no --env-file, a CI job without secrets) are listed as notes, not errors: validate checks the spec, not the environment. It warns where the spec breaks one of Railway's rules (a shared variable no service references, a reference to something that does not exist, a service variable hiding a shared one, an unknown region, limits beyond a plan's); --strict makes those warnings errors. A valid spec prints a summary; secret values are always masked."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "the spec is valid (values it references that are not set are listed as notes)", "64", "usage error", "65", "the spec is invalid or not valid YAML, or breaks a Railway rule with --strict (every problem is listed)", "66", "the spec file or an env file cannot be read"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl validate --env-file environments/sandbox.env", "  tlctl validate --strict --sandbox        # reads the committed fake values; warnings fail", "  tlctl validate -f other/tl-engine.yaml --json", "  tlctl validate --output markdown >> \"$GITHUB_STEP_SUMMARY\""});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage().sortOptions(false);
        command.spec = spec;
        command.formats = new FormatOptions();
        spec.addMixin("formats", formatOptionsMixin(command.formats));
        spec.addOption(ModelParts.option(command, ValidateCommand.class, "strict", "--strict")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<strict>")
                .description(new String[] {"Treat warnings (Railway rules the spec breaks) as errors: exit 65."})
                .withToString("field boolean dev.tlctl.cli.ValidateCommand.strict")
                .build());
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec planModel() {
        PlanCommand command = new PlanCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("plan");
        spec.usageMessage().description(new String[] {"Show what apply would change on Railway; writes nothing.", "", "Reads the live project and shows what `tlctl apply` would change to make it match the spec: + create, ~ update, - delete, with addresses such as staging/engine-api/variable/DEBUG, what Railway does on its own as a consequence (marked \"by Railway\"), and which service instances each environment's commit deploys. Values are shown (--hide-values hides them); secrets, by the spec or by their content (a URL with a password, a token), always read (sensitive) or (sensitive, changed). What tlctl created and the spec dropped is deleted; what others added is listed as unmanaged (--prune deletes it). The whole project is read in one request when its id is known, two when it is found by name; tlctl's records come in the same read. With --env, only those environments are planned, only their secrets are needed, and nothing workspace-wide (the usage limit) is planned."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "success (with --detailed-exitcode: no changes)", "1", "error (Railway API, network, I/O)", "2", "changes pending (only with --detailed-exitcode)", "64", "usage error", "65", "the spec is invalid or not valid YAML (with --strict: or breaks a Railway rule)", "66", "the spec file or an env file cannot be read", "77", "no Railway token, a malformed one, or one Railway refuses", "78", "a value the spec references (${env:...}, ${file:...}) is not set"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl plan --sandbox", "  tlctl plan --env staging --detailed-exitcode     # CI: exit 2 when staging differs", "  tlctl plan --json > plan.json                   # formatVersion 1, see README", "  tlctl plan --output markdown >> \"$GITHUB_STEP_SUMMARY\"", "  tlctl plan --hide-values                        # values read (value changed)", "  tlctl plan --env pr-42 --branch feature-x       # a preview, its own branch", "  tlctl plan --out .tlctl/staging.tlplan --env staging && tlctl apply .tlctl/staging.tlplan"});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage().sortOptions(false);
        command.spec = spec;
        command.target = new TargetOptions();
        spec.addMixin("target", targetOptionsMixin(command.target));
        command.flags = new PlanFlags();
        spec.addMixin("flags", planFlagsMixin(command.flags));
        spec.addOption(ModelParts.option(command, PlanCommand.class, "detailedExitcode", "--detailed-exitcode")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<detailedExitcode>")
                .description(new String[] {"Exit 0 with no changes, 2 with changes, 1 on error."})
                .withToString("field boolean dev.tlctl.cli.PlanCommand.detailedExitcode")
                .build());
        spec.addOption(ModelParts.option(command, PlanCommand.class, "out", "--out")
                .type(java.nio.file.Path.class).auxiliaryTypes(java.nio.file.Path.class)
                .paramLabel("FILE")
                .description(new String[] {"Save the plan for `tlctl apply FILE` (mode 0600; no values, only fingerprints keyed by .tlctl/plan.key). Apply carries it out only if planning again gives the very same plan."})
                .withToString("field java.nio.file.Path dev.tlctl.cli.PlanCommand.out")
                .build());
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec applyModel() {
        ApplyCommand command = new ApplyCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("apply");
        spec.usageMessage().description(new String[] {"Make Railway match the spec (or carry out a saved plan).", "", "Plans, shows the plan, asks (or takes --yes), then writes it in as few requests as possible: the project, new environments (created empty: nothing, secrets least of all, is copied from another environment), new services, then one config commit per environment (its settings and variables) together with the usage limit, and deletions last. Each environment is committed once, so a service deploys at most once per apply.", "", "With PLANFILE, carries out a plan saved by `tlctl plan --out` only if planning again now gives the very same plan (same ids, changes and values, and no environment changed on Railway since); a plan applied already says so and names its changes. If it fails part way, it says what was applied; running it again converges.", "", "Afterwards tlctl records, in each environment it wrote, what it wrote and created (the shared variable TLCTL_RECORD: fingerprints, never values), so that every checkout knows it. What tlctl created and the spec no longer declares is deleted (a service or an environment only with --confirm-destructive, or when you answer at a terminal); what others added, only with --prune.", "", "With --wait, tlctl then follows exactly the deployments the apply caused (the plan's Deploys: line) until each serves, one line per status change on stderr, one request per poll for the whole project; it stops at the first FAILED or CRASHED deployment (exit 1, naming the service, environment and deployment, with its last log lines) or at --timeout (exit 1). Nothing deploys: it returns at once. The services' URLs follow the outcome (outputs in --json).", "", "Retries: reads and repeatable writes are retried on HTTP 429 (after Retry-After), 5xx and dropped connections, up to 5 attempts and 120 s of waiting per request. A create whose answer is lost is never repeated blindly: tlctl reads what exists and creates only what is missing, sending any create at most 5 times within 2 minutes per apply, then stops (exit 1) saying what was and was not applied."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "applied, or nothing to do (with --wait: and every deployment it caused serves)", "1", "error (Railway API, network, I/O; a stale or tampered saved plan; a concurrent change; cancelled; with --wait: a deployment FAILED or CRASHED, or --timeout ran out)", "64", "usage error (such as no --yes without a terminal, deleting a service, an environment or what --prune found without --confirm-destructive, an unknown --replace address, or changes staged in Railway without --include-staged or --discard-staged)", "65", "the spec is invalid, or is not valid YAML", "66", "the spec file or an env file cannot be read", "77", "no Railway token, a malformed one, or one Railway refuses", "78", "a value the spec references (${env:...}, ${file:...}) is not set"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl apply --sandbox --yes                      # provision the sandbox", "  tlctl apply --env staging --yes --json           # CI: JSON Lines events on stdout", "  tlctl apply --env staging --yes --wait --timeout 15m  # CI: until it serves", "  tlctl apply --prune --confirm-destructive        # also delete what the spec does not declare", "  tlctl apply --replace staging/variable/API_KEY --yes  # write it again", "  tlctl apply --env pr-42 --branch feature-x --yes # a preview: created, its branch", "  tlctl apply --env staging --include-staged --yes # commit the dashboard's staged changes too", "  tlctl plan --out .tlctl/release.tlplan && tlctl apply .tlctl/release.tlplan --yes"});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage().sortOptions(false);
        command.spec = spec;
        spec.addPositional(ModelParts.positional(command, ApplyCommand.class, "planFile")
                .index("0")
                .type(java.nio.file.Path.class).auxiliaryTypes(java.nio.file.Path.class)
                .arity("0..1")
                .paramLabel("PLANFILE")
                .description(new String[] {"A plan saved by `tlctl plan --out`."})
                .withToString("field java.nio.file.Path dev.tlctl.cli.ApplyCommand.planFile")
                .build());
        command.target = new TargetOptions();
        spec.addMixin("target", targetOptionsMixin(command.target));
        spec.addOption(ModelParts.option(command, ApplyCommand.class, "yes", "-y", "--yes")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<yes>")
                .description(new String[] {"Apply without asking (needed without a terminal)."})
                .withToString("field boolean dev.tlctl.cli.ApplyCommand.yes")
                .build());
        spec.addOption(ModelParts.option(command, ApplyCommand.class, "confirmDestructive", "--confirm-destructive")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<confirmDestructive>")
                .description(new String[] {"Allow the plan to delete services and environments, and what --prune found (needed even with --yes; at a terminal, answering yes covers what tlctl created)."})
                .withToString("field boolean dev.tlctl.cli.ApplyCommand.confirmDestructive")
                .build());
        spec.addOption(ModelParts.option(command, ApplyCommand.class, "includeStaged", "--include-staged")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<includeStaged>")
                .description(new String[] {"Where changes are staged in Railway (the dashboard's uncommitted changes), commit them together with tlctl's: tlctl's patch is staged on top of them and the whole staged patch committed (environmentPatchCommitStaged)."})
                .withToString("field boolean dev.tlctl.cli.ApplyCommand.includeStaged")
                .build());
        spec.addOption(ModelParts.option(command, ApplyCommand.class, "discardStaged", "--discard-staged")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<discardStaged>")
                .description(new String[] {"Where changes are staged in Railway, drop them (environmentStageChanges with an empty patch), then write tlctl's changes."})
                .withToString("field boolean dev.tlctl.cli.ApplyCommand.discardStaged")
                .build());
        command.waiting = new WaitOptions();
        spec.addMixin("waiting", waitOptionsMixin(command.waiting));
        command.flags = new PlanFlags();
        spec.addMixin("flags", planFlagsMixin(command.flags));
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec initModel() {
        InitCommand command = new InitCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("init");
        spec.usageMessage().description(new String[] {"Create the project on Railway if it does not exist, and print its id.", "", "Creates the spec's project, with its default environment (the first one the spec declares), when no project of that name exists in the workspace. Idempotent: run again, it finds the project and creates nothing. Offers to record the id as project.id in the spec, so that later reads take one request; --record does it without asking. Environments, services, settings and variables are left to `tlctl apply`."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "the project exists (found or created)", "1", "error", "64", "usage error", "65", "the spec is invalid, or is not valid YAML", "66", "the spec file or an env file cannot be read", "77", "no Railway token, a malformed one, or one Railway refuses"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl init --sandbox", "  tlctl init --record          # write project.id into tl-engine.yaml", "  tlctl init --record --json   # {\"kind\":\"init\",\"projectId\":...}"});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage().sortOptions(false);
        command.spec = spec;
        command.project = new ProjectOptions();
        spec.addMixin("project", projectOptionsMixin(command.project));
        spec.addOption(ModelParts.option(command, InitCommand.class, "record", "--record")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<record>")
                .description(new String[] {"Record the id as project.id in the spec without asking."})
                .withToString("field boolean dev.tlctl.cli.InitCommand.record")
                .build());
        command.formats = new FormatOptions();
        spec.addMixin("formats", formatOptionsMixin(command.formats));
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec importModel() {
        ImportCommand command = new ImportCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("import");
        spec.usageMessage().description(new String[] {"Write tl-engine.yaml and environments/<name>.yaml from a live project, or merge a railway.json / railway.toml into the spec.", "", "Reads the project in one request (two by name) and writes what every environment shares in tl-engine.yaml, what differs in each environment's overlay; an environment created from another gets from:, a service with no instance in an environment is disabled there, Railway references ($${{...}}) are kept, settings at Railway's defaults left out, the usage limit included. Secrets (by name, by content, sealed) are written as $${env:<ENV>_<NAME>} references: their names are printed, their values never; --write-secrets FILE writes the values Railway returns to a dotenv file (mode 0600; refused inside a git repository unless git-ignored). What the spec cannot express yet (domains, volumes, TCP proxies...) is listed and written as comments. Files are not replaced without --force; the same project gives the same bytes. The result is checked as validate --strict does.", "", "With --railway-config FILE --service NAME: merges the file's build and deploy settings into that service (environments.<name> into the overlays), keeping the files' comments; what the spec already says otherwise is listed and kept unless --force; unknown keys are listed with their line. Needs no token."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "imported (or migrated); problems validate --strict finds are listed", "1", "error, or a file exists (--force)", "64", "usage error", "65", "the spec (or the Railway config file) is invalid", "66", "the spec file cannot be read", "77", "no Railway token, a malformed one, or one Railway refuses"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl import --project tl-engine --dir infra", "  tlctl import --project tl-engine --stdout | less", "  tlctl import --project tl-engine --write-secrets ~/.config/tlctl/tl-engine.env", "  tlctl import --sandbox --project tl-engine --dir /tmp/adopted --json", "  tlctl import --railway-config railway.json --service engine-api", "  tlctl import --railway-config api/railway.toml --service engine-api --force"});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage().sortOptions(false);
        command.spec = spec;
        spec.addOption(ModelParts.option(command, ImportCommand.class, "project", "--project")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("NAME|ID")
                .description(new String[] {"The project to import, by name or id (not needed with a project token)."})
                .withToString("field String dev.tlctl.cli.ImportCommand.project")
                .build());
        spec.addOption(ModelParts.option(command, ImportCommand.class, "workspace", "--workspace")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("NAME|ID")
                .description(new String[] {"The workspace to look in (default: the token's only one); written into the spec."})
                .withToString("field String dev.tlctl.cli.ImportCommand.workspace")
                .build());
        spec.addOption(ModelParts.option(command, ImportCommand.class, "dir", "--dir")
                .type(java.nio.file.Path.class).auxiliaryTypes(java.nio.file.Path.class)
                .paramLabel("DIR")
                .description(new String[] {"The folder of the spec (default: the current one, or the folder of -f FILE)."})
                .withToString("field java.nio.file.Path dev.tlctl.cli.ImportCommand.dir")
                .build());
        spec.addOption(ModelParts.option(command, ImportCommand.class, "environments", "--env")
                .type(java.util.List.class).auxiliaryTypes(String.class)
                .paramLabel("ENV")
                .description(new String[] {"Import this environment only (repeatable; default: every one but PR environments)."})
                .withToString("field java.util.List<String> dev.tlctl.cli.ImportCommand.environments")
                .build());
        spec.addOption(ModelParts.option(command, ImportCommand.class, "force", "--force")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<force>")
                .description(new String[] {"Replace files that exist; take the config file's value in conflicts."})
                .withToString("field boolean dev.tlctl.cli.ImportCommand.force")
                .build());
        spec.addOption(ModelParts.option(command, ImportCommand.class, "stdout", "--stdout")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<stdout>")
                .description(new String[] {"Print the files instead of writing them."})
                .withToString("field boolean dev.tlctl.cli.ImportCommand.stdout")
                .build());
        spec.addOption(ModelParts.option(command, ImportCommand.class, "secretsFile", "--write-secrets")
                .type(java.nio.file.Path.class).auxiliaryTypes(java.nio.file.Path.class)
                .paramLabel("FILE")
                .description(new String[] {"Write the secrets' values to this dotenv file (mode 0600)."})
                .withToString("field java.nio.file.Path dev.tlctl.cli.ImportCommand.secretsFile")
                .build());
        spec.addOption(ModelParts.option(command, ImportCommand.class, "railwayConfig", "--railway-config")
                .type(java.nio.file.Path.class).auxiliaryTypes(java.nio.file.Path.class)
                .paramLabel("FILE")
                .description(new String[] {"Merge this railway.json or railway.toml into the spec instead (with --service)."})
                .withToString("field java.nio.file.Path dev.tlctl.cli.ImportCommand.railwayConfig")
                .build());
        spec.addOption(ModelParts.option(command, ImportCommand.class, "service", "--service")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("NAME")
                .description(new String[] {"The service a --railway-config file configures."})
                .withToString("field String dev.tlctl.cli.ImportCommand.service")
                .build());
        command.formats = new FormatOptions();
        spec.addMixin("formats", formatOptionsMixin(command.formats));
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec deployModel() {
        DeployCommand command = new DeployCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("deploy");
        spec.usageMessage().description(new String[] {"Deploy services again from their current source and config.", "", "For a new environment's first deploy, or after a secret was rotated outside tlctl: one deployment (serviceInstanceDeployV2) per service the spec enables in each environment (every environment by default), or only the services named with --service. Services without a source (no repository, no image) have nothing to deploy and are passed by. Where a deployment is still building, tlctl waits for its build to end first (Railway refuses to redeploy meanwhile).", "", "With --wait, follows the deployments until each serves: exit 1 at the first FAILED or CRASHED one, with its last log lines, or when --timeout runs out."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "deployed (with --wait: and serving)", "1", "error (Railway API, network; a service not created yet; with --wait: a deployment failed or --timeout ran out)", "64", "usage error (an unknown environment or service)", "65", "the spec is invalid or not valid YAML", "77", "no Railway token, a malformed one, or one Railway refuses"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl deploy --env staging --service engine-api --wait", "  tlctl deploy --env staging --wait --timeout 15m --json"});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage().sortOptions(false);
        command.spec = spec;
        command.target = new TargetOptions();
        spec.addMixin("target", targetOptionsMixin(command.target));
        spec.addOption(ModelParts.option(command, DeployCommand.class, "services", "--service")
                .type(java.util.List.class).auxiliaryTypes(String.class)
                .paramLabel("NAME")
                .description(new String[] {"Only this service (repeatable). Default: every service the spec enables."})
                .withToString("field java.util.List<String> dev.tlctl.cli.DeployCommand.services")
                .build());
        command.waiting = new WaitOptions();
        spec.addMixin("waiting", waitOptionsMixin(command.waiting));
        command.output = new RuntimeOutput();
        spec.addMixin("output", runtimeOutputMixin(command.output));
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec rollbackModel() {
        RollbackCommand command = new RollbackCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("rollback");
        spec.usageMessage().description(new String[] {"Roll a service back to an earlier deployment.", "", "Railway restores that deployment's image and variables as a new deployment. Without --to, the newest earlier deployment Railway can still roll back to: one that served, no longer serves, and is within Railway's retention window (images are kept 24 h on Free, 72 h on Hobby, 120 h on Pro); outside it, tlctl refuses and says why. The config in the spec is not changed: the next apply deploys what the spec says again."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "rolled back (with --wait: and serving)", "1", "error (Railway API, network; no deployment to roll back to, or one outside the retention window; with --wait: the rollback failed or --timeout ran out)", "64", "usage error", "65", "the spec is invalid or not valid YAML", "77", "no Railway token, a malformed one, or one Railway refuses"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl rollback --env production --service engine-api --wait", "  tlctl rollback --env production --service engine-api --to 5f1c9a2e-..."});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage().sortOptions(false);
        command.spec = spec;
        spec.addOption(ModelParts.option(command, RollbackCommand.class, "environment", "--env")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("NAME")
                .description(new String[] {"The environment."})
                .required(true)
                .withToString("field String dev.tlctl.cli.RollbackCommand.environment")
                .build());
        spec.addOption(ModelParts.option(command, RollbackCommand.class, "service", "--service")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("NAME")
                .description(new String[] {"The service."})
                .required(true)
                .withToString("field String dev.tlctl.cli.RollbackCommand.service")
                .build());
        spec.addOption(ModelParts.option(command, RollbackCommand.class, "to", "--to")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("DEPLOYMENT")
                .description(new String[] {"The deployment id to return to (default: the previous one that can be rolled back to)."})
                .withToString("field String dev.tlctl.cli.RollbackCommand.to")
                .build());
        command.project = new ProjectOptions();
        spec.addMixin("project", projectOptionsMixin(command.project));
        command.waiting = new WaitOptions();
        spec.addMixin("waiting", waitOptionsMixin(command.waiting));
        command.output = new RuntimeOutput();
        spec.addMixin("output", runtimeOutputMixin(command.output));
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec statusModel() {
        StatusCommand command = new StatusCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("status");
        spec.usageMessage().description(new String[] {"Show what runs: each service's newest deployment, per environment.", "", "From one request: per environment and service, the newest deployment's status, age, deployment id, branch and commit (or image), and the service's URLs. Healthy when every service the spec enables there serves (SUCCESS) or sleeps until a request wakes it (SLEEPING): a gate for CI. Needs no secret of the spec."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "every enabled service is healthy", "1", "error (Railway API, network, I/O; no such project)", "2", "a service is not healthy (building, deploying, failed, crashed, never deployed)", "64", "usage error", "65", "the spec is invalid or not valid YAML", "77", "no Railway token, a malformed one, or one Railway refuses"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl status --sandbox", "  tlctl status --env staging --json          # exit 2 until staging is healthy", "  tlctl status --output markdown >> \"$GITHUB_STEP_SUMMARY\""});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage().sortOptions(false);
        command.spec = spec;
        command.target = new TargetOptions();
        spec.addMixin("target", targetOptionsMixin(command.target));
        command.output = new FormatOptions();
        spec.addMixin("output", formatOptionsMixin(command.output));
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec envListModel() {
        EnvListCommand command = new EnvListCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("list");
        spec.usageMessage().description(new String[] {"List the project's environments; writes nothing.", "", "From one request: each live environment, whether the spec declares it, a template names it (a preview) or neither (one of Railway's own PR environments, or unmanaged), where it comes from, whether it is ephemeral, its age, whether a preview is past its ttl, its volumes, and what it used so far this billing period and its projection (at the spec's prices; when the token can read usage)."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "listed", "1", "error (Railway API, network; no such project)", "64", "usage error", "65", "the spec is invalid or not valid YAML", "77", "no Railway token, a malformed one, or one Railway refuses"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl env list --sandbox", "  tlctl env list --json | jq '.environments[] | select(.expired)'"});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage().sortOptions(false);
        command.spec = spec;
        command.project = new ProjectOptions();
        spec.addMixin("project", projectOptionsMixin(command.project));
        spec.addOption(ModelParts.option(command, EnvListCommand.class, "json", "--json")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<json>")
                .description(new String[] {"One JSON document on stdout."})
                .withToString("field boolean dev.tlctl.cli.EnvListCommand.json")
                .build());
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec envCreateModel() {
        EnvCreateCommand command = new EnvCreateCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("create");
        spec.usageMessage().description(new String[] {"Create a preview (or bring it up to date), or copy an environment, and print its id.", "", "The same as tlctl apply --env NAME --yes for an environment a template names: created empty with Railway's ephemeral flag, then its services, settings and variables in one commit (its template's source environment with the template's overlay over it). Its secrets are its own: only the $${env:...} references it uses are read. --set and --branch give it values of its own, kept by later runs without them. Railway creates one environment per user every 30 seconds: a create inside that window waits (a line on stderr says so) and goes on.", "", "For a NAME no template names, --from ENV makes a one-off copy of ENV (Railway's fork, ephemeral): its services, settings and variables, SECRETS INCLUDED (never printed; sealed ones are not copied), deployed. env list shows it as a copy; env delete NAME --yes removes it. Copying the default environment (production) needs --force."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "created, or already as the spec says", "1", "error (Railway API, network; running again converges); a copy of the default environment without --force", "64", "usage error (no template names NAME and no --from, --from is not the template's source)", "65", "the spec or a parameter is invalid", "77", "no Railway token, a malformed one, or one Railway refuses", "78", "a secret the preview needs is not set"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl env create pr-42 --branch feature-x --yes", "  tlctl env create pr-42 --set engine-api.source.branch=feature-x --json", "  tlctl env create try-redis --from staging --yes   # a one-off copy"});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage().sortOptions(false);
        command.spec = spec;
        spec.addPositional(ModelParts.positional(command, EnvCreateCommand.class, "name")
                .index("0")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("NAME")
                .description(new String[] {"The preview's name, such as pr-42."})
                .required(true)
                .withToString("field String dev.tlctl.cli.EnvCreateCommand.name")
                .build());
        spec.addOption(ModelParts.option(command, EnvCreateCommand.class, "from", "--from")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("ENV")
                .description(new String[] {"The environment it comes from: its template's (checked), or, for a NAME no template names, the one to copy."})
                .withToString("field String dev.tlctl.cli.EnvCreateCommand.from")
                .build());
        spec.addOption(ModelParts.option(command, EnvCreateCommand.class, "sets", "--set")
                .type(java.util.List.class).auxiliaryTypes(String.class)
                .paramLabel("SERVICE.SETTING=VALUE")
                .description(new String[] {"A setting of one service there (repeatable), such as --set engine-api.source.branch=feature-x."})
                .withToString("field java.util.List<String> dev.tlctl.cli.EnvCreateCommand.sets")
                .build());
        spec.addOption(ModelParts.option(command, EnvCreateCommand.class, "branch", "--branch")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("BRANCH")
                .description(new String[] {"The branch of every service that deploys a repository."})
                .withToString("field String dev.tlctl.cli.EnvCreateCommand.branch")
                .build());
        spec.addOption(ModelParts.option(command, EnvCreateCommand.class, "yes", "--yes")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<yes>")
                .description(new String[] {"Accepted for symmetry with apply: creating a preview deletes nothing, so it never asks."})
                .withToString("field boolean dev.tlctl.cli.EnvCreateCommand.yes")
                .build());
        spec.addOption(ModelParts.option(command, EnvCreateCommand.class, "force", "--force")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<force>")
                .description(new String[] {"With --from production (the default environment): copy it all the same, its secrets included."})
                .withToString("field boolean dev.tlctl.cli.EnvCreateCommand.force")
                .build());
        spec.addOption(ModelParts.option(command, EnvCreateCommand.class, "json", "--json")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<json>")
                .description(new String[] {"One JSON document on stdout: the name, the id, whether it was created."})
                .withToString("field boolean dev.tlctl.cli.EnvCreateCommand.json")
                .build());
        command.project = new ProjectOptions();
        spec.addMixin("project", projectOptionsMixin(command.project));
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec envDeleteModel() {
        EnvDeleteCommand command = new EnvDeleteCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("delete");
        spec.usageMessage().description(new String[] {"Delete one environment (a preview), with its services' instances, variables and volumes.", "", "Lists what goes (the volumes too) and asks on a terminal; without a terminal it needs --yes. Refuses an environment the spec declares unless --force, and the project's default environment always. Every other environment is left exactly as it was."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "deleted, or cancelled at the prompt", "1", "error (Railway API, network); a refused environment (declared, default)", "64", "usage error (no such environment; no --yes without a terminal)", "65", "the spec is invalid or not valid YAML", "77", "no Railway token, a malformed one, or one Railway refuses"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl env delete pr-42                     # asks", "  tlctl env delete pr-42 --yes               # CI: when the pull request closes"});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage().sortOptions(false);
        command.spec = spec;
        spec.addPositional(ModelParts.positional(command, EnvDeleteCommand.class, "name")
                .index("0")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("NAME")
                .description(new String[] {"The environment to delete, such as pr-42."})
                .required(true)
                .withToString("field String dev.tlctl.cli.EnvDeleteCommand.name")
                .build());
        spec.addOption(ModelParts.option(command, EnvDeleteCommand.class, "force", "--force")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<force>")
                .description(new String[] {"Also an environment the spec declares (never the default one)."})
                .withToString("field boolean dev.tlctl.cli.EnvDeleteCommand.force")
                .build());
        command.options = new EnvDeleteOptions();
        spec.addMixin("options", envDeleteOptionsMixin(command.options));
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec envPruneModel() {
        EnvPruneCommand command = new EnvPruneCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("prune");
        spec.usageMessage().description(new String[] {"Delete the previews past their time to live, nothing else.", "", "A preview is expired when its template has a ttl and Railway created it longer ago than that. Lists them (with their volumes) and asks on a terminal; without one it needs --yes."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "deleted (or none expired, or cancelled at the prompt)", "1", "error (Railway API, network)", "64", "usage error (no --expired; no --yes without a terminal)", "65", "the spec is invalid or not valid YAML", "77", "no Railway token, a malformed one, or one Railway refuses"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl env prune --expired --yes            # CI: nightly"});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage().sortOptions(false);
        command.spec = spec;
        spec.addOption(ModelParts.option(command, EnvPruneCommand.class, "expired", "--expired")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<expired>")
                .description(new String[] {"Delete the previews past their template's ttl (required)."})
                .withToString("field boolean dev.tlctl.cli.EnvPruneCommand.expired")
                .build());
        command.options = new EnvDeleteOptions();
        spec.addMixin("options", envDeleteOptionsMixin(command.options));
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec envModel() {
        EnvCommand command = new EnvCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("env");
        spec.usageMessage().description(new String[] {"List, create and delete environments: previews, one per pull request.", "", "A preview is an environment a template of the spec names (previews: with a namePattern such as pr-{n}): planned from the template's source environment with the template's overlay over it, created with Railway's ephemeral flag, and deleted when its pull request closes or its time to live (ttl) has passed."});
        spec.usageMessage().footer(new String[] {"  tlctl env list", "  tlctl env create pr-42 --branch feature-x --json", "  tlctl env delete pr-42 --yes", "  tlctl env prune --expired --yes"});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage().sortOptions(false);
        spec.addSubcommand("list", new CommandLine(envListModel()));
        spec.addSubcommand("create", new CommandLine(envCreateModel()));
        spec.addSubcommand("delete", new CommandLine(envDeleteModel()));
        spec.addSubcommand("prune", new CommandLine(envPruneModel()));
        command.spec = spec;
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec driftModel() {
        DriftCommand command = new DriftCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("drift");
        spec.usageMessage().description(new String[] {"Find what differs between Railway and the spec; writes nothing.", "", "Reads the live project (one request when its id is known) and lists, per environment and service, what differs from the spec: variables changed, added or removed on Railway; settings changed, including settings the spec does not declare but Railway has set to a non-default value; services, instances and environments on one side only; the usage limit. Unlike plan, what the spec does not declare counts; list what is managed by hand in drift.ignore (address globs) in the spec. Each finding says which side changed when tlctl can tell from what it last applied (its records on Railway, read from any checkout): \"changed on Railway since tlctl last applied it\" or \"changed in the YAML and not applied yet\"; otherwise \"differs\". Secrets are compared in memory and never shown.", "", "With --compare LEFT RIGHT: two live environments side by side, from one request and without any secret of the spec: keys in one only, settings that differ, service variables that shadow a shared one, and secrets whose values are equal in both (a risk: staging reading production's database). Differences the spec declares (an overlay sets another value) are listed apart."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "no drift (--compare: no undeclared difference and no risk)", "1", "error (Railway API, network, I/O)", "2", "drift found (--compare: an undeclared difference or a risk)", "64", "usage error", "65", "the spec is invalid or not valid YAML (with --strict: or breaks a Railway rule)", "66", "the spec file or an env file cannot be read", "77", "no Railway token, a malformed one, or one Railway refuses", "78", "a value the spec references (${env:...}, ${file:...}) is not set (--compare needs none)"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl drift --sandbox", "  tlctl drift --env staging --json > drift.json     # exit 2 when staging drifted", "  tlctl drift --output markdown >> \"$GITHUB_STEP_SUMMARY\"", "  tlctl drift --compare production staging --undeclared-only"});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage().sortOptions(false);
        command.spec = spec;
        command.target = new TargetOptions();
        spec.addMixin("target", targetOptionsMixin(command.target));
        spec.addOption(ModelParts.option(command, DriftCommand.class, "compare", "--compare")
                .type(java.util.List.class).auxiliaryTypes(String.class)
                .arity("2")
                .paramLabel("ENV")
                .description(new String[] {"Compare two live environments instead, such as --compare production staging."})
                .withToString("field java.util.List<String> dev.tlctl.cli.DriftCommand.compare")
                .build());
        spec.addOption(ModelParts.option(command, DriftCommand.class, "undeclaredOnly", "--undeclared-only")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<undeclaredOnly>")
                .description(new String[] {"With --compare: only what the spec does not declare (and risks)."})
                .withToString("field boolean dev.tlctl.cli.DriftCommand.undeclaredOnly")
                .build());
        spec.addOption(ModelParts.option(command, DriftCommand.class, "strict", "--strict")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<strict>")
                .description(new String[] {"Treat the spec's warnings (Railway rules it breaks) as errors: exit 65."})
                .withToString("field boolean dev.tlctl.cli.DriftCommand.strict")
                .build());
        command.output = new OutputOptions();
        spec.addMixin("output", outputOptionsMixin(command.output));
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec varsListModel() {
        VarsCommand.ListVariables command = new VarsCommand.ListVariables();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("list");
        spec.usageMessage().description(new String[] {"List an environment's live variables and where each comes from; writes nothing.", "", "One request when the project's id is known. Each variable is declared in the spec or on Railway only; a Railway reference ($${{shared.NAME}}, $${{Postgres.DATABASE_URL}}) is shown as written, not rendered; a sealed one has no value to show. Secrets (by the spec, or by their name or value) are always masked; other values only with --show-values. No secret of the spec is needed."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "success", "1", "error (Railway API, network, I/O; the project does not exist)", "64", "usage error (an unknown environment or service)", "65", "the spec is invalid, or is not valid YAML", "66", "the spec file or an env file cannot be read", "77", "no Railway token, a malformed one, or one Railway refuses"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl vars list --env staging --sandbox", "  tlctl vars list --env production --service engine-api --show-values", "  tlctl vars list --env staging --json | jq '.variables[] | select(.origin == \"railway\")'"});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage().sortOptions(false);
        command.spec = spec;
        spec.addOption(ModelParts.option(command, VarsCommand.ListVariables.class, "environment", "--env")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("NAME")
                .description(new String[] {"The environment (any on Railway)."})
                .required(true)
                .withToString("field String dev.tlctl.cli.VarsCommand$ListVariables.environment")
                .build());
        spec.addOption(ModelParts.option(command, VarsCommand.ListVariables.class, "service", "--service")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("NAME")
                .description(new String[] {"Only this service's variables (not the shared ones)."})
                .withToString("field String dev.tlctl.cli.VarsCommand$ListVariables.service")
                .build());
        command.project = new ProjectOptions();
        spec.addMixin("project", projectOptionsMixin(command.project));
        command.output = new OutputOptions();
        spec.addMixin("output", outputOptionsMixin(command.output));
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec varsModel() {
        VarsCommand command = new VarsCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("vars");
        spec.usageMessage().description(new String[] {"Read the variables Railway holds.", "", "See: tlctl vars list --help"});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "success", "1", "error (Railway API, network, I/O)", "64", "usage error", "65", "the spec is invalid, or is not valid YAML", "66", "the spec file or an env file cannot be read", "77", "no Railway token, a malformed one, or one Railway refuses"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl vars list --env staging --sandbox"});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.addSubcommand("list", new CommandLine(varsListModel()));
        command.spec = spec;
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec billingCheckModel() {
        BillingCheckCommand command = new BillingCheckCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("check");
        spec.usageMessage().description(new String[] {"Check the usage limit, spend and the spec's guards; exit 3 when any fails.", "", "Reads what `tlctl billing` reads (one request with the project's id known, two by name) and fails when: no soft limit (the email alert) is set on Railway; the live limits differ from billing.usageLimit; spent or projected spend reaches billing.warnAtPercent (default 75) of the soft limit; Railway reports the workspace over its limit; a service Railway runs breaks billing.guards of its environment (replicas, sleeping when idle, vCPU and memory per replica); or an environment's projected cost (its worst case at the declared limits when no usage was measured) exceeds its monthlyBudgetDollars. Each failure is one line: what, how much, and what to do. Projections are linear estimates."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "every check holds", "1", "error (Railway API, network; a project token, or a token that cannot read billing; no such project)", "3", "a check failed", "64", "usage error", "65", "the spec is invalid, or is not valid YAML", "66", "the spec file or an env file cannot be read", "77", "no Railway token, a malformed one, or one Railway refuses"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl billing check --sandbox", "  tlctl billing check --json > billing.json # every check, passed or not", "  tlctl billing check --output markdown >> \"$GITHUB_STEP_SUMMARY\""});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage().sortOptions(false);
        command.spec = spec;
        command.project = new ProjectOptions();
        spec.addMixin("project", projectOptionsMixin(command.project));
        command.output = new FormatOptions();
        spec.addMixin("output", formatOptionsMixin(command.output));
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec billingModel() {
        BillingCommand command = new BillingCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("billing");
        spec.usageMessage().description(new String[] {"Show spend against the usage limit, per environment and service; writes nothing.", "", "Reads, in the same single request as the project (two when it is found by name), the workspace's billing (current usage in dollars, billing period, usage limit, whether it is over it) and the project's usage this period per environment and service (CPU, memory, disk, backups, network egress). The workspace's spent figure is Railway's; the project's are estimates at Railway's list prices ($20 a vCPU-month, $10 a GB-month of memory, $0.15 a GB-month of disk, $0.05 a GB sent; billing.prices overrides them), projected linearly to the end of the period. The table lists spent, projected and percent of the soft and hard limits, top spenders first, then the checks that `tlctl billing check` would fail. Needs an account or workspace token: a project token cannot read billing."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "the report was printed (failing checks are listed, not an error: see billing check)", "1", "error (Railway API, network; a project token, or a token that cannot read billing; no such project)", "64", "usage error", "65", "the spec is invalid, or is not valid YAML", "66", "the spec file or an env file cannot be read", "77", "no Railway token, a malformed one, or one Railway refuses"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl billing --sandbox", "  tlctl billing --json > billing.json       # kind billing, see README", "  tlctl billing --output markdown >> \"$GITHUB_STEP_SUMMARY\"", "  tlctl billing check                       # CI: exit 3 when a check fails"});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage().sortOptions(false);
        spec.addSubcommand("check", new CommandLine(billingCheckModel()));
        command.spec = spec;
        command.project = new ProjectOptions();
        spec.addMixin("project", projectOptionsMixin(command.project));
        command.output = new FormatOptions();
        spec.addMixin("output", formatOptionsMixin(command.output));
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec schemaModel() {
        SchemaCommand command = new SchemaCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("schema");
        spec.usageMessage().description(new String[] {"Print the JSON Schema of tl-engine.yaml (or, with --overlay, of", "environments/<name>.yaml), for editors: completion, hover text and", "checks as you type. Made from the table of keys validate reads; validate", "still checks what a schema cannot (references, secrets, names that must", "be declared). Needs no spec, no token and no network."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "the schema was printed", "64", "usage error"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl schema > tl-engine.schema.json", "  tlctl schema --overlay > environments/overlay.schema.json", "", "Then, as the first line of tl-engine.yaml (YAML extension of VS Code,", "or any editor using yaml-language-server):", "  # yaml-language-server: $$schema=tl-engine.schema.json"});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage().sortOptions(false);
        command.spec = spec;
        spec.addOption(ModelParts.option(command, SchemaCommand.class, "overlay", "--overlay")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<overlay>")
                .description(new String[] {"The schema of an overlay, environments/<name>.yaml."})
                .withToString("field boolean dev.tlctl.cli.SchemaCommand.overlay")
                .build());
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec versionModel() {
        VersionCommand command = new VersionCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("version");
        spec.usageMessage().description(new String[] {"Print tlctl's version, the commit it was built from, and the Java runtime."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "the version was printed"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl version", "  java -jar tlctl.jar --version        # the same"});
        spec.usageMessage().footerHeading("%nExamples:%n");
        command.spec = spec;
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec completionModel() {
        CompletionCommand command = new CompletionCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("completion");
        spec.usageMessage().description(new String[] {"Print a completion script for bash, zsh or fish.", "", "It completes commands, options, the values of options that take a fixed set (--output, --color), and environment and service names after --env, --compare and --service, read from the spec (-f FILE, or tl-engine.yaml here or in the nearest folder above) by awk on each TAB: no JVM, no network. It fires for tlctl on PATH and for bin/tlctl."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "the script was printed", "64", "usage error (a shell other than bash, zsh or fish)"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  source <(tlctl completion bash)                    # in ~/.bashrc", "  tlctl completion zsh > ~/.zfunc/_tlctl", "      # with fpath=(~/.zfunc $$fpath) before compinit in ~/.zshrc", "  tlctl completion fish > ~/.config/fish/completions/tlctl.fish"});
        spec.usageMessage().footerHeading("%nExamples:%n");
        command.spec = spec;
        spec.addPositional(ModelParts.positional(command, CompletionCommand.class, "shell")
                .index("0")
                .type(CompletionCommand.Shell.class).auxiliaryTypes(CompletionCommand.Shell.class)
                .paramLabel("SHELL")
                .description(new String[] {"bash, zsh or fish"})
                .required(true)
                .withToString("field dev.tlctl.cli.CompletionCommand$Shell dev.tlctl.cli.CompletionCommand.shell")
                .build());
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec sandboxServeModel() {
        SandboxCommand.Serve command = new SandboxCommand.Serve();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("serve");
        spec.usageMessage().description(new String[] {"Serve the sandbox on loopback until interrupted.", "", "Serves http://127.0.0.1:PORT/graphql/v2 until Ctrl-C and prints the URL and the account token it accepts (a local test token). Every change is saved to the state file at once; a restart picks it up."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "stopped by an interrupt", "1", "could not start (port in use, unreadable state)", "64", "usage error"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl sandbox serve --port 4000", "  tlctl sandbox serve --state /tmp/sandbox.json --token local-token", "  tlctl sandbox serve --faults 429=0.1,5xx=0.05,latency=10-50ms --seed 7", "  tlctl sandbox serve --faults once:projectCreate=lost", "  tlctl sandbox serve --rate-limit 100/5", "  tlctl sandbox serve --no-quotas --consistency-delay 0s --apply-delay 0s", "  tlctl sandbox serve --deploy-time 30s      # deployments build for a while", "", "Faults (comma-separated): 429=RATE, 5xx=RATE, drop=RATE, lost=RATE, error=RATE (RATE 0..1), latency=20ms or latency=10-50ms, once:NAME=ACTION where NAME is a root field or operation name and ACTION is 429, 500..599, 5xx, drop, lost or error. drop closes the connection before executing; lost executes and saves, then closes without answering."});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage().sortOptions(false);
        command.spec = spec;
        spec.addOption(ModelParts.option(command, SandboxCommand.Serve.class, "port", "--port")
                .type(int.class).auxiliaryTypes(int.class)
                .paramLabel("N")
                .description(new String[] {"The loopback port (default: any free port)."})
                .defaultValue("0")
                .withToString("field int dev.tlctl.cli.SandboxCommand$Serve.port")
                .build());
        spec.addOption(ModelParts.option(command, SandboxCommand.Serve.class, "state", "--state")
                .type(java.nio.file.Path.class).auxiliaryTypes(java.nio.file.Path.class)
                .paramLabel("FILE")
                .description(new String[] {"The state file (default: .tlctl/sandbox.json in the current directory)."})
                .withToString("field java.nio.file.Path dev.tlctl.cli.SandboxCommand$Serve.state")
                .build());
        spec.addOption(ModelParts.option(command, SandboxCommand.Serve.class, "token", "--token")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("T")
                .description(new String[] {"The account token to accept (default: the one in the state file, or a new one)."})
                .withToString("field String dev.tlctl.cli.SandboxCommand$Serve.token")
                .build());
        spec.addOption(ModelParts.option(command, SandboxCommand.Serve.class, "faults", "--faults")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("SPEC")
                .description(new String[] {"Faults to inject; see below."})
                .withToString("field String dev.tlctl.cli.SandboxCommand$Serve.faults")
                .build());
        spec.addOption(ModelParts.option(command, SandboxCommand.Serve.class, "seed", "--seed")
                .type(long.class).auxiliaryTypes(long.class)
                .paramLabel("N")
                .description(new String[] {"Seed of ids, tokens and faults (default: ${DEFAULT-VALUE})."})
                .defaultValue("1")
                .withToString("field long dev.tlctl.cli.SandboxCommand$Serve.seed")
                .build());
        spec.addOption(ModelParts.option(command, SandboxCommand.Serve.class, "rateLimit", "--rate-limit")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("PER_HOUR/PER_SECOND")
                .description(new String[] {"Requests per token per hour and per second (default: ${DEFAULT-VALUE}, Railway Hobby)."})
                .defaultValue("1000/10")
                .withToString("field String dev.tlctl.cli.SandboxCommand$Serve.rateLimit")
                .build());
        spec.addOption(ModelParts.option(command, SandboxCommand.Serve.class, "noQuotas", "--no-quotas")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<noQuotas>")
                .description(new String[] {"Turn Railway's creation quotas off (one environment per user and one project per workspace every 30 s): for benchmarks."})
                .withToString("field boolean dev.tlctl.cli.SandboxCommand$Serve.noQuotas")
                .build());
        spec.addOption(ModelParts.option(command, SandboxCommand.Serve.class, "consistencyDelay", "--consistency-delay")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("TIME")
                .description(new String[] {"How long a new service's instances and a new project take to show (default: ${DEFAULT-VALUE}; 0s: at once)."})
                .defaultValue("1s")
                .withToString("field String dev.tlctl.cli.SandboxCommand$Serve.consistencyDelay")
                .build());
        spec.addOption(ModelParts.option(command, SandboxCommand.Serve.class, "applyDelay", "--apply-delay")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("TIME")
                .description(new String[] {"How long a change set applied in the background stays \"applying\" (default: ${DEFAULT-VALUE}; 0s: final at the first poll)."})
                .defaultValue("1s")
                .withToString("field String dev.tlctl.cli.SandboxCommand$Serve.applyDelay")
                .build());
        spec.addOption(ModelParts.option(command, SandboxCommand.Serve.class, "deployTime", "--deploy-time")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("TIME")
                .description(new String[] {"How long a deployment takes from its creation to SUCCESS: a tenth initializing, half building, the rest deploying (default: ${DEFAULT-VALUE}; 0s: born finished)."})
                .defaultValue("5s")
                .withToString("field String dev.tlctl.cli.SandboxCommand$Serve.deployTime")
                .build());
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec sandboxTokenModel() {
        SandboxCommand.Token command = new SandboxCommand.Token();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("token");
        spec.usageMessage().description(new String[] {"Mint a workspace or project token into the sandbox's state.", "", "Mints a workspace token (send it as Authorization: Bearer) or a project token for one environment (send it as Project-Access-Token) into the state file, and prints it. A running sandbox on the same file accepts it at once."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "success", "1", "error (I/O, no such project, environment or workspace)", "64", "usage error"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl sandbox token --workspace", "  tlctl sandbox token --workspace=sandbox --state /tmp/sandbox.json", "  tlctl sandbox token --project tl-engine --environment staging"});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage().sortOptions(false);
        command.spec = spec;
        spec.addOption(ModelParts.option(command, SandboxCommand.Token.class, "workspace", "--workspace")
                .type(String.class).auxiliaryTypes(String.class)
                .arity("0..1")
                .paramLabel("NAME")
                .description(new String[] {"Mint a workspace token, for the named workspace (default: the sandbox's one)."})
                .withToString("field String dev.tlctl.cli.SandboxCommand$Token.workspace")
                .build());
        spec.addOption(ModelParts.option(command, SandboxCommand.Token.class, "project", "--project")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("NAME")
                .description(new String[] {"Mint a project token for this project..."})
                .withToString("field String dev.tlctl.cli.SandboxCommand$Token.project")
                .build());
        spec.addOption(ModelParts.option(command, SandboxCommand.Token.class, "environment", "--environment")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("ENV")
                .description(new String[] {"...and this environment of it."})
                .withToString("field String dev.tlctl.cli.SandboxCommand$Token.environment")
                .build());
        spec.addOption(ModelParts.option(command, SandboxCommand.Token.class, "state", "--state")
                .type(java.nio.file.Path.class).auxiliaryTypes(java.nio.file.Path.class)
                .paramLabel("FILE")
                .description(new String[] {"The state file (default: .tlctl/sandbox.json in the current directory)."})
                .withToString("field java.nio.file.Path dev.tlctl.cli.SandboxCommand$Token.state")
                .build());
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec sandboxUsageSetModel() {
        SandboxCommand.UsageSet command = new SandboxCommand.UsageSet();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("set");
        spec.usageMessage().description(new String[] {"Set one usage figure, or the customer's current usage.", "", "Sets how much of a measurement a project used, or one environment and/or service of it, accrued evenly from --from to --to (default: from the start of the billing period to now), replacing the figure with the same names and measurement. Values are in Railway's units: CPU_USAGE in vCPU-minutes, MEMORY_USAGE_GB, DISK_USAGE_GB and BACKUP_USAGE_GB in GB-minutes, NETWORK_TX_GB and NETWORK_RX_GB in GB. With --current-usage, sets the customer's currentUsage (workspace.customer) in dollars instead, or derives it again from the usage with 'derived'."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "success", "1", "error (I/O, a missing project, environment or service)", "64", "usage error (a missing or conflicting option, an unknown measurement, a bad value or date)"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl sandbox usage set --project tl-engine --measurement CPU_USAGE --value 60", "  tlctl sandbox usage set --current-usage 12.50", "  tlctl sandbox usage set --current-usage derived", "", "Add --environment ENV and --service NAME to set the figure of one environment or service of the project."});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage().sortOptions(false);
        command.spec = spec;
        spec.addOption(ModelParts.option(command, SandboxCommand.UsageSet.class, "project", "--project")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("NAME")
                .description(new String[] {"The project, by name."})
                .withToString("field String dev.tlctl.cli.SandboxCommand$UsageSet.project")
                .build());
        spec.addOption(ModelParts.option(command, SandboxCommand.UsageSet.class, "environment", "--environment")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("NAME")
                .description(new String[] {"One environment of it (default: the figure is not per environment)."})
                .withToString("field String dev.tlctl.cli.SandboxCommand$UsageSet.environment")
                .build());
        spec.addOption(ModelParts.option(command, SandboxCommand.UsageSet.class, "service", "--service")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("NAME")
                .description(new String[] {"One service of it (default: the figure is not per service)."})
                .withToString("field String dev.tlctl.cli.SandboxCommand$UsageSet.service")
                .build());
        spec.addOption(ModelParts.option(command, SandboxCommand.UsageSet.class, "measurement", "--measurement")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("M")
                .description(new String[] {"A MetricMeasurement: CPU_USAGE, MEMORY_USAGE_GB, DISK_USAGE_GB, BACKUP_USAGE_GB, NETWORK_TX_GB, NETWORK_RX_GB, ..."})
                .withToString("field String dev.tlctl.cli.SandboxCommand$UsageSet.measurement")
                .build());
        spec.addOption(ModelParts.option(command, SandboxCommand.UsageSet.class, "value", "--value")
                .type(Double.class).auxiliaryTypes(Double.class)
                .paramLabel("N")
                .description(new String[] {"The amount, in the measurement's unit (at least 0)."})
                .withToString("field Double dev.tlctl.cli.SandboxCommand$UsageSet.value")
                .build());
        spec.addOption(ModelParts.option(command, SandboxCommand.UsageSet.class, "from", "--from")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("WHEN")
                .description(new String[] {"Start of the interval the usage accrued over: a date (2026-09-01, UTC) or an instant (default: the start of the billing period)."})
                .withToString("field String dev.tlctl.cli.SandboxCommand$UsageSet.from")
                .build());
        spec.addOption(ModelParts.option(command, SandboxCommand.UsageSet.class, "to", "--to")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("WHEN")
                .description(new String[] {"End of that interval (default: now)."})
                .withToString("field String dev.tlctl.cli.SandboxCommand$UsageSet.to")
                .build());
        spec.addOption(ModelParts.option(command, SandboxCommand.UsageSet.class, "currentUsage", "--current-usage")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("DOLLARS|derived")
                .description(new String[] {"Set the customer's current usage in dollars instead, or 'derived' to compute it from the usage figures again."})
                .withToString("field String dev.tlctl.cli.SandboxCommand$UsageSet.currentUsage")
                .build());
        spec.addOption(ModelParts.option(command, SandboxCommand.UsageSet.class, "state", "--state")
                .type(java.nio.file.Path.class).auxiliaryTypes(java.nio.file.Path.class)
                .paramLabel("FILE")
                .description(new String[] {"The state file (default: .tlctl/sandbox.json in the current directory)."})
                .withToString("field java.nio.file.Path dev.tlctl.cli.SandboxCommand$UsageSet.state")
                .build());
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec sandboxUsagePeriodModel() {
        SandboxCommand.UsagePeriod command = new SandboxCommand.UsagePeriod();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("period");
        spec.usageMessage().description(new String[] {"Set the billing period.", "", "Sets workspace.customer.billingPeriod: usage without dates covers it, estimatedUsage projects to its end, and a derived current usage counts from its start."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "success", "1", "error (I/O)", "64", "usage error (a missing option, a bad date, an end not after the start)"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl sandbox usage period --start 2026-09-01 --end 2026-10-01", "", "Instants work too: --start 2026-09-15T00:00:00Z --end 2026-10-15T00:00:00Z."});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage().sortOptions(false);
        command.spec = spec;
        spec.addOption(ModelParts.option(command, SandboxCommand.UsagePeriod.class, "start", "--start")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("WHEN")
                .description(new String[] {"First instant of the period: a date (2026-09-01, UTC) or an instant."})
                .required(true)
                .withToString("field String dev.tlctl.cli.SandboxCommand$UsagePeriod.start")
                .build());
        spec.addOption(ModelParts.option(command, SandboxCommand.UsagePeriod.class, "end", "--end")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("WHEN")
                .description(new String[] {"End of the period (exclusive), in the same form."})
                .required(true)
                .withToString("field String dev.tlctl.cli.SandboxCommand$UsagePeriod.end")
                .build());
        spec.addOption(ModelParts.option(command, SandboxCommand.UsagePeriod.class, "state", "--state")
                .type(java.nio.file.Path.class).auxiliaryTypes(java.nio.file.Path.class)
                .paramLabel("FILE")
                .description(new String[] {"The state file (default: .tlctl/sandbox.json in the current directory)."})
                .withToString("field java.nio.file.Path dev.tlctl.cli.SandboxCommand$UsagePeriod.state")
                .build());
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec sandboxUsageModel() {
        SandboxCommand.Usage command = new SandboxCommand.Usage();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("usage");
        spec.usageMessage().description(new String[] {"Set the usage and billing figures the sandbox answers.", "", "What usage, estimatedUsage and workspace.customer answer: usage per measurement for a project, environment and service, the billing period, and the customer's current usage in dollars (derived from the usage at Railway's list prices unless set). A running sandbox on the same state file sees the change on its next request."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "success", "1", "error (I/O, a missing project, environment or service)", "64", "usage error"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl sandbox usage set --project tl-engine --measurement CPU_USAGE --value 72", "  tlctl sandbox usage period --start 2026-09-01 --end 2026-10-01", "  tlctl sandbox usage set --current-usage 12.50"});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.addSubcommand("set", new CommandLine(sandboxUsageSetModel()));
        spec.addSubcommand("period", new CommandLine(sandboxUsagePeriodModel()));
        command.spec = spec;
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec sandboxPrOpenModel() {
        SandboxPrCommand.Open command = new SandboxPrCommand.Open();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("open");
        spec.usageMessage().description(new String[] {"Open a pull request: Railway makes its environment.", "", "Makes the ephemeral environment <project>-pr-<number> as Railway does (turning PR environments on for the project when they are off) and prints its name."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "success", "1", "error (I/O, no such project, already open)", "64", "usage error"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl sandbox pr open --project tl-engine --number 7 --branch feat/login"});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage().sortOptions(false);
        command.spec = spec;
        spec.addOption(ModelParts.option(command, SandboxPrCommand.PullRequest.class, "project", "--project")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("NAME")
                .description(new String[] {"The project, by name."})
                .required(true)
                .withToString("field String dev.tlctl.cli.SandboxPrCommand$PullRequest.project")
                .build());
        spec.addOption(ModelParts.option(command, SandboxPrCommand.PullRequest.class, "number", "--number")
                .type(int.class).auxiliaryTypes(int.class)
                .paramLabel("N")
                .description(new String[] {"The pull request's number."})
                .required(true)
                .withToString("field int dev.tlctl.cli.SandboxPrCommand$PullRequest.number")
                .build());
        spec.addOption(ModelParts.option(command, SandboxPrCommand.PullRequest.class, "state", "--state")
                .type(java.nio.file.Path.class).auxiliaryTypes(java.nio.file.Path.class)
                .paramLabel("FILE")
                .description(new String[] {"The state file (default: .tlctl/sandbox.json in the current directory)."})
                .withToString("field java.nio.file.Path dev.tlctl.cli.SandboxPrCommand$PullRequest.state")
                .build());
        spec.addOption(ModelParts.option(command, SandboxPrCommand.Open.class, "branch", "--branch")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("NAME")
                .description(new String[] {"The pull request's branch (default: pr-N)."})
                .withToString("field String dev.tlctl.cli.SandboxPrCommand$Open.branch")
                .build());
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec sandboxPrCloseModel() {
        SandboxPrCommand.Close command = new SandboxPrCommand.Close();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("close");
        spec.usageMessage().description(new String[] {"Close (or merge) a pull request: Railway deletes its environment.", "", "Deletes the environment <project>-pr-<number> as Railway does when the pull request is merged or closed, and prints its name."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "success", "1", "error (I/O, no such project or open pull request)", "64", "usage error"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl sandbox pr close --project tl-engine --number 7"});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage().sortOptions(false);
        command.spec = spec;
        spec.addOption(ModelParts.option(command, SandboxPrCommand.PullRequest.class, "project", "--project")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("NAME")
                .description(new String[] {"The project, by name."})
                .required(true)
                .withToString("field String dev.tlctl.cli.SandboxPrCommand$PullRequest.project")
                .build());
        spec.addOption(ModelParts.option(command, SandboxPrCommand.PullRequest.class, "number", "--number")
                .type(int.class).auxiliaryTypes(int.class)
                .paramLabel("N")
                .description(new String[] {"The pull request's number."})
                .required(true)
                .withToString("field int dev.tlctl.cli.SandboxPrCommand$PullRequest.number")
                .build());
        spec.addOption(ModelParts.option(command, SandboxPrCommand.PullRequest.class, "state", "--state")
                .type(java.nio.file.Path.class).auxiliaryTypes(java.nio.file.Path.class)
                .paramLabel("FILE")
                .description(new String[] {"The state file (default: .tlctl/sandbox.json in the current directory)."})
                .withToString("field java.nio.file.Path dev.tlctl.cli.SandboxPrCommand$PullRequest.state")
                .build());
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec sandboxPrModel() {
        SandboxPrCommand command = new SandboxPrCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("pr");
        spec.usageMessage().description(new String[] {"Open or close a pull request in the sandbox.", "", "Does what Railway does when a pull request opens on a project's repository with PR environments on: an ephemeral environment <project>-pr-<number>, copied from the base environment (the project's first), deployed; and when it is merged or closed: the environment is deleted. tlctl never prunes these environments nor reports them as drift."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "success", "1", "error (I/O, no such project or pull request)", "64", "usage error"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl sandbox pr open --project tl-engine --number 7 --branch feat/login", "  tlctl sandbox pr close --project tl-engine --number 7"});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.addSubcommand("open", new CommandLine(sandboxPrOpenModel()));
        spec.addSubcommand("close", new CommandLine(sandboxPrCloseModel()));
        command.spec = spec;
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec sandboxFailModel() {
        SandboxFailCommand command = new SandboxFailCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("fail");
        spec.usageMessage().description(new String[] {"Make a service's next deployments fail in the sandbox.", "", "build: the build fails (FAILED when it ends); crash: the container exits once deployed (CRASHED); healthcheck: the healthcheck never answers (FAILED after healthcheckTimeout, only with a healthcheckPath); none: deployments succeed again. Deployments already made keep their fate; a running sandbox on the same state file sees it on its next request."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "success", "1", "error (I/O, no such project, environment or service)", "64", "usage error (such as an unknown failure)"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl sandbox fail --env staging --service engine-api crash", "  tlctl apply --env staging --yes --wait     # exit 1, with the last log lines", "  tlctl sandbox fail --env staging --service engine-api none"});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.usageMessage().sortOptions(false);
        command.spec = spec;
        spec.addOption(ModelParts.option(command, SandboxFailCommand.class, "project", "--project")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("NAME")
                .description(new String[] {"The project, by name (default: ${DEFAULT-VALUE})."})
                .defaultValue("tl-engine")
                .withToString("field String dev.tlctl.cli.SandboxFailCommand.project")
                .build());
        spec.addOption(ModelParts.option(command, SandboxFailCommand.class, "environment", "--env", "--environment")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("ENV")
                .description(new String[] {"The environment."})
                .required(true)
                .withToString("field String dev.tlctl.cli.SandboxFailCommand.environment")
                .build());
        spec.addOption(ModelParts.option(command, SandboxFailCommand.class, "service", "--service")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("NAME")
                .description(new String[] {"The service."})
                .required(true)
                .withToString("field String dev.tlctl.cli.SandboxFailCommand.service")
                .build());
        spec.addPositional(ModelParts.positional(command, SandboxFailCommand.class, "failure")
                .index("0")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("FAILURE")
                .description(new String[] {"build, crash, healthcheck or none."})
                .required(true)
                .withToString("field String dev.tlctl.cli.SandboxFailCommand.failure")
                .build());
        spec.addOption(ModelParts.option(command, SandboxFailCommand.class, "state", "--state")
                .type(java.nio.file.Path.class).auxiliaryTypes(java.nio.file.Path.class)
                .paramLabel("FILE")
                .description(new String[] {"The state file (default: .tlctl/sandbox.json in the current directory)."})
                .withToString("field java.nio.file.Path dev.tlctl.cli.SandboxFailCommand.state")
                .build());
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec sandboxModel() {
        SandboxCommand command = new SandboxCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("sandbox");
        spec.usageMessage().description(new String[] {"Run or use the local emulator of Railway's API.", "", "An emulator of the part of Railway's GraphQL API that tlctl uses: no account, no token, no network. State lives in a JSON file. Any command can also use an in-process one with --sandbox."});
        spec.usageMessage().exitCodeList(ModelParts.exitCodes("0", "success", "1", "error (I/O, a missing project or environment)", "64", "usage error"));
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
        spec.usageMessage().footer(new String[] {"  tlctl sandbox serve", "  tlctl sandbox token --workspace", "  tlctl sandbox token --project tl-engine --environment staging", "  tlctl sandbox usage set --project tl-engine --measurement CPU_USAGE --value 72", "  tlctl sandbox pr open --project tl-engine --number 7", "  tlctl sandbox fail --env staging --service engine-api crash"});
        spec.usageMessage().footerHeading("%nExamples:%n");
        spec.addSubcommand("serve", new CommandLine(sandboxServeModel()));
        spec.addSubcommand("token", new CommandLine(sandboxTokenModel()));
        spec.addSubcommand("usage", new CommandLine(sandboxUsageModel()));
        spec.addSubcommand("pr", new CommandLine(sandboxPrModel()));
        spec.addSubcommand("fail", new CommandLine(sandboxFailModel()));
        command.spec = spec;
        ModelParts.standardHelp(spec);
        return spec;
    }

    private static CommandSpec formatOptionsMixin(FormatOptions mixin) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(mixin);
        spec.addOption(ModelParts.option(mixin, FormatOptions.class, "output", "--output")
                .type(Format.class).auxiliaryTypes(Format.class)
                .paramLabel("FORMAT")
                .description(new String[] {"human (default), json (one versioned document on stdout) or markdown (a table for a pull request comment or $GITHUB_STEP_SUMMARY)."})
                .withToString("field dev.tlctl.cli.Format dev.tlctl.cli.FormatOptions.output")
                .build());
        spec.addOption(ModelParts.option(mixin, FormatOptions.class, "json", "--json")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<json>")
                .description(new String[] {"The same as --output json."})
                .withToString("field boolean dev.tlctl.cli.FormatOptions.json")
                .build());
        return spec;
    }

    private static CommandSpec projectOptionsMixin(ProjectOptions mixin) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(mixin);
        spec.addOption(ModelParts.option(mixin, ProjectOptions.class, "projectId", "--project")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("ID")
                .description(new String[] {"The project's id (default: project.id of the spec, or the id found by name and cached in .tlctl/)."})
                .withToString("field String dev.tlctl.cli.ProjectOptions.projectId")
                .build());
        spec.addOption(ModelParts.option(mixin, ProjectOptions.class, "workspace", "--workspace")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("NAME|ID")
                .description(new String[] {"The workspace (default: project.workspace of the spec, or the token's only workspace)."})
                .withToString("field String dev.tlctl.cli.ProjectOptions.workspace")
                .build());
        return spec;
    }

    private static CommandSpec targetOptionsMixin(TargetOptions mixin) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(mixin);
        spec.addOption(ModelParts.option(mixin, TargetOptions.class, "environments", "--env")
                .type(java.util.List.class).auxiliaryTypes(String.class)
                .paramLabel("NAME")
                .description(new String[] {"Only this environment (repeatable); only its secrets are needed. Default: every environment of the spec."})
                .withToString("field java.util.List<String> dev.tlctl.cli.TargetOptions.environments")
                .build());
        mixin.project = new ProjectOptions();
        spec.addMixin("project", projectOptionsMixin(mixin.project));
        return spec;
    }

    private static CommandSpec planFlagsMixin(PlanFlags mixin) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(mixin);
        spec.addOption(ModelParts.option(mixin, PlanFlags.class, "prune", "--prune")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<prune>")
                .description(new String[] {"Also delete what Railway has but the spec does not declare (never volumes)."})
                .withToString("field boolean dev.tlctl.cli.PlanFlags.prune")
                .build());
        spec.addOption(ModelParts.option(mixin, PlanFlags.class, "strict", "--strict")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<strict>")
                .description(new String[] {"Treat the spec's warnings (Railway rules it breaks) as errors: exit 65."})
                .withToString("field boolean dev.tlctl.cli.PlanFlags.strict")
                .build());
        spec.addOption(ModelParts.option(mixin, PlanFlags.class, "hideValues", "--hide-values")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<hideValues>")
                .description(new String[] {"Hide variable values that are not secret (shown by default; secrets, by the spec or by their content, are never shown)."})
                .withToString("field boolean dev.tlctl.cli.PlanFlags.hideValues")
                .build());
        spec.addOption(ModelParts.option(mixin, PlanFlags.class, "showValues", "--show-values")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<showValues>")
                .hidden(true)
                .withToString("field boolean dev.tlctl.cli.PlanFlags.showValues")
                .build());
        mixin.formats = new FormatOptions();
        spec.addMixin("formats", formatOptionsMixin(mixin.formats));
        spec.addOption(ModelParts.option(mixin, PlanFlags.class, "replace", "--replace")
                .type(java.util.List.class).auxiliaryTypes(String.class)
                .paramLabel("ADDRESS")
                .description(new String[] {"Write this variable or setting even if Railway seems to hold it already (repeatable), such as a sealed value tlctl has no record of: --replace staging/engine-api/variable/API_TOKEN."})
                .withToString("field java.util.List<String> dev.tlctl.cli.PlanFlags.replace")
                .build());
        spec.addOption(ModelParts.option(mixin, PlanFlags.class, "sets", "--set")
                .type(java.util.List.class).auxiliaryTypes(String.class)
                .paramLabel("SERVICE.SETTING=VALUE")
                .description(new String[] {"A setting of one service in the run's one environment (repeatable), such as --set engine-api.source.branch=feature-x. Kept by later runs without it."})
                .withToString("field java.util.List<String> dev.tlctl.cli.PlanFlags.sets")
                .build());
        spec.addOption(ModelParts.option(mixin, PlanFlags.class, "branch", "--branch")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("BRANCH")
                .description(new String[] {"The branch of every service that deploys a repository, in the run's one environment (a preview's branch). Kept by later runs without it."})
                .withToString("field String dev.tlctl.cli.PlanFlags.branch")
                .build());
        return spec;
    }

    private static CommandSpec waitOptionsMixin(WaitOptions mixin) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(mixin);
        spec.addOption(ModelParts.option(mixin, WaitOptions.class, "wait", "--wait")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<wait>")
                .description(new String[] {"Wait until the deployments this causes serve; exit 1 if one fails (FAILED, CRASHED) or --timeout runs out."})
                .withToString("field boolean dev.tlctl.cli.WaitOptions.wait")
                .build());
        spec.addOption(ModelParts.option(mixin, WaitOptions.class, "timeout", "--timeout")
                .type(String.class).auxiliaryTypes(String.class)
                .paramLabel("TIME")
                .description(new String[] {"How long --wait waits, such as 90s or 20m (default: ${DEFAULT-VALUE})."})
                .defaultValue("10m")
                .withToString("field String dev.tlctl.cli.WaitOptions.timeout")
                .build());
        return spec;
    }

    private static CommandSpec runtimeOutputMixin(RuntimeOutput mixin) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(mixin);
        spec.addOption(ModelParts.option(mixin, RuntimeOutput.class, "json", "--json")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<json>")
                .description(new String[] {"JSON Lines on stdout: a deployment event per status change, then the result."})
                .withToString("field boolean dev.tlctl.cli.RuntimeOutput.json")
                .build());
        return spec;
    }

    private static CommandSpec envDeleteOptionsMixin(EnvDeleteOptions mixin) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(mixin);
        spec.addOption(ModelParts.option(mixin, EnvDeleteOptions.class, "yes", "--yes")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<yes>")
                .description(new String[] {"Delete without asking (needed without a terminal)."})
                .withToString("field boolean dev.tlctl.cli.EnvDeleteOptions.yes")
                .build());
        spec.addOption(ModelParts.option(mixin, EnvDeleteOptions.class, "json", "--json")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<json>")
                .description(new String[] {"One JSON document on stdout: what was deleted."})
                .withToString("field boolean dev.tlctl.cli.EnvDeleteOptions.json")
                .build());
        mixin.project = new ProjectOptions();
        spec.addMixin("project", projectOptionsMixin(mixin.project));
        return spec;
    }

    private static CommandSpec outputOptionsMixin(OutputOptions mixin) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(mixin);
        mixin.formats = new FormatOptions();
        spec.addMixin("formats", formatOptionsMixin(mixin.formats));
        spec.addOption(ModelParts.option(mixin, OutputOptions.class, "showValues", "--show-values")
                .type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<showValues>")
                .description(new String[] {"Show non-secret variable values (secrets are never shown)."})
                .withToString("field boolean dev.tlctl.cli.OutputOptions.showValues")
                .build());
        return spec;
    }
}
