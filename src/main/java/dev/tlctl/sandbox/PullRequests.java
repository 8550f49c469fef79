package dev.tlctl.sandbox;

/**
 * Railway's PR environments: when a pull request opens on the repository of a project with PR
 * environments on ({@code prDeploys}), Railway makes an environment for it, copied from the base
 * environment ({@code baseEnvironmentId}, else the project's first), and deletes it when the pull
 * request is merged or closed (docs environments.md and guides/preview-deployments-with-pr-environments;
 * API-NOTES section 8). It is ephemeral ({@code isEphemeral}), a fork of the base (new services
 * do not reach it), has its own generated domains, carries the pull request in
 * {@code Environment.meta} ({@code prNumber}, {@code branch}: what railwayapp/cli src/iac/engine.rs
 * reads) and is named {@code <project>-pr-<number>} (the name in that file's test). It spends no
 * creation quota: Railway makes it, not a user.
 */
final class PullRequests {
    private PullRequests() {}

    static String name(State.ProjectRec project, int number) {
        return project.name + "-pr-" + number;
    }

    /**
     * A pull request opened on the project's repository: turns PR environments on when they are
     * off (as a user would in the project's settings), then makes the environment; returns its
     * name. A second open of the same number is an error.
     */
    static String open(Store store, String projectName, int number, String branch) {
        State.ProjectRec project = store.projectNamed(projectName);
        if (number < 1) {
            throw new SandboxException("A pull request number is at least 1, not " + number);
        }
        String name = name(project, number);
        if (store.environmentsOf(project.id).stream().anyMatch(e -> e.name.equals(name))) {
            throw new SandboxException("Pull request #" + number + " of " + projectName + " is already open (environment "
                    + name + ")");
        }
        State.EnvironmentRec base = store.environmentAny(project.baseEnvironmentId);
        if (base == null || base.deletedAt != null) {
            base = store.environmentsOf(project.id).stream().filter(e -> !e.isEphemeral).findFirst()
                    .orElseThrow(() -> new SandboxException("Project " + projectName + " has no environment to copy"));
        }
        project.prDeploys = true;
        // A fork of the base environment, as environmentCreate with sourceEnvironmentId makes one.
        State.EnvironmentRec environment = ProjectOps.newEnvironment(store, project, name, base, true);
        State.PullRequestRec pr = new State.PullRequestRec();
        pr.number = number;
        pr.branch = branch == null || branch.isBlank() ? "pr-" + number : branch;
        pr.baseBranch = "main";
        pr.title = "Pull request #" + number;
        environment.pullRequest = pr;
        for (String serviceId : store.instanceServiceIds(environment)) {
            store.deploy(environment, serviceId);
        }
        return name;
    }

    /** The pull request merged or closed: Railway deletes its environment. Returns its name. */
    static String close(Store store, String projectName, int number) {
        State.ProjectRec project = store.projectNamed(projectName);
        String name = name(project, number);
        State.EnvironmentRec environment = store.environmentsOf(project.id).stream()
                .filter(e -> e.name.equals(name) && e.pullRequest != null).findFirst()
                .orElseThrow(() -> new SandboxException("Pull request #" + number + " of " + projectName
                        + " is not open (no environment " + name + ")"));
        environment.deletedAt = store.now();
        environment.updatedAt = environment.deletedAt;
        store.markDirty();
        return name;
    }

}
