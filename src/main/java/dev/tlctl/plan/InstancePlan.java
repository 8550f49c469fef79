package dev.tlctl.plan;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The settings of a service instance a plan changes, before and after, so that the applier can
 * write settings that depend on each other (a region and its replica count live in one place in
 * Railway's config), and the instance's config parts as read, so that a part can be replaced whole
 * keeping what tlctl does not model. Only non-secret settings; never variables.
 *
 * @param configSections the {@code source}, {@code build} and {@code deploy} parts as read (JSON
 *     text); empty for an instance the plan creates
 */
public record InstancePlan(String environment, String service, boolean create,
        SortedMap<String, Object> prior, SortedMap<String, Object> desired, Map<String, String> configSections) {

    public InstancePlan {
        prior = Collections.unmodifiableSortedMap(new TreeMap<>(prior));
        desired = Collections.unmodifiableSortedMap(new TreeMap<>(desired));
        configSections = Map.copyOf(configSections);
    }
}
