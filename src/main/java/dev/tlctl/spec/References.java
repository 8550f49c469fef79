package dev.tlctl.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves tlctl's references in a value: {@code ${env:NAME}} from the process environment and
 * env files, {@code ${file:PATH}} from a file relative to the spec's folder. {@code $${...}}
 * writes a literal {@code ${...}}. Railway's own references ({@code ${{shared.REDIS_URL}}}) and
 * anything else pass through untouched. Missing references are collected, not thrown, so that
 * one error can list them all.
 */
final class References {
    static final int MAX_FILE_BYTES = 64 * 1024;
    /**
     * A reference: its argument holds no brace, so that a match attempt that finds no closing
     * brace stops at the next {@code {} (a value of many {@code $${env:} in a row was scanned
     * 4,096 characters per attempt: 13 s for 100,000 characters, now linear and fast).
     */
    private static final Pattern REFERENCE = Pattern.compile("\\$?\\$\\{(env|file):([^{}]{0,4096})}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** A reference that could not be resolved, and why. */
    record Missing(String reference, Location location, String reason) {}

    /** The resolved text and whether it used any reference. */
    record Resolved(String value, boolean usedReferences) {}

    private final Map<String, String> env;
    private final Path baseDir;
    private final java.util.Set<Path> allowedFiles;
    private final boolean invent;
    private final List<Missing> missing = new ArrayList<>();
    private final java.util.Set<String> invented = new java.util.TreeSet<>();
    private Location firstInvented;

    References(SpecInputs inputs, Path baseDir) {
        this.env = inputs.env();
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.allowedFiles = inputs.allowedFiles().stream().map(p -> p.toAbsolutePath().normalize())
                .collect(java.util.stream.Collectors.toSet());
        this.invent = inputs.invent();
    }

    static boolean containsReference(String text) {
        if (!text.contains("${")) {
            return false; // most values: no regex
        }
        if (wholeEnvReference(text) != null) {
            return true;
        }
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            if (!m.group().startsWith("$$")) {
                return true;
            }
        }
        return false;
    }

    /**
     * NAME when {@code text} is exactly {@code ${env:NAME}} (NAME a valid name, no spaces), the way
     * most secrets are written; else null. What the regex would find in it, without the regex.
     */
    static String wholeEnvReference(String text) {
        int length = text.length();
        if (length < 8 || length > 4096 + 7 || !text.startsWith("${env:") || text.charAt(length - 1) != '}') {
            return null;
        }
        String name = text.substring(6, length - 1);
        return Names.variableName(name) ? name : null;
    }

    /** Resolves every reference in {@code template}; returns null when any is missing. */
    Resolved resolve(String template, Location location, Problems problems) {
        return resolve(template, location, problems, true);
    }

    /**
     * Checks every reference in {@code template} and, when {@code values}, resolves it; returns
     * null when any is invalid or missing. Without {@code values} the environment and files are not
     * read and the resolved text is null (an environment outside the run's scope).
     */
    Resolved resolve(String template, Location location, Problems problems, boolean values) {
        if (!template.contains("${")) {
            return new Resolved(template, false); // most values: no regex, no copy
        }
        String name = wholeEnvReference(template);
        if (name != null) {
            if (!values) {
                return new Resolved(null, true); // a valid name: nothing to report
            }
            String value = env(name, template, location, problems);
            return value == null ? null : new Resolved(value, true);
        }
        return resolveMatching(template, location, problems, values);
    }

