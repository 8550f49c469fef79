package dev.tlctl.plan;

import java.util.SortedMap;

/**
 * The settings of a service instance a plan changes, before and after, so that the applier can
 * write settings that depend on each other (a region and its replica count live in one place in
 * Railway's config). Only non-secret settings; never variables.
 */
public record InstancePlan(String environment, String service, boolean create,
        SortedMap<String, Object> prior, SortedMap<String, Object> desired) {

    public InstancePlan {
        prior = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(prior));
        desired = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(desired));
    }
}
