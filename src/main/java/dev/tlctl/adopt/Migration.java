package dev.tlctl.adopt;

import dev.tlctl.adopt.RailwayConfig.Finding;
import dev.tlctl.adopt.RailwayConfig.Setting;
import dev.tlctl.plan.Defaults;
import dev.tlctl.secret.SecretText;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.ServiceInstanceSpec;
import dev.tlctl.spec.Settings;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.SpecEditor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.UnaryOperator;

/**
 * Merges a Railway config-as-code file into one service of a spec, as text edits that keep the
 * files' comments: the file's base settings go in the spec file, each {@code environments.<name>}
 * section's in that environment's overlay. As Railway resolves them (an environment's section,
 * then the base sections, then the service's settings), the file's base settings hold in every
 * environment without a section of its own. Where the spec already says something else for an
 * environment, that is a conflict: listed and left as it is, unless {@code force}, which writes
 * the file's value where the spec says the other. What the spec already says alike is left alone.
 */
public final class Migration {
    /** A setting written (or to write), with what it was and where the config file says it. */
    public record Change(String file, String service, String key, Object value, Setting source) {
        /** The value for display: masked when it holds a credential. */
        public String shown() {
            String text = YamlWriter.inline(value);
            return SecretText.looksSecret(text) ? "(sensitive)" : text;
        }
    }

    /** The spec says {@code current} where the config file says otherwise. */
    public record Conflict(String file, String environment, String service, String key, Object current,
            Setting source) {
        public String shownCurrent() {
            String text = YamlWriter.inline(current);
            return SecretText.looksSecret(text) ? "(sensitive)" : text;
        }

        public String shownWanted() {
            String text = YamlWriter.inline(source.value());
            return SecretText.looksSecret(text) ? "(sensitive)" : text;
        }
    }

    /**
     * What a migration does: the new text of each file it changes (by label, in order), the
     * settings it writes, the conflicts it leaves (or, with force, overrides: then they are in
     * {@code changes} too), what it cannot take from the file, and notes.
     */
    public record Result(Map<String, String> files, List<Change> changes, List<Conflict> conflicts,
            List<Finding> notTaken, List<String> notes) {
        public Result {
            files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
            changes = List.copyOf(changes);
            conflicts = List.copyOf(conflicts);
            notTaken = List.copyOf(notTaken);
            notes = List.copyOf(notes);
        }
    }

    private final Spec spec;
    private final String service;
    private final String baseLabel;
    private final UnaryOperator<String> overlayLabel;
    private final boolean force;
    private final Map<String, String> files = new LinkedHashMap<>();
    private final List<Change> changes = new ArrayList<>();
    private final List<Conflict> conflicts = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Migration(Spec spec, String service, String baseLabel, UnaryOperator<String> overlayLabel, boolean force,
            Map<String, String> texts) {
        this.spec = spec;
        this.service = service;
        this.baseLabel = baseLabel;
        this.overlayLabel = overlayLabel;
        this.force = force;
        this.files.putAll(texts);
    }

    /**
     * Plans the edits.
     *
     * @param texts every file's current text by label (the spec file, the overlays that exist)
     * @param overlayLabel the label of an environment's overlay (existing or not)
     * @throws SpecEditor.EditException when a file cannot be edited as text
     */
    public static Result plan(RailwayConfig config, String service, Spec spec, Map<String, String> texts,
            String baseLabel, UnaryOperator<String> overlayLabel, boolean force) {
        Migration m = new Migration(spec, service, baseLabel, overlayLabel, force, texts);
        return m.run(config);
    }

