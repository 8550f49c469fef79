package dev.tlctl.spec;

import java.util.List;

/**
 * A service's domains in one environment, as its {@code domains} key declares them:
 *
 * <pre>
 * domains:
 *   railway: {port: 8080}                        # a generated *.up.railway.app domain
 *   custom: [{name: api.example.com, port: 8080}]
 * </pre>
 *
 * @param railway the Railway-generated domain, or null for none
 * @param custom the custom domains, in the order written
 * @param location where {@code domains} is written; null when the spec does not write it (tlctl
 *     then leaves the service's domains alone)
 */
public record DomainsSpec(RailwayDomain railway, List<CustomDomain> custom, Location location) {
    /** Domains the spec does not manage. */
    public static final DomainsSpec UNDECLARED = new DomainsSpec(null, List.of(), null);

    public DomainsSpec {
        custom = List.copyOf(custom);
    }

    /** Whether the spec writes {@code domains} for this service here. */
    public boolean declared() {
        return location != null;
    }

    /** A generated domain routed to {@code port} (null: the port Railway detects). */
    public record RailwayDomain(Integer port, Location location) {}

    /** The owner's domain {@code name} routed to {@code port} (null: the port Railway detects). */
    public record CustomDomain(String name, Integer port, Location location) {}
}
