package dev.tlctl.bench;

import java.util.ArrayList;
import java.util.List;

/** One row of the grid: services x environments x variables per service. */
record Size(int services, int environments, int variables) {

    Size {
        if (services < 1 || environments < 1 || variables < 2) {
            throw new IllegalArgumentException("a size needs at least 1 service, 1 environment and 2 variables: "
                    + services + "x" + environments + "x" + variables);
        }
    }

    /** "1x2x10,5x3x20" -> sizes. */
    static List<Size> parseList(String text) {
        List<Size> sizes = new ArrayList<>();
        for (String item : text.split(",")) {
            String[] parts = item.trim().split("x");
            if (parts.length != 3) {
                throw new IllegalArgumentException("a size is SERVICESxENVIRONMENTSxVARIABLES, e.g. 5x3x20: " + item);
            }
            sizes.add(new Size(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])));
        }
        return sizes;
    }

    int instances() {
        return services * environments;
    }

    @Override
    public String toString() {
        return services + "x" + environments + "x" + variables;
    }
}
