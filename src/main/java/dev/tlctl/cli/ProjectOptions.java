package dev.tlctl.cli;

import dev.tlctl.reconcile.Target;
import java.util.List;
import picocli.CommandLine.Option;

/** Which project a command works on, when the spec's own project settings are not enough. */
final class ProjectOptions {
    @Option(names = "--project", paramLabel = "ID",
            description = "The project's id (default: project.id of the spec, or the id found by name and cached in .tlctl/).")
    String projectId;

    @Option(names = "--workspace", paramLabel = "NAME|ID",
            description = "The workspace (default: project.workspace of the spec, or the token's only workspace).")
    String workspace;

    Target target() {
        return new Target(List.of(), projectId, workspace);
    }
}
