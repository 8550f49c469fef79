package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlctl.e2e.World.Run;
import org.junit.jupiter.api.Test;

/**
 * Domains as code on the sandbox: declared per environment in an overlay, created by apply (one
 * request each), their URLs in apply's JSON result and in {@code status}; a port change routes
 * the same domain again; a domain added behind tlctl's back is drift, deleted only by --prune.
 */
class DomainsTest extends E2eTest {
    static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode result(Run run) throws Exception {
        String[] lines = run.out().split("\n");
        JsonNode last = JSON.readTree(lines[lines.length - 1]);
        assertEquals("result", last.path("event").asText(), run::toString);
        return last;
    }

    private static void declare(World w, String domains) {
        w.edit("environments/staging.yaml", s -> s.replace("  engine-api:\n", "  engine-api:\n" + domains));
    }

    @Test
    void aDomainDeclaredForStagingOnlyAppearsOnlyThereWithItsUrlInTheJsonResult() throws Exception {
        World w = world();
        declare(w, "    domains:\n      railway: {port: 8080}\n      custom: [{name: api.example.com, port: 8080}]\n");
        Run plan = w.tlctl("plan");
        assertEquals(0, plan.code(), plan::toString);
        assertTrue(plan.out().contains("+ staging/engine-api/domain/railway -> port 8080"), plan::toString);
        assertTrue(plan.out().contains("+ staging/engine-api/domain/api.example.com -> port 8080"), plan::toString);
        assertFalse(plan.out().contains("production/engine-api/domain"), plan::toString);

        Run apply = w.tlctl("apply", "--yes", "--json");
        assertEquals(0, apply.code(), apply::toString);
        JsonNode outputs = result(apply).path("outputs");
        assertFalse(outputs.has("production"), outputs::toString);
        JsonNode urls = outputs.path("staging").path("engine-api");
        assertEquals(2, urls.size(), outputs::toString);
        assertTrue(urls.get(0).asText().matches("https://engine-api-staging-[0-9a-f]{4}\\.up\\.railway\\.app"),
                outputs::toString);
        assertEquals("https://api.example.com", urls.get(1).asText(), outputs::toString);
        JsonNode dns = result(apply).path("dnsRecords");
        assertTrue(dns.size() > 0, apply::toString);
        assertEquals("api.example.com", dns.get(0).path("domain").asText(), dns::toString);

        Run again = w.tlctl("plan", "--detailed-exitcode");
        assertEquals(0, again.code(), "plan is empty after apply: " + again);

        Run status = w.tlctl("status", "--env", "staging");
        assertTrue(status.out().contains(urls.get(0).asText()), status::toString);

        // The port changes: the same domain is routed again, nothing is created or deleted.
        w.later();
        w.edit("environments/staging.yaml", s -> s.replace("railway: {port: 8080}", "railway: {port: 9090}"));
        Run port = w.tlctl("apply", "--yes");
        assertEquals(0, port.code(), port::toString);
        assertTrue(port.out().contains("~ staging/engine-api/domain/railway: port 8080 -> port 9090"), port::toString);
        assertTrue(port.out().contains(urls.get(0).asText()), "the same URL: " + port);
        assertTrue(port.out().contains("DNS records for custom domains"), port::toString);
        assertTrue(port.out().contains("staging/engine-api  api.example.com  CNAME api.example.com -> "),
                port::toString);
        assertEquals(3, port.requests(), "a read, the update, a read for the URLs: " + port);
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code());
    }

    @Test
    void anUndeclaredDomainIsDriftAndDeletedOnlyByPrune() throws Exception {
        World w = world();
        declare(w, "    domains:\n      custom: []\n");
        assertEquals(0, w.tlctl("apply", "--yes").code());
        // Made by hand on Railway: not tlctl's (one tlctl made is deleted once the spec drops it).
        w.gql.data("mutation E2eCustomDomain($input: CustomDomainCreateInput!) { customDomainCreate(input: $input) {"
                + " id } }", java.util.Map.of("input", java.util.Map.of("domain", "api.example.com", "environmentId",
                w.environmentId("staging"), "projectId", w.projectId(), "serviceId", w.serviceId("engine-api"))));
        w.later();
        Run plan = w.tlctl("plan", "--detailed-exitcode");
        assertEquals(0, plan.code(), "an undeclared domain is left alone without --prune: " + plan);
        assertTrue(plan.out().contains("staging/engine-api/domain/api.example.com"), plan::toString);
        Run drift = w.tlctl("drift");
        assertEquals(2, drift.code(), drift::toString);
        assertTrue(drift.out().contains("domain api.example.com"), drift::toString);

        Run refused = w.tlctl("apply", "--yes", "--prune");
        assertEquals(64, refused.code(), refused::toString);
        Run pruned = w.tlctl("apply", "--yes", "--prune", "--confirm-destructive");
        assertEquals(0, pruned.code(), pruned::toString);
        assertTrue(pruned.out().contains("- staging/engine-api/domain/api.example.com"), pruned::toString);
        assertEquals(0, w.tlctl("drift").code());
    }
}
