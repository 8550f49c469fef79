package dev.tlctl.cli;

import dev.tlctl.live.LiveDeployment;
import dev.tlctl.reconcile.StatusResult;
import java.time.Duration;
import java.util.List;

/**
 * What {@code status} shows: per environment and service, the newest deployment's status, age,
 * commit or image, and URL; for people, as one JSON document, or as Markdown; chosen once per run
 * by {@link #of}.
 */
interface StatusView {
    void render(StatusResult result);

    static StatusView of(Terminal terminal, Format format) {
        return switch (format) {
            case HUMAN -> new HumanStatusView(terminal);
            case JSON -> new JsonStatusView(terminal);
            case MARKDOWN -> new MarkdownStatusView(terminal);
        };
    }

    /** The rows of one environment: service, status, age, deployment, source, URL. */
    static Table table(StatusResult result, String environment) {
        Table table = new Table("SERVICE", "STATUS", "AGE", "DEPLOYMENT", "SOURCE", "URL");
        for (StatusResult.Service s : result.services()) {
            if (!s.environment().equals(environment)) {
                continue;
            }
            LiveDeployment latest = s.latest();
            table.row(s.service(), status(s), s.age() == null ? "" : age(s.age()),
                    latest == null ? "" : shortId(latest.id()), latest == null ? "" : source(latest),
                    String.join(" ", s.urls()));
        }
        return table;
    }

    /** The status shown: the newest deployment's, or why there is none. */
    static String status(StatusResult.Service s) {
        String status = !s.present() ? "NOT CREATED" : s.latest() != null ? s.latest().status().name()
                : s.hasSource() ? "NOT DEPLOYED" : "NO SOURCE";
        if (!s.enabled()) {
            return status + (s.declared() ? " (disabled)" : " (undeclared)");
        }
        return status;
    }

    /** {@code branch@commit7}, the image, or what is known of them. */
    static String source(LiveDeployment d) {
        if (d.image() != null) {
            return d.image();
        }
        String commit = d.commit() == null ? null : d.commit().substring(0, Math.min(7, d.commit().length()));
        return d.branch() == null ? (commit == null ? "" : commit) : d.branch() + (commit == null ? "" : "@" + commit);
    }

    static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    /** "45s", "12m", "3h", "2d". */
    static String age(Duration age) {
        long s = Math.max(0, age.getSeconds());
        return s < 60 ? s + "s" : s < 3600 ? s / 60 + "m" : s < 86_400 ? s / 3600 + "h" : s / 86_400 + "d";
    }

    /** The enabled services that are not healthy, as "env/service (STATUS)". */
    static List<String> unhealthy(StatusResult result) {
        return result.unhealthy().stream().map(s -> s.environment() + "/" + s.service() + " (" + status(s) + ")")
                .toList();
    }
}
