package dev.tlctl.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which project and environments a command works on. */
final class TargetOptions {
    @Option(names = "--env", paramLabel = "NAME",
            description = "Only this environment (repeatable). Default: every environment of the spec.")
    List<String> environments = new ArrayList<>();

    @Option(names = "--project", paramLabel = "ID",
            description = "The project's id, when known (default: project.id of the spec, or the id found by name and cached in .tlctl/).")
    String projectId;

    @Option(names = "--workspace", paramLabel = "NAME|ID",
            description = "The workspace (default: project.workspace of the spec, or the token's only workspace).")
    String workspace;
}