    /** {@link #resolve} of any template, through the regex. */
    Resolved resolveMatching(String template, Location location, Problems problems, boolean values) {
        Matcher m = REFERENCE.matcher(template);
        StringBuilder out = new StringBuilder();
        boolean used = false;
        boolean ok = true;
        while (m.find()) {
            String whole = m.group();
            if (whole.startsWith("$$")) {
                m.appendReplacement(out, Matcher.quoteReplacement(whole.substring(1)));
                continue;
            }
            used = true;
            String kind = m.group(1);
            String arg = m.group(2).trim();
            if (!values) {
                ok &= valid(kind, arg, whole, location, problems) && (kind.equals("env") || readable(arg, whole, location,
                        problems) != null);
                continue;
            }
            String value = kind.equals("env") ? env(arg, whole, location, problems) : file(arg, whole, location, problems);
            if (value == null) {
                ok = false;
                m.appendReplacement(out, "");
            } else {
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
        }
        m.appendTail(out);
        if (!ok) {
            return null;
        }
        return new Resolved(values || !used ? out.toString() : null, used);
    }

    /** Checks a reference's form without reading what it names. */
    private static boolean valid(String kind, String arg, String whole, Location location, Problems problems) {
        if (kind.equals("env") && !ENV_NAME.matcher(arg).matches()) {
            problems.error(location, "invalid reference " + whole,
                    "An environment reference is ${env:NAME}, where NAME is letters, digits and underscores.");
            return false;
        }
        if (kind.equals("file") && arg.isEmpty()) {
            problems.error(location, "invalid reference " + whole, "A file reference is ${file:PATH}.");
            return false;
        }
        return true;
    }

    private String env(String name, String whole, Location location, Problems problems) {
        if (!ENV_NAME.matcher(name).matches()) {
            problems.error(location, "invalid reference " + whole,
                    "An environment reference is ${env:NAME}, where NAME is letters, digits and underscores.");
            return null;
        }
        String value = env.get(name);
        if (value == null && invent) {
            inventedAt(location, whole);
            return "sandbox-fake-" + name;
        }
        if (value == null) {
            missing.add(new Missing(whole, location, "the variable " + name + " is not set"));
        }
        return value;
    }

    private void inventedAt(Location location, String reference) {
        if (invented.add(reference) && firstInvented == null) {
            firstInvented = location;
        }
    }

    /**
     * The path a file reference names, when it may be read: inside the spec's folder (links
     * followed) or allowed by {@code --allow-file}; else reports why and returns null. A property of
     * the spec, checked in every mode, whether the file is read or not.
     */
    private Path readable(String pathText, String whole, Location location, Problems problems) {
        if (pathText.isEmpty()) {
            problems.error(location, "invalid reference " + whole, "A file reference is ${file:PATH}.");
            return null;
        }
        Path path;
        try {
            path = baseDir.resolve(pathText).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            problems.error(location, "invalid reference " + whole, "The path is not valid on this system.");
            return null;
        }
        if (!allowedFiles.contains(path) && !inside(path, whole, location, problems)) {
            return null;
        }
        return path;
    }

    private String file(String pathText, String whole, Location location, Problems problems) {
        Path path = readable(pathText, whole, location, problems);
        if (path == null) {
            return null;
        }
        if (invent) {
            inventedAt(location, whole);
            return "sandbox-fake-file";
        }
        try {
            if (!Files.isRegularFile(path)) {
                missing.add(new Missing(whole, location, "no file " + path));
                return null;
            }
            if (Files.size(path) > MAX_FILE_BYTES) {
                problems.error(location, "the file of " + whole + " is too large",
                        "A referenced file may have at most " + MAX_FILE_BYTES + " bytes.");
                return null;
            }
            String text = Files.readString(path, StandardCharsets.UTF_8);
            // One trailing newline is the file's, not the value's (as `$(cat file)` strips it).
            if (text.endsWith("\r\n")) {
                return text.substring(0, text.length() - 2);
            }
            return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        } catch (IOException | RuntimeException e) {
            missing.add(new Missing(whole, location, "cannot read " + path + ": " + e.getClass().getSimpleName()));
            return null;
        }
    }

    /**
     * Whether {@code path} is inside the spec's folder, also once links are followed; reports why
     * not. A spec is shared and reviewed: it must not be able to read the machine's files
     * ({@code /proc/self/environ} holds the token), unless {@code --allow-file} names the file.
     */
    private boolean inside(Path path, String whole, Location location, Problems problems) {
        String fix = " Keep the file inside the spec's folder, or allow this one with --allow-file " + path + ".";
        if (!path.startsWith(baseDir)) {
            problems.error(location, whole + " reads outside the spec's folder",
                    "A file reference reads only files inside " + baseDir + " (no absolute path elsewhere, no '..')." + fix);
            return false;
        }
        try {
            if (Files.exists(path) && !path.toRealPath().startsWith(baseDir.toRealPath())) {
                problems.error(location, whole + " is a link that leaves the spec's folder",
                        "A file reference reads only files inside " + baseDir + ", links followed." + fix);
                return false;
            }
        } catch (IOException e) {
            missing.add(new Missing(whole, location, "cannot read " + path + ": " + e.getClass().getSimpleName()));
            return false;
        }
        return true;
    }

    /** Reports every missing reference as one error, and invented values as one warning. */
    void report(Problems problems) {
        if (!invented.isEmpty()) {
            problems.warning(firstInvented.withPath(""), invented.size() + (invented.size() == 1 ? " reference has" : " references have")
                    + " no value in sandbox mode: the sandbox gets invented ones", String.join(", ", invented) + ". In sandbox"
                    + " mode ${env:...} reads only environments/sandbox.env and --env-file files, never your shell, and"
                    + " ${file:...} is never read, so that no real secret reaches the sandbox's state on disk. Add fake"
                    + " values to environments/sandbox.env to choose them.");
        }
        if (missing.isEmpty()) {
            return;
        }
        List<Missing> sorted = new ArrayList<>(missing);
        sorted.sort(java.util.Comparator.comparing((Missing m) -> m.location().file())
                .thenComparingInt(m -> m.location().line())
                .thenComparingInt(m -> m.location().column()));
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        StringBuilder detail = new StringBuilder();
        for (Missing m : sorted) {
            String line = m.reference() + " at " + m.location().position() + " (" + m.location().path() + "): " + m.reason();
            if (seen.add(line)) {
                detail.append(line).append('\n');
            }
        }
        detail.append("Export the variables, pass --env-file FILE (KEY=value lines), or create the files.");
        problems.error(Diagnostic.Cause.MISSING_VALUE, sorted.get(0).location().withPath(""),
                seen.size() + (seen.size() == 1 ? " reference cannot" : " references cannot") + " be resolved",
                detail.toString());
    }
}
