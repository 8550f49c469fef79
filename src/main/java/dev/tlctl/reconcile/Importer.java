package dev.tlctl.reconcile;

import dev.tlctl.adopt.AdoptOptions;
import dev.tlctl.adopt.Adopted;
import dev.tlctl.adopt.Adopter;
import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveState;
import dev.tlctl.railway.RailwayClient;
import dev.tlctl.railway.ReadTarget;
import dev.tlctl.reconcile.ReconcileException.Kind;
import dev.tlctl.spec.Diagnostic;
import dev.tlctl.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code tlctl import}: reads a live project in one request (two by name) and writes it as a spec
 * ({@link Adopter} makes the documents). Refuses to replace files without {@code force}, and to
 * write secrets where they could be committed, before anything is read; checks the result as
 * {@code validate --strict} does.
 */
public final class Importer implements AutoCloseable {
    private static final Pattern ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The longest environment name import writes a file for: file systems allow 255 bytes with the suffix. */
    private static final int MAX_NAME_BYTES = 200;

    private final Endpoint endpoint;
    private final Effects effects;
    private final RailwayClient client;

    private Importer(Endpoint endpoint, Effects effects, RailwayClient client) {
        this.endpoint = endpoint;
        this.effects = effects;
        this.client = client;
    }

    /** Prepares the client for {@code endpoint}; sends nothing. */
    public static Importer open(Endpoint endpoint, Effects effects) {
        return new Importer(endpoint, effects, Failures.translated(() -> Reconciler.client(endpoint, effects)));
    }

    /** What this import cost against Railway's rate limit. */
    public RequestTally requests() {
        return RequestTally.of(client.requestCount(), client.lastRateLimit());
    }

    /** Reads the project and writes (or prints) its spec. */
    public ImportResult run(ImportRequest request) {
        return Failures.translated(() -> carryOut(request));
    }

    private ImportResult carryOut(ImportRequest request) {
        Path dir = request.dir();
        if (request.secretsFile() != null) {
            SecretsFile.checkPlace(request.secretsFile(), dir, request.force());
        }
        if (request.project() == null && !client.projectToken()) {
            throw new ReconcileException(Kind.USAGE, "which project? --project NAME|ID is required",
                    "Name the project to import (or its id), as Railway's dashboard shows it. Only a project token"
                            + " (RAILWAY_TOKEN) knows its project without it.");
        }
        LiveState live = read(request);
        LiveProject project = live.project();
        checkEnvironments(project, request.environments());
        Adopted adopted = Adopter.adopt(project, live.workspace(), new AdoptOptions(request.environments(),
                request.workspace(), source(), LocalDate.ofInstant(effects.clock().instant(), ZoneOffset.UTC)));
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(SpecLoader.DEFAULT_FILE, adopted.base().text());
        adopted.overlays().forEach((name, document) -> texts.put(overlay(name), document.text()));
        checkFileNames(adopted.environments());
        List<ImportResult.File> files = new ArrayList<>();
        List<String> notes = new ArrayList<>(adopted.notes());
        Map<Path, String> writes = new LinkedHashMap<>();
        if (request.toStdout()) {
            texts.forEach((path, text) -> files.add(new ImportResult.File(path, ImportResult.Outcome.PRINTED, text)));
        } else {
            Map<String, Boolean> unchanged = ImportFiles.unchanged(dir, texts);
            ImportFiles.checkOverwrite(dir, texts, unchanged, request.force());
            texts.forEach((path, text) -> {
                if (!unchanged.get(path)) {
                    writes.put(dir.resolve(path), text);
                }
                files.add(new ImportResult.File(path, unchanged.get(path) ? ImportResult.Outcome.UNCHANGED
                        : ImportResult.Outcome.WRITTEN, text));
            });
            notes.addAll(strayOverlays(dir, adopted.environments()));
        }
        List<Diagnostic> problems = SpecCheck.of(texts);
        if (request.secretsFile() != null) {
            writes.put(request.secretsFile(), SecretsFile.text(project.name(), adopted.secrets()));
        }
        ImportFiles.writeAll(writes, request.secretsFile() == null ? Set.of() : Set.of(request.secretsFile()));
        return new ImportResult(adopted.projectName(), adopted.projectId(), adopted.environments(), adopted.services(),
                files, adopted.secrets(), request.secretsFile(), adopted.unexpressed().stream().map(Object::toString)
                .toList(), notes, problems, requests());
    }

