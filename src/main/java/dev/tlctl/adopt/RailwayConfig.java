package dev.tlctl.adopt;

import dev.tlctl.spec.Location;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A Railway config-as-code file as the spec can take it: the settings of its {@code build} and
 * {@code deploy} sections (spec keys), those of each {@code environments.<name>} section, and what
 * could not be taken, each with where it is written: keys Railway does not know (or that are
 * misspelt), values of the wrong type, and Railway settings the spec cannot express. The
 * {@code pr} section (Railway's PR environments) is kept apart until the spec has preview
 * templates.
 *
 * @param settings the settings of the base sections, by spec key, with where each is written
 * @param environments per environment name (not {@code pr}), its settings
 */
public record RailwayConfig(String file, SortedMap<String, Setting> settings,
        Map<String, SortedMap<String, Setting>> environments, SortedMap<String, Setting> pr, List<Finding> unknown,
        List<Finding> invalid, List<Finding> unexpressed) {

    public RailwayConfig {
        settings = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(settings));
        environments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environments));
        pr = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(pr));
        unknown = List.copyOf(unknown);
        invalid = List.copyOf(invalid);
        unexpressed = List.copyOf(unexpressed);
    }

    /** A setting's value (as the spec holds it) and where the file writes it. */
    public record Setting(Object value, Location location) {}

    /** Something of the file that was not taken: where, and what, in words. */
    public record Finding(Location location, String message) {
        @Override
        public String toString() {
            return location.position() + ": " + message;
        }
    }
}
