package dev.tlctl.cli;

import dev.tlctl.reconcile.ImportRequest;
import dev.tlctl.reconcile.Importer;
import dev.tlctl.reconcile.MigrateRequest;
import dev.tlctl.reconcile.Migrator;
import dev.tlctl.spec.SpecLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Writes the spec of a live project, or merges a Railway config-as-code file into the spec. */
@Command(
        addMethodSubcommands = false,
        name = "import",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Write tl-engine.yaml and environments/<name>.yaml from a live project, or merge a"
                    + " railway.json / railway.toml into the spec.",
            "",
            "Reads the project in one request (two by name) and writes what every environment shares in"
                    + " tl-engine.yaml, what differs in each environment's overlay; an environment created from"
                    + " another gets from:, a service with no instance in an environment is disabled there, Railway"
                    + " references ($${{...}}) are kept, settings at Railway's defaults left out, the usage limit"
                    + " included. Secrets (by name, by content, sealed) are written as $${env:<ENV>_<NAME>}"
                    + " references: their names are printed, their values never; --write-secrets FILE writes the"
                    + " values Railway returns to a dotenv file (mode 0600; refused inside a git repository unless"
                    + " git-ignored). What the spec cannot express yet (domains, volumes, TCP proxies...) is listed"
                    + " and written as comments. Files are not replaced without --force; the same project gives the"
                    + " same bytes. The result is checked as validate --strict does.",
            "",
            "With --railway-config FILE --service NAME: merges the file's build and deploy settings into that"
                    + " service (environments.<name> into the overlays), keeping the files' comments; what the spec"
                    + " already says otherwise is listed and kept unless --force; unknown keys are listed with their"
                    + " line. Needs no token.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:imported (or migrated); problems validate --strict finds are listed", "1:error, or a file"
                + " exists (--force)", "64:usage error", "65:the spec (or the Railway config file) is invalid",
            "66:the spec file cannot be read", "77:no Railway token, a malformed one, or one Railway refuses"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tlctl import --project tl-engine --dir infra",
            "  tlctl import --project tl-engine --stdout | less",
            "  tlctl import --project tl-engine --write-secrets ~/.config/tlctl/tl-engine.env",
            "  tlctl import --sandbox --project tl-engine --dir /tmp/adopted --json",
            "  tlctl import --railway-config railway.json --service engine-api",
            "  tlctl import --railway-config api/railway.toml --service engine-api --force",
        })
final class ImportCommand extends BaseCommand implements Callable<Integer> {

    @Option(names = "--project", paramLabel = "NAME|ID",
            description = "The project to import, by name or id (not needed with a project token).")
    String project;

    @Option(names = "--workspace", paramLabel = "NAME|ID",
            description = "The workspace to look in (default: the token's only one); written into the spec.")
    String workspace;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "The folder of the spec (default: the current one, or the folder of -f FILE).")
    Path dir;

    @Option(names = "--env", paramLabel = "ENV",
            description = "Import this environment only (repeatable; default: every one but PR environments).")
    List<String> environments = new ArrayList<>();

    @Option(names = "--force", description = "Replace files that exist; take the config file's value in conflicts.")
    boolean force;

    @Option(names = "--stdout", description = "Print the files instead of writing them.")
    boolean stdout;

    @Option(names = "--write-secrets", paramLabel = "FILE",
            description = "Write the secrets' values to this dotenv file (mode 0600).")
    Path secretsFile;

    @Option(names = "--railway-config", paramLabel = "FILE",
            description = "Merge this railway.json or railway.toml into the spec instead (with --service).")
    Path railwayConfig;

    @Option(names = "--service", paramLabel = "NAME", description = "The service a --railway-config file configures.")
    String service;

    @Mixin
    FormatOptions formats;

    @Override
    public Integer call() {
        ImportView view = ImportView.of(terminal(), formats.format());
        if (railwayConfig != null || service != null) {
            view.migrated(Migrator.run(migrateRequest()));
            return ExitCodes.OK;
        }
        ImportRequest request = new ImportRequest(project, workspace, folder(), environments, force, stdout,
                secretsFile == null ? null : relative(secretsFile));
        if (root().sandbox()) {
            dev.tlctl.sandbox.Sandbox.warmUp();
        }
        try (Connection connection = Connection.open(root(), specFileOrHere());
                Importer importer = Importer.open(connection.endpoint(), effects())) {
            view.imported(importer.run(request));
            RequestReport.print(terminal(), importer.requests());
            return ExitCodes.OK;
        }
    }

    private MigrateRequest migrateRequest() {
        if (railwayConfig == null || service == null) {
            throw new CliException(ExitCodes.USAGE, "--railway-config and --service go together",
                    "Name the file and the service it configures: --railway-config railway.json --service NAME.");
        }
        List<String> other = new ArrayList<>();
        if (project != null) {
            other.add("--project");
        }
        if (workspace != null) {
            other.add("--workspace");
        }
        if (!environments.isEmpty()) {
            other.add("--env");
        }
        if (stdout) {
            other.add("--stdout");
        }
        if (secretsFile != null) {
            other.add("--write-secrets");
        }
        if (!other.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, String.join(", ", other) + " cannot go with --railway-config",
                    "A Railway config file is merged into the spec as it is; nothing is read from Railway.");
        }
        Path spec = dir != null ? relative(dir).resolve(SpecLoader.DEFAULT_FILE) : specFileOrHere();
        return new MigrateRequest(relative(railwayConfig), service, spec, force);
    }

    /** {@code --dir}, else the folder of {@code -f FILE}, else the current folder. */
    private Path folder() {
        if (dir != null) {
            return relative(dir);
        }
        Path parent = specFileOrHere().getParent();
        return parent != null ? parent : relative(Path.of("."));
    }
}
