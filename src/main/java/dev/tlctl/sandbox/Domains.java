package dev.tlctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Domains are unique across Railway: a service domain or custom domain names one instance in one
 * environment, so a write that gives an instance a domain another instance holds (in any
 * project) is refused, and an environment copied with {@code sourceEnvironmentId} gets its own
 * generated service domains instead of the source's (and none of its custom domains, which stay
 * with the source). Railway does not document the copy's domains (CHANGESETS.md section 3f:
 * "Domains: unknown"): this is the only behaviour under which both environments keep working,
 * listed as an assumption in docs/railway-semantics.md. The mutations (schema: serviceDomainCreate,
 * serviceDomainDelete, customDomainCreate, customDomainDelete; railwayapp/cli
 * src/gql/mutations/strings/ServiceDomainCreate.graphql and CustomDomainCreate.graphql) write
 * {@code networking.serviceDomains} / {@code networking.customDomains} of the instance's config,
 * where {@code environment.config} shows them too; a domain deploys nothing (networking is not a
 * deployed part).
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

    /**
     * serviceDomainCreate: a generated {@code *.up.railway.app} domain for the instance, routed to
     * {@code targetPort} (null: the port the service listens on, as Railway detects it).
     */
    static Map<String, Object> createServiceDomain(Store store, Caller caller, Map<String, Object> input) {
        State.EnvironmentRec environment = store.environment((String) input.get("environmentId"));
        caller.requireEnvironment(store.state(), environment);
        String serviceId = (String) input.get("serviceId");
        store.instanceOf(environment, serviceId);
        String domain = generate(store.service(serviceId).name, environment, store.newId());
        return add(store, environment, serviceId, "serviceDomains", domain, (Integer) input.get("targetPort"));
    }

    /** customDomainCreate: the caller's own domain for the instance; its DNS records say what to point where. */
    static Map<String, Object> createCustomDomain(Store store, Caller caller, Map<String, Object> input) {
        State.EnvironmentRec environment = store.environment((String) input.get("environmentId"));
        if (!environment.projectId.equals(input.get("projectId"))) {
            throw new SandboxException("Environment not found");
        }
        caller.requireEnvironment(store.state(), environment);
        String serviceId = (String) input.get("serviceId");
        store.instanceOf(environment, serviceId);
        String domain = ((String) input.get("domain")).trim().toLowerCase(Locale.ROOT);
        if (!domain.matches("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}")) {
            throw new SandboxException("Invalid domain " + input.get("domain"));
        }
        if (domain.endsWith(SUFFIX)) {
            throw new SandboxException("Domain " + domain + " is a Railway domain: create it with serviceDomainCreate");
        }
        return add(store, environment, serviceId, "customDomains", domain, (Integer) input.get("targetPort"));
    }

    private static Map<String, Object> add(Store store, State.EnvironmentRec environment, String serviceId, String kind,
                                           String domain, Integer targetPort) {
        if (targetPort != null && (targetPort < 1 || targetPort > 65535)) {
            throw new SandboxException("targetPort must be between 1 and 65535");
        }
        ObjectNode working = environment.config.deepCopy();
        ObjectNode entry = Json.child(Json.child(Json.child(Json.child(working, "services"), serviceId), "networking"),
                kind).putObject(domain);
        if (targetPort != null) {
            entry.put("port", targetPort);
        }
        requireUnique(store, environment, working);
        Patches.install(store, environment, working, true);
        return view(environment, serviceId, kind, domain);
    }

    /** serviceDomainDelete / customDomainDelete: the domain of that id, wherever the caller may write. */
    static boolean delete(Store store, Caller caller, String kind, String id) {
        for (State.EnvironmentRec environment : store.state().environments) {
            if (environment.deletedAt != null) {
                continue;
            }
            for (String serviceId : store.instanceServiceIds(environment)) {
                for (String domain : names(store.serviceConfig(environment, serviceId), kind)) {
                    if (ConfigViews.domainId(environment, serviceId, kind, domain).equals(id)) {
                        caller.requireEnvironment(store.state(), environment);
                        ObjectNode working = environment.config.deepCopy();
                        Json.at(working, "services", serviceId, "networking", kind).remove(domain);
                        Patches.install(store, environment, working, true);
                        return true;
                    }
                }
            }
        }
        throw new SandboxException(kind.equals("serviceDomains") ? "ServiceDomain not found" : "CustomDomain not found");
    }

    /**
     * serviceDomainUpdate / customDomainUpdate: routes the domain of that id in that environment to
     * {@code targetPort} (null: the port Railway detects). Nothing deploys: networking is not a
     * deployed part of the config.
     */
    static boolean update(Store store, Caller caller, String kind, String id, String environmentId,
                          Integer targetPort) {
        if (targetPort != null && (targetPort < 1 || targetPort > 65535)) {
            throw new SandboxException("targetPort must be between 1 and 65535");
        }
        State.EnvironmentRec environment = store.environment(environmentId);
        caller.requireEnvironment(store.state(), environment);
        for (String serviceId : store.instanceServiceIds(environment)) {
            for (String domain : names(store.serviceConfig(environment, serviceId), kind)) {
                if (ConfigViews.domainId(environment, serviceId, kind, domain).equals(id)) {
                    ObjectNode working = environment.config.deepCopy();
                    ObjectNode entry = Json.child(Json.at(working, "services", serviceId, "networking", kind), domain);
                    if (targetPort == null) {
                        entry.remove("port");
                    } else {
                        entry.put("port", targetPort);
                    }
                    Patches.install(store, environment, working, true);
                    return true;
                }
            }
        }
        throw new SandboxException(kind.equals("serviceDomains") ? "ServiceDomain not found" : "CustomDomain not found");
    }

    private static List<String> names(ObjectNode instance, String kind) {
        ObjectNode domains = Json.at(instance, "networking", kind);
        return domains == null ? List.of() : Json.fieldNames(domains).stream()
                .filter(d -> !domains.get(d).isNull()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> view(State.EnvironmentRec environment, String serviceId, String kind,
                                            String domain) {
        List<Map<String, Object>> views = (List<Map<String, Object>>) ConfigViews.domains(environment, serviceId,
                Json.at(environment.config, "services", serviceId)).get(kind);
        return views.stream().filter(v -> domain.equals(v.get("domain"))).findFirst().orElseThrow();
    }
}