    private Result run(RailwayConfig config) {
        Map<String, String> before = new LinkedHashMap<>(files);
        if (spec.service(service).isEmpty()) {
            notes.add("The spec declared no service " + service + ": it is added to " + baseLabel + ".");
        }
        List<Finding> notTaken = new ArrayList<>(config.unknown());
        notTaken.addAll(config.invalid());
        notTaken.addAll(config.unexpressed());
        Map<String, SortedMap<String, Setting>> sections = new LinkedHashMap<>();
        config.environments().forEach((name, settings) -> {
            if (spec.environment(name).isPresent()) {
                sections.put(name, settings);
            } else if (!settings.isEmpty()) {
                notes.add(config.file() + ": environments." + name + " is not migrated: the spec declares no environment "
                        + name + ".");
            }
        });
        if (!config.pr().isEmpty()) {
            notes.add(config.file() + ": environments.pr (Railway's PR environments) is not migrated: the spec has no"
                    + " preview templates yet.");
        }
        for (String key : Settings.all().keySet()) {
            Setting wanted = config.settings().get(key);
            if (wanted != null) {
                base(key, wanted, sections);
            }
        }
        sections.forEach((environment, settings) -> {
            for (String key : Settings.all().keySet()) {
                if (settings.containsKey(key)) {
                    environment(environment, key, settings.get(key));
                }
            }
        });
        Map<String, String> changed = new LinkedHashMap<>();
        files.forEach((label, text) -> {
            if (!text.equals(before.get(label))) {
                changed.put(label, text);
            }
        });
        return new Result(changed, changes, conflicts, notTaken, notes);
    }

    /** A base setting: in the spec file, and over every environment's own value unless the config has a section for it. */
    private void base(String key, Setting wanted, Map<String, SortedMap<String, Setting>> sections) {
        boolean baseConflict = false;
        boolean baseSaysSo = false;
        List<Conflict> overlays = new ArrayList<>();
        for (EnvironmentSpec environment : spec.environments()) {
            ServiceInstanceSpec instance = environment.service(service).orElse(null);
            Object current = instance == null ? null : instance.settings().get(key);
            String where = current == null ? null : instance.locationOf(key).file();
            if (current != null && Defaults.same(key, current, wanted.value())) {
                baseSaysSo |= where.equals(baseLabel);
                continue;
            }
            if (current == null || sections.containsKey(environment.name())
                    && sections.get(environment.name()).containsKey(key)) {
                continue; // not set, or its own section decides there
            }
            Conflict conflict = new Conflict(where, environment.name(), service, key, current, wanted);
            if (where.equals(baseLabel)) {
                if (!baseConflict) {
                    conflicts.add(conflict);
                }
                baseConflict = true;
            } else if (overlays.stream().noneMatch(c -> c.file().equals(where))) {
                overlays.add(conflict);
            }
        }
        conflicts.addAll(overlays);
        if (!baseSaysSo && (!baseConflict || force)) {
            write(baseLabel, key, wanted);
        }
        if (force) {
            overlays.forEach(c -> write(c.file(), key, wanted));
        }
    }

    /** An environment's setting: in its overlay, unless the spec says so there already. */
    private void environment(String environment, String key, Setting wanted) {
        ServiceInstanceSpec instance = spec.environment(environment).flatMap(e -> e.service(service)).orElse(null);
        Object current = instance == null ? null : instance.settings().get(key);
        if (current != null && Defaults.same(key, current, wanted.value())) {
            return;
        }
        String overlay = overlayLabel.apply(environment);
        if (current != null && instance.locationOf(key).file().equals(overlay)) {
            conflicts.add(new Conflict(overlay, environment, service, key, current, wanted));
            if (!force) {
                return;
            }
        }
        write(overlay, key, wanted);
    }

    private void write(String file, String key, Setting wanted) {
        List<String> path = new ArrayList<>(List.of("services", service));
        path.addAll(List.of(key.split("\\.")));
        String text = files.get(file);
        if (text == null) {
            String environment = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
            text = "# " + environment + ": what differs from " + baseLabel + ".\n";
        }
        files.put(file, SpecEditor.set(file, text, path, YamlWriter.inline(wanted.value())));
        changes.add(new Change(file, service, key, wanted.value(), wanted));
    }
}
