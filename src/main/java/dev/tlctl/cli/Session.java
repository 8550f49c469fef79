package dev.tlctl.cli;

import dev.tlctl.live.LiveState;
import dev.tlctl.plan.Plan;
import dev.tlctl.plan.PlanOptions;
import dev.tlctl.plan.Planner;
import dev.tlctl.railway.ReadResult;
import dev.tlctl.railway.ReadTarget;
import dev.tlctl.railway.RequestListener;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.Spec;
import java.nio.file.Path;
import java.util.List;

/**
 * One command's view of the world: the spec (restricted to {@code --env}), the connection, what
 * is cached locally, and the live project read in as few requests as possible.
 */
final class Session implements AutoCloseable {
    final Spec fullSpec;
    final Spec spec;
    final boolean partial;
    final Connection connection;
    final LocalState local;
    final Path specFile;
    private ReadResult read;

    private Session(Spec fullSpec, Spec spec, boolean partial, Connection connection, LocalState local, Path specFile) {
        this.fullSpec = fullSpec;
        this.spec = spec;
        this.partial = partial;
        this.connection = connection;
        this.local = local;
        this.specFile = specFile;
    }

    /** Loads the spec (exit 65 when invalid) and checks {@code --env} names (exit 64) before connecting. */
    static Session open(TlctlCommand root, TargetOptions target, RequestListener listener) {
        Spec full = SpecInput.load(root, root.sandbox);
        List<String> declared = full.environments().stream().map(EnvironmentSpec::name).toList();
        for (String env : target.environments) {
            if (!declared.contains(env)) {
                throw new CliException(ExitCodes.USAGE, "unknown environment \"" + env + "\" in --env",
                        "The spec declares: " + String.join(", ", declared) + ".");
            }
        }
        boolean partial = !target.environments.isEmpty() && !target.environments.containsAll(declared);
        Spec spec = partial ? full.onlyEnvironments(target.environments) : full;
        Path specFile = SpecInput.specFile(root);
        Connection connection = Connection.open(root, specFile, listener);
        return new Session(full, spec, partial, connection, LocalState.load(specFile), specFile);
    }

    /** Reads the live project (caching its id); with a project token, narrows to its environment. */
    LiveState read(TargetOptions target) {
        String workspace = target.workspace != null ? target.workspace : spec.project().workspace();
        String name = spec.project().name();
        String id = target.projectId != null ? target.projectId : spec.project().id();
        if (id == null) {
            id = local.projectId(connection.endpointKey(), workspace, name);
        }
        read = connection.client().read(new ReadTarget(name, id, workspace));
        String found = read.state().project() == null ? null : read.state().project().id();
        local.rememberProject(connection.endpointKey(), workspace, name, found);
        local.save();
        return read.state();
    }

    /** The environment a project token is limited to, or null. */
    String tokenEnvironment() {
        return read == null ? null : read.tokenEnvironment();
    }

    Plan plan(TargetOptions target, boolean prune) {
        LiveState live = read(target);
        Spec planned = spec;
        boolean narrowed = partial;
        String only = tokenEnvironment();
        if (only != null) {
            if (!target.environments.isEmpty() && !List.of(only).containsAll(target.environments)) {
                throw new CliException(ExitCodes.USAGE, "a project token reaches only environment " + only,
                        "RAILWAY_TOKEN is a project token: it reaches one environment of one project. Pass --env " + only
                                + ", or use an account or workspace token (RAILWAY_API_TOKEN) for the others.");
            }
            planned = fullSpec.onlyEnvironments(List.of(only));
            narrowed = true;
        }
        String defaultEnvironment = fullSpec.defaultEnvironment().name();
        if (live.project() == null && !planned.environment(defaultEnvironment).isPresent()) {
            // Railway creates a project with its default environment: planning it without that
            // environment would create the project with another default, or none that the spec knows.
            throw new CliException(ExitCodes.USAGE, "project " + spec.project().name() + " does not exist yet, and --env"
                    + " leaves out its default environment " + defaultEnvironment,
                    "The project is created together with " + defaultEnvironment + ", the first environment of the"
                            + " spec. Run without --env, or add --env " + defaultEnvironment + ". Nothing was changed.");
        }
        String projectId = live.project() == null ? null : live.project().id();
        return Planner.plan(planned, live,
                new PlanOptions(prune, narrowed, local.sealed(connection.endpointKey(), projectId)));
    }

    @Override
    public void close() {
        connection.close();
    }
}
