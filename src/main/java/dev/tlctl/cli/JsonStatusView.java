package dev.tlctl.cli;

import dev.tlctl.live.LiveDeployment;
import dev.tlctl.reconcile.StatusResult;
import java.io.PrintStream;
import java.util.List;

/** {@code status --json}: one versioned document on stdout. */
final class JsonStatusView implements StatusView {
    private final PrintStream out;

    JsonStatusView(Terminal terminal) {
        this.out = terminal.out();
    }

    record Document(int formatVersion, String project, String projectId, boolean healthy, String at,
            List<Environment> environments) {}

    record Environment(String name, List<Service> services) {}

    /** One service; the deployment's fields are null when it never deployed. */
    record Service(String name, boolean enabled, boolean declared, boolean present, String status, boolean healthy,
            String deploymentId, String createdAt, Long ageSeconds, String commit, String branch, String image,
            List<String> urls) {}

    @Override
    public void render(StatusResult result) {
        List<Environment> environments = result.environments().stream().map(name -> new Environment(name,
                result.services().stream().filter(s -> s.environment().equals(name)).map(JsonStatusView::service)
                        .toList())).toList();
        out.println(Json.write(new Document(Json.FORMAT_VERSION, result.project(), result.projectId(), result.healthy(),
                result.at().toString(), environments)));
    }

    private static Service service(StatusResult.Service s) {
        LiveDeployment d = s.latest();
        return new Service(s.service(), s.enabled(), s.declared(), s.present(),
                d == null ? null : d.status().name(), s.healthy(), d == null ? null : d.id(),
                d == null ? null : d.createdAt().toString(), s.age() == null ? null : s.age().getSeconds(),
                d == null ? null : d.commit(), d == null ? null : d.branch(), d == null ? null : d.image(), s.urls());
    }
}
