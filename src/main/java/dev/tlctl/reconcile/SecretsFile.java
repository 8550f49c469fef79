package dev.tlctl.reconcile;

import dev.tlctl.adopt.ImportedSecret;
import dev.tlctl.reconcile.ReconcileException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The dotenv file {@code tlctl import --write-secrets} writes: owner-only (0600), and never where
 * it could be committed. Inside a git work tree (a parent folder holds {@code .git}) it must be
 * git-ignored, as {@code git check-ignore} says (no git, no answer: refused); outside one, it may
 * not be inside the spec's folder (which is meant to be committed). Sealed and
 * unreadable secrets have no value to write: they are listed as comments, to set by hand.
 */
final class SecretsFile {
    /** Longest wait for one git command. */
    private static final long GIT_SECONDS = 10;

    private SecretsFile() {}

    /** Refuses a place the file could be committed from, or a file that exists without {@code force}. */
    static void checkPlace(Path file, Path specDir, boolean force) {
        Path absolute = file.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new ReconcileException(Kind.USAGE, "no folder " + parent + " for --write-secrets " + file,
                    "Create the folder first, or name a file in a folder that exists.");
        }
        if (Files.isDirectory(absolute)) {
            throw new ReconcileException(Kind.USAGE, "--write-secrets " + file + " is a folder", "Name a file.");
        }
        if (Files.exists(absolute) && !force) {
            throw new ReconcileException(Kind.REFUSED, file + " exists", "tlctl import does not replace it without"
                    + " --force. Nothing was read or written.");
        }
        Path root = workTree(parent);
        if (root != null) {
            int ignored = git(root, "check-ignore", "-q", "--", absolute.toString());
            if (ignored != 0) {
                throw new ReconcileException(Kind.REFUSED, file + " is inside the git repository " + root
                        + (ignored == 1 ? " and not git-ignored" : ", and git could not tell whether it is ignored"),
                        "A file of secrets there could be committed. Add it to .gitignore (or .git/info/exclude), or"
                                + " write it outside the repository. Nothing was read or written.");
            }
            return;
        }
        Path dir = specDir.toAbsolutePath().normalize();
        if (absolute.startsWith(dir)) {
            throw new ReconcileException(Kind.REFUSED, file + " is inside the spec's folder " + dir,
                    "The spec's folder is meant to be committed, and it is not a git repository that could ignore"
                            + " the file. Write it elsewhere (such as ~/.config/tlctl/), or inside a git repository"
                            + " where it is ignored. Nothing was read or written.");
        }
    }

    /** The dotenv text: one {@code NAME="value"} line per known secret, a comment per one to set by hand. */
    static String text(String project, List<ImportedSecret> secrets) {
        List<String> lines = new ArrayList<>();
        lines.add("# Secrets of Railway project " + project + ", written by tlctl import. Keep this file private and"
                + " out of git.");
        lines.add("# Use it with: tlctl plan --env-file FILE");
        for (ImportedSecret secret : secrets) {
            if (secret.known()) {
                lines.add(secret.variable() + "=\"" + escape(secret.value().reveal()) + "\"");
            } else {
                lines.add("# " + secret.variable() + ": " + secret.why() + " (" + secret.address()
                        + "); Railway never returns it: set it by hand");
            }
        }
        return String.join("\n", lines) + "\n";
    }

    /** Escapes a value for a double-quoted dotenv value ({@code spec.DotEnv} reads it back). */
    static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The git work tree holding {@code dir} (a parent with {@code .git}), or null. */
    private static Path workTree(Path dir) {
        for (Path at = dir; at != null; at = at.getParent()) {
            if (Files.exists(at.resolve(".git"))) {
                return at;
            }
        }
        return null;
    }

    /**
     * Runs {@code git -C dir args...} and returns its exit code; -1 when git cannot be run or does
     * not answer within {@link #GIT_SECONDS}.
     */
    private static int git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(GIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
