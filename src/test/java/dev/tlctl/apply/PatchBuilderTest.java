package dev.tlctl.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.plan.Action;
import dev.tlctl.plan.Change;
import dev.tlctl.plan.Deploys;
import dev.tlctl.plan.EnvironmentTarget;
import dev.tlctl.plan.InstancePlan;
import dev.tlctl.plan.Origin;
import dev.tlctl.plan.Plan;
import dev.tlctl.plan.PlanTarget;
import dev.tlctl.railway.EnvironmentPatch;
import dev.tlctl.secret.Secret;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** One environment's patch, built from hand-made plans: exactly the plan's changes, nothing else. */
class PatchBuilderTest {

    private static Plan plan(List<Change> changes, List<InstancePlan> instances) {
        PlanTarget target = new PlanTarget("p", "prj", "ws", "acme", "cus",
                List.of(new EnvironmentTarget("staging", "env-s", "e", true, false, false, 0)),
                Map.of("api", "svc-api", "worker", "svc-worker"), Map.of("staging", "env-s"));
        return new Plan(target, changes, List.of(), List.of(), instances, List.<Deploys>of());
    }

    private static String patch(Plan plan) {
        EnvironmentPatch patch = PatchBuilder.build(plan, "staging", service -> "svc-" + service);
        return patch.masked();
    }

    @Test
    void variablesAreSetMaskedSealedOrRemoved() {
        Plan plan = plan(List.of(
                new Change.Variable(Action.CREATE, "staging", null, "DATABASE_URL", null,
                        Secret.of("postgresql://u:fake-MARKER@db/x"), true, false, null),
                new Change.Variable(Action.UPDATE, "staging", "api", "SIGNING_KEY", null, Secret.of("fake-MARKER-key"),
                        true, true, "will be sealed"),
                new Change.Variable(Action.UPDATE, "staging", "api", "WORKERS", Secret.of("4"), Secret.of("1"), false,
                        false, null),
                new Change.Variable(Action.DELETE, "staging", null, "LEGACY", Secret.of("x"), null, true, false, null)),
                List.of());
        assertEquals("{\"sharedVariables\":{\"DATABASE_URL\":{\"value\":\"(sensitive)\"},\"LEGACY\":null},"
                + "\"services\":{\"svc-api\":{\"variables\":{\"SIGNING_KEY\":{\"value\":\"(sensitive)\",\"isSealed\":true},"
                + "\"WORKERS\":{\"value\":\"1\"}}}}}", patch(plan));
    }

    @Test
    void onlyInstancesTlctlAddsGetIsCreatedAndRemovedOnesIsDeleted() {
        Plan plan = plan(List.of(
                Change.Instance.create("staging", "api", Origin.RAILWAY),
                Change.Instance.create("staging", "worker", Origin.TLCTL),
                Change.Instance.delete("staging", "old", true)),
                List.of());
        assertEquals("{\"services\":{\"svc-worker\":{\"isCreated\":true},\"svc-old\":{\"isDeleted\":true}}}", patch(plan),
                "Railway adds api itself: an isCreated on an existing instance is of unknown effect, so none is sent");
    }

    @Test
    void settingsThatShareAPlaceAreWrittenWithTheirInstancesContext() {
        TreeMap<String, Object> prior = new TreeMap<>(Map.of("deploy.region", "us-west2", "deploy.numReplicas", 2L,
                "deploy.limits.vCPUs", 2.0, "deploy.limits.memoryGB", 2.0));
        TreeMap<String, Object> desired = new TreeMap<>(Map.of("deploy.region", "us-west2", "deploy.numReplicas", 1L,
                "deploy.limits.vCPUs", 1.0, "deploy.limits.memoryGB", 2.0, "deploy.sleepApplication", true));
        Plan plan = plan(List.of(
                new Change.Setting(Action.UPDATE, "staging", "api", "deploy.numReplicas", 2L, 1L, null),
                new Change.Setting(Action.UPDATE, "staging", "api", "deploy.limits.vCPUs", 2.0, 1.0, null),
                new Change.Setting(Action.CREATE, "staging", "api", "deploy.sleepApplication", null, true, null)),
                List.of(new InstancePlan("staging", "api", false, prior, desired, Map.of())));
        assertEquals("{\"services\":{\"svc-api\":{\"deploy\":{\"sleepApplication\":true,"
                + "\"multiRegionConfig\":{\"us-west2\":{\"numReplicas\":1}},"
                + "\"limitOverride\":{\"containers\":{\"cpu\":1.0,\"memoryBytes\":2000000000}}}}}}", patch(plan),
                "replicas keep their region; a vCPU change keeps the memory beside it");
    }

    @Test
    void changesOfOtherEnvironmentsAndOfTheProjectStayOut() {
        Plan plan = plan(List.of(
                new Change.Service(Action.CREATE, "worker", null),
                new Change.Environment(Action.CREATE, "staging", null),
                new Change.Variable(Action.CREATE, "production", null, "X", null, Secret.of("1"), false, false, null),
                new Change.Variable(Action.CREATE, "staging", null, "Y", null, Secret.of("2"), false, false, null)),
                List.of());
        assertEquals("{\"sharedVariables\":{\"Y\":{\"value\":\"2\"}}}", patch(plan));
    }

    @Test
    void aSettingWithoutItsInstancesContextIsABugNotASilentGuess() {
        Plan plan = plan(List.of(new Change.Setting(Action.CREATE, "staging", "api", "deploy.region", null, "us-west2", null)),
                List.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> patch(plan));
        assertTrue(e.getMessage().contains("staging/api"), e.getMessage());
    }
}
