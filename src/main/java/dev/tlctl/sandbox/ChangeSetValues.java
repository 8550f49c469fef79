package dev.tlctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The values of a change set as the config stores them: variable values by type, and whole fields. */
final class ChangeSetValues {
    /** Keys of a literal variable value. */
    private static final Set<String> LITERAL_KEYS = Set.of("type", "value", "isSealed", "description");

    private ChangeSetValues() {}

    /**
     * A variable value as the config stores it: literal {value, isSealed?, description?},
     * reference {@code ${{name.output}}}, sharedReference {@code ${{shared.NAME}}}, raw as given;
     * null for preserve, which is never written.
     */
    static ObjectNode variable(String label, JsonNode after, Predicate<String> knownService) {
        if (!(after instanceof ObjectNode value)) {
            throw new SandboxException(label + ": after must be a variable value {type, ...}");
        }
        String type = text(value, "type");
        ObjectNode written = Json.MAPPER.createObjectNode();
        switch (type == null ? "(none)" : type) {
            case "literal" -> {
                for (String key : Json.fieldNames(value)) {
                    if (!LITERAL_KEYS.contains(key)) {
                        throw new SandboxException(label + ": unknown key " + key + " in a literal value");
                    }
                }
                if (!value.path("value").isTextual()) {
                    throw new SandboxException(label + ": a literal value needs value as a string");
                }
                written.put("value", value.get("value").asText());
                if (value.has("isSealed")) {
                    if (!value.get("isSealed").isBoolean()) {
                        throw new SandboxException(label + ": isSealed must be a boolean");
                    }
                    written.put("isSealed", value.get("isSealed").booleanValue());
                }
                if (value.hasNonNull("description")) {
                    written.put("description", value.get("description").asText());
                }
            }
            case "reference" -> {
                String resource = text(value, "resource");
                String output = text(value, "output");
                if (resource == null || output == null) {
                    throw new SandboxException(label + ": a reference needs resource (an address) and output");
                }
                int dot = resource.indexOf('.');
                String resourceType = dot < 0 ? resource : resource.substring(0, dot);
                String name = dot < 0 ? "" : resource.substring(dot + 1);
                if (!resourceType.equals("service") && !resourceType.equals("database")) {
                    throw new SandboxException(label + ": unsupported reference to " + resource
                            + ": references name a service or database address");
                }
                if (!knownService.test(name)) {
                    throw new SandboxException(label + ": unknown address " + resource + ": no service named " + name
                            + " in this project");
                }
                written.put("value", "${{" + name + "." + output + "}}");
            }
            case "sharedReference" -> {
                String name = text(value, "name");
                if (name == null) {
                    throw new SandboxException(label + ": a sharedReference needs name");
                }
                written.put("value", "${{shared." + name + "}}");
            }
            case "raw" -> {
                if (!(value.get("value") instanceof ObjectNode raw)) {
                    throw new SandboxException(label + ": a raw value needs value as an object {value, ...}");
                }
                List<String> problems = new ArrayList<>();
                Variables.validate(label, Json.MAPPER.createObjectNode().set("after", raw), problems);
                if (!problems.isEmpty()) {
                    throw new SandboxException(problems.get(0));
                }
                written = raw.deepCopy();
            }
            case "preserve" -> written = null;
            default -> throw new SandboxException(label + ": unknown value type " + type
                    + " (expected literal, reference, sharedReference, raw or preserve)");
        }
        return written;
    }

    /** Source keys that reach the config whatever the source's type. */
    private static final List<String> SOURCE_KEYS = List.of("rootDirectory", "commitSha", "upstreamUrl", "checkSuites",
            "autoUpdates");

    /**
     * A field value as the config stores it, translated as Railway's own translators of a change
     * set into config do (railwayapp/cli src/iac/compiler.rs {@code service_to_environment_config},
     * railway-ts-sdk src/iac/compiler.ts {@code serviceToEnvironmentConfig}): of a {@code source},
     * {@code repo} and {@code branch} are kept only when {@code type} is {@code github},
     * {@code image} only when it is {@code image}, plus {@code rootDirectory}, {@code commitSha},
     * {@code upstreamUrl}, {@code checkSuites} and {@code autoUpdates}; every other key (the
     * derived {@code type} included) is dropped. A source without a type writes no repo, branch
     * or image at all. Nulls stay: in a sparse update they remove a key.
     */
    static ObjectNode field(String field, ObjectNode value) {
        if (!field.equals("source")) {
            return value.deepCopy();
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        String type = text(value, "type");
        List<String> kept = new ArrayList<>(SOURCE_KEYS);
        if ("github".equals(type)) {
            kept.addAll(List.of("repo", "branch"));
        } else if ("image".equals(type)) {
            kept.add("image");
        }
        for (String key : kept) {
            if (value.has(key)) {
                out.set(key, value.get(key).deepCopy());
            }
        }
        return out;
    }

    static String text(JsonNode node, String key) {
        JsonNode value = node == null ? null : node.get(key);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
