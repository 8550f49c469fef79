package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.e2e.World.Run;
import dev.tlctl.railway.GraphQLRequest;
import dev.tlctl.railway.RequestListener;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Domains and volumes through the rest of apply on the sandbox: {@code --wait} follows only the
 * deployment a mount causes (a domain deploys nothing); a saved plan carrying them applies them
 * and goes stale like any other; they do not count as writing where changes are staged (they are
 * not in the environment's commit); a volume's size is planned (growth shown, a shrink refused at
 * its line) and the sandbox refuses a shrink as Railway does.
 */
class DomainsAndVolumesApplyTest extends E2eTest {
    private static final String VOLUME = "    volumes:\n      - {mountPath: /data}\n";
    private static final String DOMAIN = "    domains:\n      railway: {port: 8080}\n";

    private static void declare(World w, String environment, String text) {
        w.edit("environments/" + environment + ".yaml", s -> s.replace("  engine-api:\n", "  engine-api:\n" + text));
    }

    private static JsonNode volumes(World w, String environment) {
        return w.gql.data("query E2eVolumes($id: String!) { environment(id: $id) { volumeInstances { edges { node {"
                + " volumeId mountPath sizeMB } } } } }", Map.of("id", w.environmentId(environment)))
                .at("/environment/volumeInstances/edges");
    }

    private static JsonNode domains(World w, String environment) {
        return w.gql.data("query E2eDomains($p: String!, $e: String!, $s: String!) { domains(projectId: $p,"
                + " environmentId: $e, serviceId: $s) { serviceDomains { domain targetPort } customDomains { domain } } }",
                Map.of("p", w.projectId(), "e", w.environmentId(environment), "s", w.serviceId("engine-api")))
                .path("domains");
    }

    private static void patch(World w, String environment, Map<String, Object> patch) {
        w.gql.data("mutation E2ePatch($environmentId: String!, $patch: EnvironmentConfig) {"
                + " environmentPatchCommit(environmentId: $environmentId, patch: $patch) }",
                Map.of("environmentId", w.environmentId(environment), "patch", patch));
    }

    @Test
    void applyWaitFollowsOnlyTheDeploymentAMountCauses() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes", "--wait").code());
        w.later();
        declare(w, "staging", VOLUME);
        w.edit("environments/production.yaml", s -> s + "\nservices:\n  engine-api:\n" + DOMAIN); // deploys nothing
        Run apply = w.tlctl("apply", "--yes", "--wait");
        assertEquals(0, apply.code(), apply::toString);
        assertTrue(apply.err().contains("  staging/engine-api: SUCCESS (deployment "), apply::toString);
        assertFalse(apply.err().contains("production/engine-api:"), "the domain deployed nothing: " + apply);
        assertTrue(apply.out().contains("Deployed: 1 deployment serving"), apply::toString);
        assertEquals(1, w.stats().deploymentsFor("production", "engine-api"));
        assertEquals(2, w.stats().deploymentsFor("staging", "engine-api"));
        assertEquals(1, domains(w, "production").path("serviceDomains").size());
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code());
    }

    @Test
    void aSavedPlanCarryingDomainsAndAVolumeAppliesThemAndGoesStaleLikeAnyOther() throws Exception {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.later();
        declare(w, "staging", DOMAIN + "      custom: [{name: api.example.com, port: 8080}]\n" + VOLUME);
        w.output("staging.plan");
        assertEquals(2, w.tlctl("plan", "--out", "staging.plan", "--detailed-exitcode").code());
        String saved = java.nio.file.Files.readString(w.dir.resolve("staging.plan"));
        assertTrue(saved.contains("staging/engine-api/volume/data\\tby=tlctl\\tmountPath=/data\\tsizeMB=default"), saved);
        Run apply = w.tlctl("apply", "staging.plan", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        assertEquals(1, volumes(w, "staging").size());
        assertEquals(1, domains(w, "staging").path("serviceDomains").size());
        assertEquals("api.example.com", domains(w, "staging").at("/customDomains/0/domain").asText());
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code());

        // A plan of a domain's port alone, then someone adds a custom domain on Railway: the plan is stale.
        w.later();
        w.edit("environments/staging.yaml", s -> s.replace("railway: {port: 8080}", "railway: {port: 9090}"));
        w.output("port.plan");
        assertEquals(0, w.tlctl("plan", "--out", "port.plan").code());
        w.gql.data("mutation E2eCustomDomain($input: CustomDomainCreateInput!) { customDomainCreate(input: $input) {"
                + " id } }", Map.of("input", Map.of("domain", "other.example.com", "environmentId",
                w.environmentId("staging"), "projectId", w.projectId(), "serviceId", w.serviceId("engine-api"))));
        Run stale = w.tlctl("apply", "port.plan", "--yes");
        assertEquals(1, stale.code(), stale::toString);
        assertTrue(stale.err().contains("environment staging changed on Railway since the plan was made"),
                stale::toString);
        assertEquals(0, stale.mutations(), "nothing written: " + stale);
        assertEquals(8080, domains(w, "staging").at("/serviceDomains/0/targetPort").asInt());
    }

    @Test
    void domainsAndANewVolumeAreNotWritesIntoStagedChanges() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.gql.data("mutation E2eStage($environmentId: String!, $input: EnvironmentConfig!) {"
                + " environmentStageChanges(environmentId: $environmentId, input: $input, merge: true) { id } }",
                Map.of("environmentId", w.environmentId("staging"), "input",
                        Map.of("sharedVariables", Map.of("FROM_DASHBOARD", Map.of("value", "on")))));
        w.later();
        declare(w, "staging", DOMAIN + VOLUME);
        Run plan = w.tlctl("plan");
        assertTrue(plan.out().contains("This plan writes nothing there; they stay staged."), plan::toString);
        Run apply = w.tlctl("apply", "--yes");
        assertEquals(0, apply.code(), "not refused: nothing goes in staging's commit\n" + apply);
        assertEquals(1, volumes(w, "staging").size());
        assertEquals(1, domains(w, "staging").path("serviceDomains").size());
        assertEquals(1, w.gql.data("query E2eStaged($id: String!) { environment(id: $id) { unmergedChangesCount } }",
                Map.of("id", w.environmentId("staging"))).at("/environment/unmergedChangesCount").asInt(),
                "still staged, untouched");
    }

    @Test
    void aVolumesSizeIsPlannedGrownOnlyAndAShrinkIsRefusedWhereItIsWritten() {
        World w = world();
        declare(w, "staging", VOLUME);
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.later();
        w.edit("environments/staging.yaml", s -> s.replace("{mountPath: /data}", "{mountPath: /data, size: 10GB}"));
        Run plan = w.tlctl("plan", "--detailed-exitcode");
        assertEquals(2, plan.code(), plan::toString);
        assertTrue(plan.out().contains("~ staging/engine-api/volume/data at /data  (grows volume engine-api-volume from"
                + " 5000 MB to 10000 MB; deploys nothing)"), plan::toString);
        assertFalse(plan.out().contains("Deploys: engine-api"), "growing deploys nothing: " + plan);
        Run drift = w.tlctl("drift");
        assertEquals(2, drift.code(), drift::toString);
        assertTrue(drift.out().contains("5000 MB") && drift.out().contains("10000 MB"), drift::toString);

        Run apply = w.tlctl("apply", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        assertEquals(10_000, volumes(w, "staging").at("/0/node/sizeMB").asInt(), "grown in staging's commit");
        assertEquals(1, apply.mutations(), "one commit: " + apply);
        w.later();
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code(), "clean after growing");

        // Grown on Railway (the dashboard): the plan is clean; then the spec asks for less: refused at its line.
        patch(w, "staging", Map.of("volumes", Map.of(volumes(w, "staging").at("/0/node/volumeId").asText(),
                Map.of("sizeMB", 20_000))));
        Run shrink = w.tlctl("plan");
        assertEquals(65, shrink.code(), shrink::toString);
        assertTrue(shrink.err().contains("environments/staging.yaml:"), shrink::toString);
        assertTrue(shrink.err().contains("volume at staging/engine-api/volume/data cannot shrink from 20000 MB to"
                + " 10000 MB"), shrink::toString);

        // The sandbox refuses a shrink as Railway does; nothing changes.
        String volumeId = volumes(w, "staging").at("/0/node/volumeId").asText();
        JsonNode refused = w.gql.send("mutation E2ePatch($environmentId: String!, $patch: EnvironmentConfig) {"
                + " environmentPatchCommit(environmentId: $environmentId, patch: $patch) }",
                Map.of("environmentId", w.environmentId("staging"), "patch",
                        Map.of("volumes", Map.of(volumeId, Map.of("sizeMB", 1_000))))).path("errors");
        assertTrue(refused.toString().contains("cannot be shrunk from 20000MB to 1000MB"), refused::toString);
        assertEquals(20_000, volumes(w, "staging").at("/0/node/sizeMB").asInt());
    }

    @Test
    void aNewVolumeAtASizeIsCreatedThenSizedInOneMoreRequestAndAKillBetweenConvergesAsGrowth() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.later();
        declare(w, "staging", VOLUME.replace("{mountPath: /data}", "{mountPath: /data, size: 10GB}"));
        Run plan = w.tlctl("plan");
        assertTrue(plan.out().contains("+ staging/engine-api/volume/data at /data  (at 10000 MB; mounting it deploys)"),
                plan::toString);
        Run apply = w.tlctl("apply", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        assertEquals(2, apply.mutations(), "volumeCreate, then the size in staging's config: " + apply);
        assertTrue(apply.err().contains("set the size of new volume staging/engine-api/volume/data to 10000 MB"),
                apply::toString);
        assertEquals(1, volumes(w, "staging").size());
        assertEquals(10_000, volumes(w, "staging").at("/0/node/sizeMB").asInt());
        assertEquals(2, w.stats().deploymentsFor("staging", "engine-api"), "the mount deployed; the size did not");
        w.later();
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code(), "clean after");

        // Killed after the volume was created, before its size was sent: the next plan shows growth.
        w.edit("environments/production.yaml", s -> s + "\nservices:\n  engine-api:\n"
                + VOLUME.replace("{mountPath: /data}", "{mountPath: /data, size: 20GB}"));
        w.hook(new RequestListener() {
            @Override
            public void onRequest(GraphQLRequest request, int attempt) {
                if (request.action().startsWith("commit")) { // the size, after volumeCreate
                    throw new KillTest.Killed();
                }
            }
        });
        org.junit.jupiter.api.Assertions.assertThrows(KillTest.Killed.class, () -> w.tlctl("apply", "--yes"));
        w.hook(RequestListener.NONE);
        assertEquals(5_000, volumes(w, "production").at("/0/node/sizeMB").asInt(), "created at Railway's default");
        w.later();
        Run growth = w.tlctl("plan", "--detailed-exitcode");
        assertEquals(2, growth.code(), growth::toString);
        assertTrue(growth.out().contains("~ production/engine-api/volume/data at /data  (grows volume"), growth::toString);
        assertFalse(growth.out().contains("+ production/engine-api/volume"), "not created twice: " + growth);
        Run again = w.tlctl("apply", "--yes");
        assertEquals(0, again.code(), again::toString);
        assertEquals(1, again.mutations(), "one commit: " + again);
        assertEquals(20_000, volumes(w, "production").at("/0/node/sizeMB").asInt());
        assertEquals(1, volumes(w, "production").size());
        w.later();
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code());
    }

    @Test
    void aNewVolumeBelowRailwaysDefaultSizeIsRefusedWhereItIsWritten() {
        World w = world();
        declare(w, "staging", VOLUME.replace("{mountPath: /data}", "{mountPath: /data, size: 1GB}"));
        Run plan = w.tlctl("plan");
        assertEquals(65, plan.code(), plan::toString);
        assertTrue(plan.err().contains("environments/staging.yaml:"), plan::toString);
        assertTrue(plan.err().contains("new volume at staging/engine-api/volume/data cannot start at 1000 MB"),
                plan::toString);
        assertEquals(0, plan.mutations());
    }

    @Test
    void aDomainTlctlCreatedIsDeletedOnceTheSpecDropsItAndOneMadeByHandStays() {
        World w = world();
        declare(w, "staging", DOMAIN + "      custom: [{name: api.example.com, port: 8080}]\n");
        assertEquals(0, w.tlctl("apply", "--yes").code());
        String generated = domains(w, "staging").at("/serviceDomains/0/domain").asText();
        w.gql.data("mutation E2eCustomDomain($input: CustomDomainCreateInput!) { customDomainCreate(input: $input) {"
                + " id } }", Map.of("input", Map.of("domain", "by-hand.example.com", "environmentId",
                w.environmentId("staging"), "projectId", w.projectId(), "serviceId", w.serviceId("engine-api"))));
        w.later();

        w.edit("environments/staging.yaml", s -> s.replace(DOMAIN + "      custom: [{name: api.example.com, port: 8080}]\n",
                ""));
        Run plan = w.tlctl("plan", "--detailed-exitcode");
        assertEquals(2, plan.code(), plan::toString);
        assertTrue(plan.out().contains("- staging/engine-api/domain/api.example.com"), plan::toString);
        assertTrue(plan.out().contains("- staging/engine-api/domain/" + generated), plan::toString);
        assertTrue(plan.out().contains("created by tlctl"), plan::toString);
        assertFalse(plan.out().contains("- staging/engine-api/domain/by-hand.example.com"), plan::toString);
        assertTrue(plan.out().contains("staging/engine-api/domain/by-hand.example.com"), "listed as unmanaged: " + plan);

        Run apply = w.tlctl("apply", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        JsonNode left = domains(w, "staging");
        assertEquals(0, left.path("serviceDomains").size(), left::toString);
        assertEquals(1, left.path("customDomains").size(), left::toString);
        assertEquals("by-hand.example.com", left.at("/customDomains/0/domain").asText());
        w.later();
        Run clean = w.tlctl("plan", "--detailed-exitcode");
        assertEquals(0, clean.code(), "clean; the hand-made domain stays unmanaged\n" + clean);
        assertTrue(clean.out().contains("by-hand.example.com"), clean::toString);
    }
}
