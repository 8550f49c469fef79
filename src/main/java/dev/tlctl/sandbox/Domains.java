package dev.tlctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/**
 * Domains are unique across Railway: a service domain or custom domain names one instance in one
 * environment, so a write that gives an instance a domain another instance holds (in any
 * project) is refused, and an environment copied with {@code sourceEnvironmentId} gets its own
 * generated service domains instead of the source's (and none of its custom domains, which stay
 * with the source). Railway does not document the copy's domains (CHANGESETS.md section 3f:
 * "Domains: unknown"): this is the only behaviour under which both environments keep working,
 * listed as an assumption in docs/railway-semantics.md.
 */
final class Domains {
    static final String SUFFIX = ".up.railway.app";

    private Domains() {}

    /** Refuses a config whose instances hold a domain some other instance holds. */
    static void requireUnique(Store store, State.EnvironmentRec environment, ObjectNode config) {
        ObjectNode services = Json.at(config, "services");
        if (services == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : services.properties()) {
            if (!(entry.getValue() instanceof ObjectNode instance)) {
                continue;
            }
            for (String domain : ConfigViews.domainNames(instance)) {
                String holder = holder(store, domain, environment.id, entry.getKey());
                if (holder != null) {
                    throw new SandboxException("Domain " + domain + " is not available: " + holder + " uses it");
                }
            }
        }
    }

    /** Who else holds the domain ("another environment", "another project"), or null. */
    private static String holder(Store store, String domain, String environmentId, String serviceId) {
        for (State.EnvironmentRec other : store.state().environments) {
            if (other.deletedAt != null) {
                continue;
            }
            ObjectNode services = Json.at(other.config, "services");
            if (services == null) {
                continue;
            }
            for (Map.Entry<String, JsonNode> entry : services.properties()) {
                if (other.id.equals(environmentId) && entry.getKey().equals(serviceId)) {
                    continue;
                }
                if (entry.getValue() instanceof ObjectNode instance && ConfigViews.domainNames(instance).stream()
                        .anyMatch(d -> d.equalsIgnoreCase(domain))) {
                    return other.projectId.equals(store.environmentAny(environmentId).projectId)
                            ? "another service or environment of this project" : "another project";
                }
            }
        }
        return null;
    }

    /**
     * In a copy of another environment's config: every service domain replaced by a new one
     * generated for this environment (same port), every custom domain dropped.
     */
    static void regenerate(Store store, State.EnvironmentRec environment) {
        ObjectNode services = Json.at(environment.config, "services");
        if (services == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : services.properties()) {
            ObjectNode networking = Json.at(entry.getValue(), "networking");
            if (networking == null) {
                continue;
            }
            networking.remove("customDomains");
            ObjectNode domains = Json.at(networking, "serviceDomains");
            if (domains == null) {
                continue;
            }
            ObjectNode fresh = Json.MAPPER.createObjectNode();
            State.ServiceRec service = store.serviceAny(entry.getKey());
            for (Map.Entry<String, JsonNode> domain : domains.properties()) {
                if (!domain.getValue().isNull()) {
                    fresh.set(generate(service == null ? entry.getKey() : service.name, environment, domain.getKey()),
                            domain.getValue().deepCopy());
                }
            }
            networking.set("serviceDomains", fresh);
        }
    }

    /** {@code <service>-<environment>-<4 hex>.up.railway.app}, as Railway's generated domains look. */
    static String generate(String serviceName, State.EnvironmentRec environment, String seed) {
        String hash = Ids.derived(environment.id, serviceName, seed).substring(0, 4);
        return slug(serviceName) + "-" + slug(environment.name) + "-" + hash + SUFFIX;
    }

    private static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "service" : slug.substring(0, Math.min(slug.length(), 30));
    }

}
