package dev.tlctl.plan;

import java.util.List;

/**
 * The service instances an environment's commit will deploy: Railway redeploys an instance whose
 * source, build or deploy settings or variables change, and every instance that references a
 * changed shared variable ({@code ${{shared.NAME}}}); a new instance with a source deploys for the
 * first time.
 */
public record Deploys(String environment, List<String> services) {
    public Deploys {
        services = List.copyOf(services);
    }
}
