package dev.tlctl.plan;

import dev.tlctl.live.LiveDomain;
import dev.tlctl.spec.DomainsSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Plans one instance's domains: the generated domain and the custom ones the spec declares are
 * created when missing and routed again when their port differs; a domain Railway has that the
 * spec does not declare (or any, when the service's spec writes no {@code domains}) is handed to
 * {@code undeclared}, which lists it as unmanaged or, with --prune, deletes it. A port the spec
 * leaves out is the one Railway detects, and is not compared.
 */
final class DomainPlanner {
    /** Receives a deletion of something the spec does not declare, with the reason. */
    interface Undeclared {
        void add(Change.Domain deletion, String why);
    }

    private DomainPlanner() {}

    /**
     * @param live the instance's domains on Railway (empty for an instance this apply creates)
     * @param ids receives the live id of every domain a change updates or deletes, by address text
     */
    static List<Change> plan(String env, String service, DomainsSpec desired, List<LiveDomain> live,
            Map<String, String> ids, Undeclared undeclared) {
        List<Change> changes = new ArrayList<>();
        List<LiveDomain> rest = new ArrayList<>(live);
        if (desired.railway() != null) {
            LiveDomain existing = rest.stream().filter(d -> d.kind() == LiveDomain.Kind.RAILWAY).findFirst().orElse(null);
            Integer port = desired.railway().port();
            if (existing == null) {
                changes.add(new Change.Domain(Action.CREATE, env, service, false, null, null, port,
                        port == null ? "routed to the port Railway detects" : null));
            } else {
                rest.remove(existing);
                update(env, service, false, existing, port, ids, changes);
            }
        }
        for (DomainsSpec.CustomDomain custom : desired.custom()) {
            String name = custom.name().toLowerCase(Locale.ROOT);
            LiveDomain existing = rest.stream().filter(d -> d.kind() == LiveDomain.Kind.CUSTOM
                    && d.domain().equalsIgnoreCase(name)).findFirst().orElse(null);
            if (existing == null) {
                changes.add(new Change.Domain(Action.CREATE, env, service, true, name, null, custom.port(),
                        "its DNS records are shown after apply"));
            } else {
                rest.remove(existing);
                update(env, service, true, existing, custom.port(), ids, changes);
            }
        }
        String why = desired.declared() ? "not in the spec's domains for " + service
                : "the spec declares no domains for " + service;
        for (LiveDomain extra : rest) {
            Change.Domain deletion = new Change.Domain(Action.DELETE, env, service,
                    extra.kind() == LiveDomain.Kind.CUSTOM, extra.domain(), extra.targetPort(), null, null);
            ids.put(deletion.address().text(), extra.id());
            undeclared.add(deletion, why);
        }
        return changes;
    }

    private static void update(String env, String service, boolean custom, LiveDomain existing, Integer port,
            Map<String, String> ids, List<Change> changes) {
        if (port == null || Objects.equals(port, existing.targetPort())) {
            return;
        }
        Change.Domain change = new Change.Domain(Action.UPDATE, env, service, custom, existing.domain(),
                existing.targetPort(), port, custom ? null : existing.domain());
        ids.put(change.address().text(), existing.id());
        changes.add(change);
    }
}
