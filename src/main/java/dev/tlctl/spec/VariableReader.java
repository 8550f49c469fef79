package dev.tlctl.spec;

import dev.tlctl.secret.Secret;
import dev.tlctl.secret.SecretText;
import dev.tlctl.spec.YNode.Entry;
import dev.tlctl.spec.YNode.Kind;
import dev.tlctl.spec.YNode.YMap;
import dev.tlctl.spec.YNode.YScalar;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads variables ({@code NAME: value} or {@code NAME: {value, secret, sealed}}), resolves their
 * references, decides which are secrets and refuses credentials written in plain text. A
 * diagnostic about a variable never contains its value.
 *
 * <p>A base variable is the same YAML entry in every environment that does not overlay it, and
 * reading it gives the same variable (or the same diagnostics, which {@link Problems} keeps once):
 * each entry is read once per mode (found again in a merged mapping by its place, {@link MapRead})
 * and its variable shared by those environments, so that a spec of many environments costs about
 * one environment's reading and one copy of its variables. A mapping of variables that
 * environments inherit unchanged (the same node) gives them one map; what depends on nothing but
 * the YAML is shared with the spec's other load too ({@link PureReads}).
 */
final class VariableReader {
    static final List<String> LONG_FORM_KEYS = SpecKeys.VARIABLE_LONG_FORM.names();

    private final NodeReader r;
    private final References references;
    /** Mappings of variables read so far (identity), in each mode: environments that inherit one share its map. */
    private final Map<YNode, Map<String, VariableSpec>> resolvedMaps = new IdentityHashMap<>();
    private final Map<YNode, Map<String, VariableSpec>> checkedMaps = new IdentityHashMap<>();
    /** The first mapping read at each place (see {@link MapRead}). */
    private final Map<Location, MapRead> firstAt = new HashMap<>();

    /** Reads shared with other loads of the same spec; null: none. */
    private PureReads pure;
    /** Whether the last {@link #readMap} read only pure variables (see {@link PureReads}). */
    private boolean lastMapPure;

    /**
     * A mapping of variables as read: its node, the mode, and the variables it gave. A mapping that an
     * overlay merged over another keeps the other's location and, where it changes nothing, the very
     * same entries: an entry found there again is the variable read before (in the same mode, or in
     * any mode and load when pure), without reading it again or keeping a table of every entry.
     */
    record MapRead(YMap node, boolean resolve, Map<String, VariableSpec> variables) {}

    VariableReader(NodeReader r, References references) {
        this.r = r;
        this.references = references;
    }

    /** Takes and gives the pure reads of other loads of the same spec. */
    void sharing(PureReads pure) {
        this.pure = pure;
    }

    References references() {
        return references;
    }

    /** Reads every variable of a mapping, resolving references. */
    Map<String, VariableSpec> readAll(YNode node) {
        return readAll(node, true);
    }

    /**
     * Reads every variable of a mapping; without {@code resolve}, {@code ${env:...}} and
     * {@code ${file:...}} references are checked but not read (an environment outside the run's
     * scope), and such variables have no value.
     */
    Map<String, VariableSpec> readAll(YNode node, boolean resolve) {
        Map<YNode, Map<String, VariableSpec>> maps = resolve ? resolvedMaps : checkedMaps;
        Map<String, VariableSpec> read = maps.get(node);
        if (read == null && pure != null) {
            read = pure.map(node);
        }
        if (read == null) {
            read = readMap(node, resolve);
            if (lastMapPure && pure != null) {
                pure.putMap(node, read);
            }
        }
        maps.put(node, read);
        return read;
    }

    private Map<String, VariableSpec> readMap(YNode node, boolean resolve) {
        YMap map = r.map(node, "a mapping of variable names to values", true);
        LinkedHashMap<String, VariableSpec> out = new LinkedHashMap<>();
        lastMapPure = node instanceof YMap;
        if (map == null) {
            return FrozenMap.owning(out);
        }
        MapRead local = firstAt.get(map.location());
        MapRead before = local != null ? local : pure == null ? null : pure.firstAt(map.location());
        for (Entry entry : map.entries().values()) {
            readInto(out, entry, before, before == local, resolve);
        }
        Map<String, VariableSpec> variables = FrozenMap.owning(out);
        MapRead read = new MapRead(map, resolve, variables);
        firstAt.putIfAbsent(map.location(), read);
        if (pure != null) {
            pure.putFirstAt(map.location(), read);
        }
        return variables;
    }

    /**
     * Adds the variable of {@code entry} to {@code out}, taken from {@code before} (read by this
     * reader when {@code local}) when it holds the same entry; a call per entry, so that the JIT
     * compiles it early.
     */
    private void readInto(Map<String, VariableSpec> out, Entry entry, MapRead before, boolean local, boolean resolve) {
        VariableSpec variable = null;
        boolean pureEntry = PureReads.pure(entry);
        if (before != null && before.node().entries().get(entry.key()) == entry
                && (pureEntry || local && before.resolve() == resolve)) {
            variable = before.variables().get(entry.key());
        }
        if (variable == null) {
            variable = read(entry, resolve);
        }
        if (variable != null) {
            out.put(variable.name(), variable);
        }
        lastMapPure &= variable != null && pureEntry;
    }

