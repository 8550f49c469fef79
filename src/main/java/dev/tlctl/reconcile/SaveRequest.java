package dev.tlctl.reconcile;

import java.nio.file.Path;
import java.util.List;

/**
 * A request to save a plan for {@code apply PLANFILE}.
 *
 * @param environments the environments asked for ({@code --env}; empty: all), which an apply of it may repeat
 */
public record SaveRequest(PlanResult planned, List<String> environments, Path file) {
    public SaveRequest {
        environments = List.copyOf(environments);
    }
}
