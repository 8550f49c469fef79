package dev.tlctl.spec;

import dev.tlctl.spec.YNode.YMap;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a spec: {@code tl-engine.yaml} (or the file given) and every
 * {@code environments/<name>.yaml} overlay beside it, resolving references from {@code env}.
 * Throws a {@link SpecException} with every problem when the spec is invalid.
 */
public final class SpecLoader {
    /** The spec file read when none is given. */
    public static final String DEFAULT_FILE = "tl-engine.yaml";
    /** The folder of overlays, beside the spec. */
    public static final String OVERLAY_DIR = "environments";

    private SpecLoader() {}

    /**
     * Loads the spec at {@code file}, resolving every environment's references.
     *
     * @param env the values {@code ${env:NAME}} reads: the process environment merged with any
     *     env files, as the caller decides
     */
    public static Spec load(Path file, Map<String, String> env) {
        return load(file, env, null);
    }

    /**
     * Loads the spec at {@code file}, resolving the references of the environments in
     * {@code scope} only (null: all), so that a run for one environment needs none of the
     * others' secrets. Every environment is still checked in full.
     *
     * @param env the values {@code ${env:NAME}} reads
     */
    public static Spec load(Path file, Map<String, String> env, java.util.Set<String> scope) {
        return load(file, new SpecInputs(env, scope, java.util.Set.of(), false));
    }

    /** Loads the spec at {@code file}, its references reading what {@code inputs} allow. */
    public static Spec load(Path file, SpecInputs inputs) {
        String label = file.toString();
        Problems problems = new Problems();
        if (!Files.isRegularFile(file)) {
            problems.error(Diagnostic.Cause.NO_INPUT, Location.ofFile(label), "no spec file here",
                    "Run tlctl in the folder that holds " + DEFAULT_FILE + ", or pass -f FILE.");
            problems.throwIfErrors();
        }
        YNode root = YamlLoader.load(file, label, problems);
        if (root == null) {
            if (!problems.hasErrors()) {
                problems.error(Location.ofFile(label), "the spec is empty",
                        "Write at least 'project:' with a name and 'environments:'.");
            }
            problems.throwIfErrors();
        }
        if (!(root instanceof YMap base)) {
            problems.error(root.location(), "the spec must be a mapping, found " + YNode.describe(root),
                    "Start with 'project:', 'environments:' and 'services:' keys.");
            throw new SpecException(problems.sorted());
        }
        Path dir = file.toAbsolutePath().getParent();
        String prefix = file.getParent() == null ? "" : file.getParent().toString() + "/";
        Map<String, SpecReader.Overlay> overlays = readOverlays(dir.resolve(OVERLAY_DIR), prefix + OVERLAY_DIR + "/", problems);
        Spec spec = new SpecReader(problems, new References(inputs, dir)).read(file, base, overlays,
                inputs.scope(), relative -> templateOverlay(dir, prefix, relative, problems));
        problems.throwIfErrors();
        return spec;
    }

    /** A template's overlay: a file inside the spec's folder (links included), or null. */
    private static SpecReader.Overlay templateOverlay(Path dir, String prefix, String relative, Problems problems) {
        Path path = dir.resolve(relative);
        try {
            if (!Files.isRegularFile(path) || !path.toRealPath().startsWith(dir.toRealPath())) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        String label = prefix + relative;
        return new SpecReader.Overlay(label, YamlLoader.load(path, label, problems));
    }

    private static Map<String, SpecReader.Overlay> readOverlays(Path dir, String labelPrefix, Problems problems) {
        Map<String, SpecReader.Overlay> overlays = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return overlays;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{yaml,yml}")) {
            List<Path> sorted = new java.util.ArrayList<>();
            files.forEach(sorted::add);
            sorted.sort(null);
            for (Path path : sorted) {
                String fileName = path.getFileName().toString();
                String name = fileName.substring(0, fileName.lastIndexOf('.'));
                String label = labelPrefix + fileName;
                if (overlays.containsKey(name)) {
                    problems.error(Location.ofFile(label), "two overlays for environment \"" + name + "\"",
                            "Keep one of " + overlays.get(name).label() + " and " + label + ".");
                    continue;
                }
                overlays.put(name, new SpecReader.Overlay(label, YamlLoader.load(path, label, problems)));
            }
        } catch (IOException e) {
            problems.error(Location.ofFile(labelPrefix), "cannot list the overlays", e.getMessage());
        }
        return overlays;
    }
}