    private VariableSpec read(Entry entry, boolean resolve) {
        Problems problems = r.problems();
        String name = entry.key();
        if (!Names.checkVariable(name, entry.keyLocation(), problems)) {
            return null;
        }
        YNode valueNode = entry.value();
        Boolean marked = null;
        boolean sealed = false;
        boolean allowEmpty = false;
        if (valueNode instanceof YMap longForm) {
            r.checkKeys(longForm, LONG_FORM_KEYS);
            Map<String, Entry> e = longForm.entries();
            if (e.containsKey("secret")) {
                marked = r.bool(e.get("secret").value());
            }
            if (e.containsKey("sealed")) {
                Boolean s = r.bool(e.get("sealed").value());
                sealed = s != null && s;
            }
            if (e.containsKey("allowEmpty")) {
                Boolean a = r.bool(e.get("allowEmpty").value());
                allowEmpty = a != null && a;
            }
            if (!e.containsKey("value")) {
                problems.error(entry.keyLocation(), "the variable " + name + " has no value",
                        "The long form is {value: ..., secret: true|false, sealed: true|false}.");
                return null;
            }
            valueNode = e.get("value").value();
            if (sealed && Boolean.FALSE.equals(marked)) {
                problems.error(e.get("secret").value().location(), "a sealed variable is always a secret",
                        "Remove 'secret: false', or do not seal the variable.");
                return null;
            }
        }
        if (!(valueNode instanceof YScalar scalar)) {
            problems.error(valueNode.location(), "the value of " + name + " must be a string, found " + YNode.describe(valueNode),
                    "Write NAME: value, or the long form NAME: {value: ..., secret: ..., sealed: ...}.");
            return null;
        }
        if (scalar.kind() == Kind.NULL) {
            problems.error(valueNode.location(), "the variable " + name + " has no value",
                    "Write '' for an empty value. (In an environment's overlay, null removes a variable the spec sets.)");
            return null;
        }
        String template = scalar.text();
        Location location = scalar.location();
        boolean dollarBrace = template.contains("${");
        boolean fromReference = dollarBrace && References.containsReference(template);
        // The literal text (references removed) and what credential format it holds, found once: values can be many.
        String literal = dollarBrace ? SecretRules.literalPart(template) : template;
        String format = SecretText.formatReason(literal);
        boolean secretName = SecretRules.nameLooksSecret(name);
        if (!Boolean.FALSE.equals(marked)
                && plaintextCredential(name, secretName, literal, format, marked, sealed, fromReference, location)) {
            return null;
        }
        References.Resolved resolved = references.resolve(template, location, problems, resolve);
        if (resolved == null) {
            return null;
        }
        String value = resolved.value();
        if (fromReference && value != null && value.isBlank() && !allowEmpty) {
            // A set-but-empty variable would write '' over the live value, secret or not.
            problems.error(location, "the value of " + name + " is empty", template + " gives an empty value (or"
                    + " only whitespace), which would replace the value on Railway with nothing. Set it, or, if an empty"
                    + " value is meant, write " + name + ": {value: \"" + template.replace("\"", "\\\"") + "\", allowEmpty: true}.");
            return null;
        }
        // secret: false overrules a name, never a value's content: a credential is a secret whatever is declared.
        // (plan.Sensitivity relies on it: a value that is not sensitive holds nothing SecretText.looksSecret finds.)
        boolean content = value != null && (value.equals(literal) ? format != null || SecretText.looksRandom(value)
                : SecretText.looksSecret(value));
        boolean sensitive = content || !Boolean.FALSE.equals(marked)
                && (fromReference || Boolean.TRUE.equals(marked) || sealed || secretName);
        return new VariableSpec(name, value == null ? null : Secret.of(value), fromReference ? template : null,
                sensitive, sealed, location);
    }

    /**
     * Reports and returns true when the literal text of a value (references removed) writes a
     * credential in plain text; {@code format} is the credential format it holds, or null.
     */
    private boolean plaintextCredential(String name, boolean secretName, String literal, String format, Boolean marked,
            boolean sealed, boolean fromReference, Location location) {
        String reason;
        boolean mayBeNotSecret = true; // sealed or marked secret: the way out is not to seal or mark it
        if (format != null) {
            reason = "it holds " + format;
        } else if (fromReference || literal.replace("\u0001", "").isBlank()) {
            return false;
        } else if (sealed) {
            reason = "it is sealed";
            mayBeNotSecret = false;
        } else if (Boolean.TRUE.equals(marked)) {
            reason = "it is marked secret: true";
            mayBeNotSecret = false;
        } else if (secretName) {
            reason = "its name says it is one";
        } else {
            return false;
        }
        r.problems().error(location, "a secret is written in plain text",
                name + " is a secret (" + reason + "), so its value must not live in the YAML. Put the value in the"
                        + " environment or an env file and write " + name + ": ${env:" + name + "}, or use ${file:PATH};"
                        + " Railway references such as ${{shared." + name + "}} work too." + (mayBeNotSecret ? " If it is not a secret, write " + name + ": {value: ..., secret: false}." : ""));
        return true;
    }
}
