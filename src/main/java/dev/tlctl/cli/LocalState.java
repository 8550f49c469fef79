package dev.tlctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlctl.secret.Fingerprint;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What tlctl remembers between runs, in {@code .tlctl/state.json} beside the spec (git-ignored):
 * per API endpoint, the id of each project found by name (so that the next read is one request;
 * dropped when stale), and the fingerprint of the value last written to each sealed variable
 * (Railway never returns sealed values; a fingerprint tells whether the spec's value changed
 * without storing it). Never holds a token or a secret value. Written atomically.
 */
final class LocalState {
    static final String DIR = ".tlctl";
    private static final String FILE = "state.json";

    private final Path file;
    private final ObjectNode root;

    private LocalState(Path file, ObjectNode root) {
        this.file = file;
        this.root = root;
    }

    /** Loads the state beside {@code specFile}; a missing or unreadable file is a fresh state. */
    static LocalState load(Path specFile) {
        Path dir = specFile.toAbsolutePath().getParent().resolve(DIR);
        Path file = dir.resolve(FILE);
        ObjectNode root = Json.MAPPER.createObjectNode();
        if (Files.isRegularFile(file)) {
            try {
                JsonNode read = Json.MAPPER.readTree(file.toFile());
                if (read instanceof ObjectNode o && o.path("formatVersion").asInt() == Json.FORMAT_VERSION) {
                    root = o;
                }
            } catch (IOException e) {
                // A damaged cache is only a cache: start afresh.
            }
        }
        root.put("formatVersion", Json.FORMAT_VERSION);
        return new LocalState(file, root);
    }

    private ObjectNode endpoint(String key) {
        ObjectNode endpoints = object(root, "endpoints");
        return object(endpoints, key);
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        JsonNode node = parent.get(field);
        return node instanceof ObjectNode o ? o : parent.putObject(field);
    }

    private static String projectKey(String workspace, String name) {
        return (workspace == null ? "" : workspace) + "/" + name;
    }

    String projectId(String endpoint, String workspace, String name) {
        JsonNode id = endpoint(endpoint).path("projects").get(projectKey(workspace, name));
        return id == null || id.isNull() ? null : id.asText();
    }

    void rememberProject(String endpoint, String workspace, String name, String id) {
        ObjectNode projects = object(endpoint(endpoint), "projects");
        if (id == null) {
            projects.remove(projectKey(workspace, name));
        } else {
            projects.put(projectKey(workspace, name), id);
        }
    }

    /** The fingerprints of sealed values tlctl wrote to a project, by variable address. */
    Map<String, Fingerprint> sealed(String endpoint, String projectId) {
        Map<String, Fingerprint> out = new LinkedHashMap<>();
        if (projectId == null) {
            return out;
        }
        endpoint(endpoint).path("sealed").path(projectId).fields().forEachRemaining(e -> {
            try {
                out.put(e.getKey(), Fingerprint.parse(e.getValue().asText()));
            } catch (IllegalArgumentException ignored) {
                // an unreadable entry is treated as unknown
            }
        });
        return out;
    }

    void rememberSealed(String endpoint, String projectId, String address, Fingerprint fingerprint) {
        object(object(endpoint(endpoint), "sealed"), projectId).put(address, fingerprint.text());
    }

    /** Writes the state (temp file + rename); a failure to write only loses a cache, so it is reported, not thrown. */
    boolean save() {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), FILE, ".tmp");
            Files.writeString(temp, Json.write(root));
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
