package dev.tlctl.cli;

/**
 * How human output is dressed for where it goes, chosen once per invocation: ANSI colours or none,
 * and, under GitHub Actions, the spec's errors and warnings repeated as workflow annotations.
 */
final class Style {
    /** The variable GitHub Actions sets to {@code true} in every step. */
    static final String GITHUB_ACTIONS_VARIABLE = "GITHUB_ACTIONS";

    /** The checkout's folder in a GitHub Actions job: annotation paths are relative to it. */
    static final String GITHUB_WORKSPACE_VARIABLE = "GITHUB_WORKSPACE";

    private final boolean on;
    /** Where the paths of diagnostics are relative to, for annotations; null: no annotations. */
    private final java.nio.file.Path cwd;
    private final java.nio.file.Path workspace;

    Style(boolean on) {
        this(on, null, null);
    }

    private Style(boolean on, java.nio.file.Path cwd, java.nio.file.Path workspace) {
        this.on = on;
        this.cwd = cwd;
        this.workspace = workspace;
    }

    /** The style of a run in {@code context}: colour when allowed; annotations when GitHub Actions runs it. */
    static Style of(CliContext context, boolean color) {
        if (!"true".equals(context.getenv(GITHUB_ACTIONS_VARIABLE))) {
            return new Style(color);
        }
        String workspace = context.getenv(GITHUB_WORKSPACE_VARIABLE);
        return new Style(color, context.cwd(), workspace == null ? null : context.cwd().resolve(workspace));
    }

    /** The same, without colour (for Markdown on stdout), annotating as this one does. */
    Style uncoloured() {
        return new Style(false, cwd, workspace);
    }

    /**
     * A diagnostic's file as an annotation names it: relative to the job's workspace when inside it
     * (GitHub finds the file there), else as given.
     */
    String annotationFile(String file) {
        if (workspace == null || file == null || file.isEmpty()) {
            return file;
        }
        java.nio.file.Path path = cwd.resolve(file).normalize();
        java.nio.file.Path root = workspace.normalize();
        return path.startsWith(root) ? root.relativize(path).toString() : file;
    }

    /** No colour: for Markdown and files. */
    static Style plain() {
        return new Style(false);
    }

    /** Whether diagnostics are also printed as GitHub workflow annotations ({@code ::error file=...::}). */
    boolean annotations() {
        return cwd != null;
    }

    String red(String s) {
        return wrap("31", s);
    }

    String green(String s) {
        return wrap("32", s);
    }

    String yellow(String s) {
        return wrap("33", s);
    }

    String bold(String s) {
        return wrap("1", s);
    }

    String dim(String s) {
        return wrap("2", s);
    }

    private String wrap(String code, String s) {
        return on ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
