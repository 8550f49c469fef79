package dev.tlctl.spec;

import dev.tlctl.secret.Secret;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A variable's desired value. The value always travels masked (a {@link Secret}) so that
 * printing a spec never leaks it; {@code sensitive} says whether a view may ever show it.
 *
 * @param value the resolved value; null when the variable belongs to an environment outside the
 *     run's scope and its {@code ${env:...}}/{@code ${file:...}} references were not resolved
 *     (so that a run for staging never needs production's secrets)
 * @param template the value as written when it holds {@code ${env:...}} or {@code ${file:...}}
 *     references (safe to show: it names where the value comes from, not the value); else null
 * @param sensitive a secret: from a reference, marked {@code secret: true}, or a secret by its
 *     name or content
 * @param sealed write-only on Railway: it can never be read back, only compared by name
 */
public record VariableSpec(
        String name, Secret value, String template, boolean sensitive, boolean sealed, Location location) {
    /**
     * The shared variable where tlctl keeps its record of an environment on Railway
     * ({@code TLCTL_RECORD}, continued in {@code TLCTL_RECORD_2}, {@code _3}... when long): reserved,
     * a spec may not declare it.
     */
    public static final String RECORD = "TLCTL_RECORD";

    /** Whether {@code name} is reserved for tlctl's record: {@code TLCTL_RECORD} or {@code TLCTL_RECORD_<n>}. */
    public static boolean reserved(String name) {
        if (name.equals(RECORD)) {
            return true;
        }
        if (!name.startsWith(RECORD + "_") || name.length() == RECORD.length() + 1) {
            return false;
        }
        return name.substring(RECORD.length() + 1).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static final Pattern SHARED_REFERENCE = Pattern.compile(
            "\\$\\{\\{\\s{0,16}shared\\.([A-Za-z_][A-Za-z0-9_]{0,255})\\s{0,16}}}");
    private static final Pattern RAILWAY_REFERENCE = Pattern.compile(
            "\\$\\{\\{\\s{0,16}([^.{}]{1,255})\\.([A-Za-z_][A-Za-z0-9_]{0,255})\\s{0,16}}}");

    /** A Railway reference in a value: {@code ${{shared.NAME}}} ({@code namespace} "shared") or {@code ${{SERVICE.NAME}}}. */
    public record RailwayReference(String namespace, String name) {
        public boolean shared() {
            return namespace.equals("shared");
        }
    }

    /** The shared variables this value reads through Railway references ({@code ${{shared.NAME}}}). */
    public Set<String> sharedReferences() {
        return sharedReferencesIn(railwayText());
    }

    /**
     * The shared variables a value as Railway holds it reads ({@code ${{shared.NAME}}}, spaces
     * allowed inside the braces); for a live value as for a declared one.
     */
    public static Set<String> sharedReferencesIn(String text) {
        Set<String> names = new TreeSet<>();
        if (text != null && text.contains("${{")) {
            Matcher m = SHARED_REFERENCE.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Every Railway reference in a value as Railway holds it ({@code ${{shared.X}}}, {@code ${{Postgres.X}}}). */
    public static java.util.List<RailwayReference> railwayReferencesIn(String text) {
        java.util.List<RailwayReference> out = new java.util.ArrayList<>();
        if (text != null && text.contains("${{")) {
            Matcher m = RAILWAY_REFERENCE.matcher(text);
            while (m.find()) {
                out.add(new RailwayReference(m.group(1).strip(), m.group(2)));
            }
        }
        return out;
    }

    /** The Railway references the value holds (what Railway renders per environment). */
    public java.util.List<RailwayReference> railwayReferences() {
        return railwayReferencesIn(railwayText());
    }

    /** Whether the value is known (its references were resolved). */
    public boolean resolved() {
        return value != null;
    }

    /** The value for display (see {@link dev.tlctl.secret.Shown}): masked when a secret, the template when unresolved. */
    public String display() {
        if (value == null) {
            return sensitive ? Secret.MASK : template;
        }
        return dev.tlctl.secret.Shown.of(value, sensitive, true).text();
    }

    /**
     * The text Railway will hold, for reading Railway references ({@code ${{shared.NAME}}}) out of
     * it: the resolved value, or the template when unresolved. Never to be printed.
     */
    String railwayText() {
        return value != null ? value.reveal() : template;
    }
}