    private LiveState read(ImportRequest request) {
        String wanted = request.project();
        boolean byId = wanted != null && ID.matcher(wanted).matches();
        ReadTarget target = byId ? new ReadTarget(null, wanted, request.workspace(), "--project")
                : new ReadTarget(wanted, null, request.workspace(), null);
        LiveState live = client.read(target).state();
        if (live.project() == null) {
            throw new ReconcileException(Kind.REFUSED, "Railway has no project " + wanted + (request.workspace() == null
                    ? "" : " in workspace " + request.workspace()), "Check the name (as Railway's dashboard shows"
                    + " it), pass its id with --project, or name the workspace with --workspace. Nothing was written.");
        }
        return live;
    }

    /** Every environment asked for exists, is not one of Railway's PR environments, and the token may open it. */
    private static void checkEnvironments(LiveProject project, List<String> asked) {
        List<String> names = project.environments().stream().filter(e -> !e.ephemeral() && e.accessible())
                .map(LiveEnvironment::name).toList();
        for (String name : asked) {
            LiveEnvironment found = project.environment(name).orElse(null);
            if (found == null) {
                throw new ReconcileException(Kind.USAGE, "project " + project.name() + " has no environment " + name
                        + DidYouMean.suffix(name, names),
                        "It has: " + String.join(", ", names) + ".");
            }
            if (found.ephemeral() || !found.accessible()) {
                throw new ReconcileException(Kind.USAGE, "environment " + name + " cannot be imported",
                        found.ephemeral() ? "It is one of Railway's PR environments, which Railway creates and deletes."
                                : "This token may not open it (environment RBAC).");
            }
        }
        if (names.isEmpty()) {
            throw new ReconcileException(Kind.REFUSED, "project " + project.name() + " has no environment to import",
                    "Its environments are PR environments or closed to this token.");
        }
    }

    /**
     * Each environment's overlay is {@code environments/<name>.yaml}: a name that is not one
     * file name there (a slash, {@code ..}, a control character, or too long) could write
     * elsewhere; refused before anything is written.
     */
    private static void checkFileNames(List<String> environments) {
        for (String name : environments) {
            boolean bad = name.isEmpty() || name.equals(".") || name.equals("..") || name.startsWith(".")
                    || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.chars().anyMatch(Character::isISOControl)
                    || name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME_BYTES;
            if (bad) {
                throw new ReconcileException(Kind.REFUSED, "environment " + printable(name) + " cannot be imported: its"
                        + " name cannot be the file name of its overlay (" + SpecLoader.OVERLAY_DIR + "/<name>.yaml)",
                        "Rename it on Railway, or import the other environments with --env. Nothing was written.");
            }
        }
    }

    /** A name from Railway in a message: control characters shown as escapes. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder("\"");
        name.codePoints().forEach(c -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", c)
                : Character.toString(c)));
        return out.append('"').toString();
    }

    /** Where the project was read, for the header: Railway's URL, or the sandbox (whose local path is no one's business). */
    private String source() {
        return endpoint.key().startsWith("sandbox:") ? "the tlctl sandbox" : "Railway (" + endpoint.url() + ")";
    }

    private static String overlay(String environment) {
        return SpecLoader.OVERLAY_DIR + "/" + environment + ".yaml";
    }

    /** Overlays in the folder for environments this import does not declare (the spec refuses them). */
    private static List<String> strayOverlays(Path dir, List<String> environments) {
        List<String> notes = new ArrayList<>();
        try (var files = Files.list(dir.resolve(SpecLoader.OVERLAY_DIR))) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml") || n.endsWith(".yml")).sorted()
                    .forEach(n -> {
                        if (!environments.contains(n.substring(0, n.lastIndexOf('.')))) {
                            notes.add(SpecLoader.OVERLAY_DIR + "/" + n + " is not an environment of this import:"
                                    + " remove it, or the spec is invalid.");
                        }
                    });
        } catch (IOException e) {
            // no folder of overlays: nothing stray
        }
        return notes;
    }

    @Override
    public void close() {
        client.close();
    }
}
