package dev.tlctl.spec;

import dev.tlctl.spec.SpecKeys.AnyOf;
import dev.tlctl.spec.SpecKeys.Choice;
import dev.tlctl.spec.SpecKeys.Decimal;
import dev.tlctl.spec.SpecKeys.Fields;
import dev.tlctl.spec.SpecKeys.Flag;
import dev.tlctl.spec.SpecKeys.Items;
import dev.tlctl.spec.SpecKeys.Key;
import dev.tlctl.spec.SpecKeys.Named;
import dev.tlctl.spec.SpecKeys.OrNull;
import dev.tlctl.spec.SpecKeys.Shape;
import dev.tlctl.spec.SpecKeys.Text;
import dev.tlctl.spec.SpecKeys.Texts;
import dev.tlctl.spec.SpecKeys.Whole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema (draft-07, which editors' YAML support reads) of {@code tl-engine.yaml} and of
 * an overlay, made from {@link SpecKeys}, as plain maps and lists in the order written. An overlay
 * is merged over its parent, so in one every value may be null (which removes the key) and no
 * key is required, except inside list items (a list replaces the parent's whole).
 */
public final class SpecSchema {
    static final String DRAFT = "http://json-schema.org/draft-07/schema#";

    private SpecSchema() {}

    /** The schema of the spec file, {@code tl-engine.yaml}. */
    public static Map<String, Object> spec() {
        Map<String, Object> root = header("tl-engine.yaml", "A tlctl spec: the Railway project, its environments and"
                + " services, as tlctl keeps them. `tlctl validate` checks what a schema cannot (references,"
                + " secrets, names that must be declared).");
        root.putAll(schema(SpecKeys.TOP, false));
        return root;
    }

    /** The schema of an overlay, {@code environments/<name>.yaml}. */
    public static Map<String, Object> overlay() {
        Map<String, Object> root = header("environments/<name>.yaml", "A tlctl overlay: what differs in one"
                + " environment, deep-merged over its parent (null removes a key).");
        root.putAll(nullable(schema(SpecKeys.OVERLAY, true)));
        return root;
    }

    private static Map<String, Object> header(String title, String description) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", DRAFT);
        root.put("$comment", "Made by `tlctl schema" + (title.startsWith("env") ? " --overlay" : "") + "`; do not edit.");
        root.put("title", title);
        root.put("description", description);
        return root;
    }

    /** The schema of one shape; {@code overlay}: inside an overlay, where values merge. */
    static Map<String, Object> schema(Shape shape, boolean overlay) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (shape instanceof Text t) {
            out.put("type", t.pattern() == null ? List.of("string", "number", "boolean") : "string");
            putIf(out, "pattern", t.pattern() == null ? null : whole(t.pattern()));
        } else if (shape instanceof Whole w) {
            out.put("type", "integer");
            putIf(out, "minimum", w.min());
            putIf(out, "maximum", w.max());
        } else if (shape instanceof Decimal d) {
            out.put("type", "number");
            putIf(out, d.exclusive() ? "exclusiveMinimum" : "minimum", d.min());
        } else if (shape instanceof Flag) {
            out.put("type", "boolean");
        } else if (shape instanceof Choice c) {
            Map<String, Object> anyCase = new LinkedHashMap<>();
            anyCase.put("type", "string");
            anyCase.put("pattern", whole(anyCase(c.values())));
            out.put("anyOf", List.of(Map.of("enum", c.values()), anyCase));
        } else if (shape instanceof Texts t) {
            // pattern and maxLength apply to a string, items to a list: one schema says both.
            Map<String, Object> item = schema(new Text(t.pattern()), false);
            putIf(item, "maxLength", t.maxLength());
            out.putAll(item);
            out.put("type", t.pattern() == null ? List.of("string", "number", "boolean", "array") : List.of("string", "array"));
            out.put("items", item);
        } else if (shape instanceof Fields f) {
            out.put("type", "object");
            if (!overlay && !f.required().isEmpty()) {
                out.put("required", f.required());
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            for (Key key : f.keys()) {
                Map<String, Object> property = new LinkedHashMap<>();
                putIf(property, "description", key.description());
                Map<String, Object> value = schema(key.shape(), overlay);
                property.putAll(overlay ? nullable(value) : value);
                property.put("examples", List.of(key.example()));
                properties.put(key.name(), property);
            }
            out.put("properties", properties);
            out.put("additionalProperties", false);
            if (!overlay) {
                rules(f.rules(), out);
            }
        } else if (shape instanceof Named n) {
            out.put("type", "object");
            out.put("propertyNames", Map.of("pattern", whole(n.namePattern())));
            if (n.minEntries() > 0) {
                out.put("minProperties", n.minEntries());
            }
            Map<String, Object> value = schema(n.value(), overlay);
            out.put("additionalProperties", overlay && n.removable() ? nullable(value) : value);
        } else if (shape instanceof Items i) {
            out.put("type", "array");
            out.put("items", schema(i.item(), false));
            putIf(out, "maxItems", i.maxItems());
        } else if (shape instanceof AnyOf a) {
            out.put("anyOf", a.shapes().stream().map(s -> schema(s, overlay)).toList());
        } else if (shape instanceof OrNull o) {
            out.putAll(nullable(schema(o.shape(), overlay)));
        } else {
            throw new IllegalStateException(shape.toString());
        }
        return out;
    }

    /**
     * The rules between keys: draft-07's {@code dependencies} for what a key needs, and
     * {@code not} for pairs that exclude each other. Not in overlays, which merge over a parent.
     */
    private static void rules(List<SpecKeys.Rule> rules, Map<String, Object> out) {
        Map<String, Object> needs = new LinkedHashMap<>();
        List<Object> excludes = new ArrayList<>();
        for (SpecKeys.Rule rule : rules) {
            if (rule instanceof SpecKeys.Needs n) {
                needs.put(n.key(), List.of(n.other()));
            } else if (rule instanceof SpecKeys.Excludes e) {
                Map<String, Object> both = new LinkedHashMap<>();
                both.put("type", "object"); // else null, which the section may be, would match and be refused
                both.put("required", List.of(e.key(), e.other()));
                Map<String, Object> values = new LinkedHashMap<>();
                putIf(values, e.key(), e.value() == null ? null : Map.of("const", e.value()));
                putIf(values, e.other(), e.otherValue() == null ? null : Map.of("const", e.otherValue()));
                if (!values.isEmpty()) {
                    both.put("properties", values);
                }
                excludes.add(Map.of("not", both));
            }
        }
        if (!needs.isEmpty()) {
            out.put("dependencies", needs);
        }
        if (!excludes.isEmpty()) {
            out.put("allOf", excludes);
        }
    }

    /** The schema, or null: "null" added to its types, or a null alternative added to its anyOf. */
    static Map<String, Object> nullable(Map<String, Object> schema) {
        Map<String, Object> out = new LinkedHashMap<>(schema);
        Object type = out.get("type");
        if (type instanceof String single) {
            out.put("type", List.of(single, "null"));
        } else if (type instanceof List<?> types) {
            if (!types.contains("null")) {
                List<Object> more = new ArrayList<>(types);
                more.add("null");
                out.put("type", more);
            }
        } else {
            List<Object> alternatives = new ArrayList<>((List<?>) out.get("anyOf"));
            if (!alternatives.contains(Map.of("type", "null"))) {
                alternatives.add(Map.of("type", "null"));
            }
            out.put("anyOf", alternatives);
        }
        return out;
    }

    private static void putIf(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** A pattern the reader matches whole, anchored for JSON Schema (which finds a match anywhere). */
    private static String whole(String pattern) {
        return "^(?:" + pattern + ")$";
    }

    /** Alternatives matching each value in any case ({@code [Aa][Bb]...}), as the reader upper-cases. */
    private static String anyCase(List<String> values) {
        List<String> alternatives = new ArrayList<>();
        for (String value : values) {
            StringBuilder out = new StringBuilder();
            for (char c : value.toCharArray()) {
                if (Character.isLetter(c)) {
                    out.append('[').append(Character.toUpperCase(c)).append(Character.toLowerCase(c)).append(']');
                } else {
                    out.append(Character.isLetterOrDigit(c) || c == '_' ? "" : "\\").append(c);
                }
            }
            alternatives.add(out.toString());
        }
        return String.join("|", alternatives);
    }
}
