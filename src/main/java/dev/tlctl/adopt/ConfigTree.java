package dev.tlctl.adopt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.tlctl.spec.Location;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * A Railway config-as-code file ({@code railway.json} or {@code railway.toml}) as a tree of
 * values that remember their line: mappings keep their keys in order, scalars are
 * {@code String}, {@code Long}, {@code Double} or {@code Boolean}. JSON is read with Jackson's
 * streaming parser (which knows each token's line), TOML with tomlj (which knows each key's).
 */
public final class ConfigTree {
    /** The largest file read: config-as-code files are a few hundred bytes. */
    public static final int MAX_CHARS = 256 * 1024;
    private static final int MAX_DEPTH = 20;

    /**
     * A value and where its key (or, for a list item, the item) is written.
     *
     * @param value a {@code Map<String, Node>}, a {@code List<Node>}, a scalar, or null
     */
    record Node(Object value, Location location) {
        @SuppressWarnings("unchecked")
        Map<String, Node> map() {
            return value instanceof Map<?, ?> m ? (Map<String, Node>) m : null;
        }
    }

    private ConfigTree() {}

    /** Reads {@code text}, TOML when {@code label} ends with {@code .toml}, else JSON. */
    static Node read(String label, String text) throws ConfigSyntaxException {
        if (text.length() > MAX_CHARS) {
            throw new ConfigSyntaxException(Location.ofFile(label), "the file is larger than " + MAX_CHARS / 1024 + " KB");
        }
        return label.endsWith(".toml") ? toml(label, text) : json(label, text);
    }

    private static Node json(String label, String text) throws ConfigSyntaxException {
        try (JsonParser parser = new JsonFactory().createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ConfigSyntaxException(Location.ofFile(label), "the file is empty");
            }
            Node root = jsonValue(parser, label, "", 0);
            if (parser.nextToken() != null) {
                throw new ConfigSyntaxException(at(label, "", parser), "more than one JSON value in the file");
            }
            return root;
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            int line = where == null ? 0 : where.getLineNr();
            int column = where == null ? 0 : where.getColumnNr();
            throw new ConfigSyntaxException(new Location(label, "", Math.max(line, 0), Math.max(column, 0)),
                    "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigSyntaxException(Location.ofFile(label), "cannot read: " + e.getMessage());
        }
    }

    private static Node jsonValue(JsonParser parser, String label, String path, int depth) throws IOException,
            ConfigSyntaxException {
        Location location = at(label, path, parser);
        if (depth > MAX_DEPTH) {
            throw new ConfigSyntaxException(location, "nested deeper than " + MAX_DEPTH + " levels");
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Node> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    Location keyLocation = at(label, childPath, parser);
                    if (entries.containsKey(key)) {
                        throw new ConfigSyntaxException(keyLocation, "duplicate key \"" + key + "\"");
                    }
                    parser.nextToken();
                    Node child = jsonValue(parser, label, childPath, depth + 1);
                    entries.put(key, new Node(child.value(), keyLocation));
                }
                return new Node(entries, location);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(jsonValue(parser, label, path + "[" + items.size() + "]", depth + 1));
                }
                return new Node(items, location);
            }
            case VALUE_STRING -> {
                return new Node(parser.getText(), location);
            }
            case VALUE_NUMBER_INT -> {
                return new Node(parser.getLongValue(), location);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Node(parser.getDoubleValue(), location);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node(token == JsonToken.VALUE_TRUE, location);
            }
            case VALUE_NULL -> {
                return new Node(null, location);
            }
            default -> throw new ConfigSyntaxException(location, "unexpected " + token);
        }
    }

    private static Location at(String label, String path, JsonParser parser) {
        var where = parser.currentTokenLocation();
        return new Location(label, path, Math.max(where.getLineNr(), 0), Math.max(where.getColumnNr(), 0));
    }

    private static Node toml(String label, String text) throws ConfigSyntaxException {
        TomlParseResult result = Toml.parse(text);
        if (result.hasErrors()) {
            var error = result.errors().get(0);
            TomlPosition p = error.position();
            throw new ConfigSyntaxException(new Location(label, "", p == null ? 0 : p.line(), p == null ? 0 : p.column()),
                    "not valid TOML: " + error.getMessage());
        }
        return new Node(tomlTable(result, label, "", 0), new Location(label, "", 1, 1));
    }

    private static Map<String, Node> tomlTable(TomlTable table, String label, String path, int depth)
            throws ConfigSyntaxException {
        Map<String, Node> entries = new LinkedHashMap<>();
        for (String key : table.keySet()) {
            String childPath = path.isEmpty() ? key : path + "." + key;
            TomlPosition p = table.inputPositionOf(List.of(key));
            Location location = new Location(label, childPath, p == null ? 0 : p.line(), p == null ? 0 : p.column());
            entries.put(key, new Node(tomlValue(table.get(List.of(key)), label, childPath, location, depth + 1), location));
        }
        return entries;
    }

    private static Object tomlValue(Object value, String label, String path, Location location, int depth)
            throws ConfigSyntaxException {
        if (depth > MAX_DEPTH) {
            throw new ConfigSyntaxException(location, "nested deeper than " + MAX_DEPTH + " levels");
        }
        if (value instanceof TomlTable table) {
            return tomlTable(table, label, path, depth);
        }
        if (value instanceof TomlArray array) {
            List<Node> items = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                TomlPosition p = array.inputPositionOf(i);
                Location itemLocation = p == null ? location : new Location(label, path + "[" + i + "]", p.line(), p.column());
                items.add(new Node(tomlValue(array.get(i), label, path + "[" + i + "]", itemLocation, depth + 1),
                        itemLocation));
            }
            return items;
        }
        if (value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean) {
            return value;
        }
        return String.valueOf(value); // dates and times: no setting takes one, and the reader says so
    }
}
