package dev.tlctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The monthly cost of a plan's sizing changes per environment, at the ceiling its limits allow. */
class CostDeltaTest {
    static final CostDelta.Rates RAILWAY = new CostDelta.Rates(20, 10);

    static InstancePlan instance(String environment, String service, boolean create, Map<String, Object> prior,
            Map<String, Object> desired) {
        return new InstancePlan(environment, service, create, new TreeMap<>(prior), new TreeMap<>(desired), Map.of());
    }

    static Plan plan(List<Change> changes, InstancePlan... instances) {
        return new Plan(null, changes, List.of(), List.of(), List.of(instances), List.of());
    }

    static List<String> lines(Plan plan) {
        return CostDelta.of(plan, RAILWAY).stream().map(CostDelta.Line::text).toList();
    }

    @Test
    void raisingReplicasCostsAReplicaAtItsLimits() {
        Map<String, Object> limits = Map.of("deploy.limits.vCPUs", 0.5, "deploy.limits.memoryGB", 1.0);
        Map<String, Object> two = new TreeMap<>(limits);
        two.put("deploy.numReplicas", 2L);
        assertEquals(List.of("staging: +$20.00/month (replicas 1 -> 2)"),
                lines(plan(List.of(), instance("staging", "api", false, limits, two))));
        assertEquals(20.0, CostDelta.of(plan(List.of(), instance("staging", "api", false, limits, two)), RAILWAY)
                .get(0).monthlyDollars());
    }

    @Test
    void linesSumPerEnvironmentAndGoBothWays() {
        // production: api 2 x (1 x 20 + 1 x 10) = 60 -> 3 x (2 x 20 + 4 x 10) = 240, worker 0 -> 60: +240
        Map<String, Object> small = Map.of("deploy.numReplicas", 2L, "deploy.limits.vCPUs", 1.0, "deploy.limits.memoryGB", 1.0);
        Map<String, Object> smaller = Map.of("deploy.numReplicas", 2L, "deploy.limits.vCPUs", 0.5, "deploy.limits.memoryGB", 1.0);
        Map<String, Object> big = Map.of("deploy.numReplicas", 3L, "deploy.limits.vCPUs", 2.0, "deploy.limits.memoryGB", 4.0);
        Plan plan = plan(List.of(),
                instance("production", "api", false, small, big),
                instance("production", "worker", true, Map.of(), small),
                instance("staging", "api", false, small, smaller),
                instance("staging", "web", false, small, small));
        assertEquals(List.of(
                "production: +$240.00/month (replicas 2 -> 3; vCPUs 1 -> 2; memoryGB 1 -> 4; worker created)",
                "staging: -$20.00/month (vCPUs 1 -> 0.5)"), lines(plan));
    }

    @Test
    void aRemovedInstanceSavesItsCostAndOtherChangesCostNothing() {
        Map<String, Object> sized = Map.of("deploy.limits.vCPUs", 1.0, "deploy.limits.memoryGB", 2.0,
                "deploy.startCommand", "a");
        Map<String, Object> restarted = new TreeMap<>(sized);
        restarted.put("deploy.startCommand", "b");
        Plan plan = plan(List.of(Change.Instance.delete("pr-1", "api", true)),
                instance("pr-1", "api", false, sized, Map.of()),
                instance("staging", "api", false, sized, restarted));
        assertEquals(List.of("pr-1: -$40.00/month (api removed)"), lines(plan));
    }

    @Test
    void withoutLimitsTheCostIsNotKnownAndSaysWhy() {
        assertEquals(List.of("staging: cost not known (replicas 1 -> 4; set deploy.limits.vCPUs and memoryGB to price it)"),
                lines(plan(List.of(), instance("staging", "api", false, Map.of(), Map.of("deploy.numReplicas", 4L)))));
    }
}
