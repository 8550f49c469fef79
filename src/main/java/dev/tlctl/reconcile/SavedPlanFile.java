package dev.tlctl.reconcile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@link SavedPlan} files: JSON, written whole and owner-only ({@link OwnerOnlyFile}), read back
 * strictly (an unknown field, another format version or kind, or a file over 16 MB is refused).
 */
final class SavedPlanFile {
    static final long MAX_BYTES = 16L * 1024 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private SavedPlanFile() {}

    static void write(Path file, SavedPlan plan) {
        try {
            OwnerOnlyFile.replace(file, MAPPER.writeValueAsBytes(plan));
        } catch (IOException e) {
            throw new ReconcileException(ReconcileException.Kind.REFUSED, "could not save the plan to " + file,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    static SavedPlan read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw refused(file, "there is no such file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw refused(file, "it is larger than " + (MAX_BYTES / 1024 / 1024) + " MB");
            }
            SavedPlan plan = MAPPER.readValue(file.toFile(), SavedPlan.class);
            if (plan.formatVersion() != SavedPlan.FORMAT_VERSION || !SavedPlan.KIND.equals(plan.kind())) {
                throw refused(file, "it is not a tlctl saved plan of format " + SavedPlan.FORMAT_VERSION);
            }
            return plan;
        } catch (IOException e) {
            throw refused(file, "it is not a tlctl saved plan (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static ReconcileException refused(Path file, String why) {
        return new ReconcileException(ReconcileException.Kind.REFUSED, "cannot use the saved plan " + file,
                "Its contents cannot be used: " + why + ". Save a plan with: tlctl plan --out " + file);
    }
}
