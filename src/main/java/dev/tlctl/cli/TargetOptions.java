package dev.tlctl.cli;

import dev.tlctl.reconcile.Target;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which project and environments a command works on. */
final class TargetOptions {
    @Option(names = "--env", paramLabel = "NAME",
            description = "Only this environment (repeatable); only its secrets are needed. Default: every environment of the spec.")
    List<String> environments = new ArrayList<>();

    @Mixin
    ProjectOptions project;

    Target target() {
        return new Target(environments, project.projectId, project.workspace);
    }
}
