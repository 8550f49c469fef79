package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import dev.tlctl.testing.RailwaySchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every GraphQL document sent to a sandbox during a test (by tlctl's client, and by the tests'
 * own direct queries), validated after the test against Railway's full schema: the test fails
 * naming each document that does not validate. Without the schema (see {@link RailwaySchema}) the
 * check is skipped; with {@code -Drailway.schema} set to a missing file, it fails.
 */
public final class RecordedDocuments implements AfterEachCallback {
    private static final Set<String> pending = new LinkedHashSet<>();
    private static final Set<String> valid = ConcurrentHashMap.newKeySet();
    private static int recorded;

    /** Notes a document sent (once per HTTP attempt; duplicates are checked once). */
    static synchronized void record(String document) {
        pending.add(document);
        recorded++;
    }

    /** Documents recorded since the suite started, duplicates included. */
    static synchronized int recordedCount() {
        return recorded;
    }

    private static synchronized List<String> drain() {
        List<String> out = new ArrayList<>(pending);
        pending.clear();
        return out;
    }

    /** The documents that do not validate, with their errors (the schema must be set). */
    static Map<String, List<String>> invalid(List<String> documents) {
        Map<String, List<String>> invalid = new LinkedHashMap<>();
        for (String document : documents) {
            if (valid.contains(document)) {
                continue;
            }
            List<String> errors = RailwaySchema.validate(document);
            if (errors.isEmpty()) {
                valid.add(document);
            } else {
                invalid.put(document, errors);
            }
        }
        return invalid;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> documents = drain();
        if (RailwaySchema.schemaPath().isEmpty()) {
            return;
        }
        Map<String, List<String>> invalid = invalid(documents);
        if (!invalid.isEmpty()) {
            StringBuilder message = new StringBuilder(invalid.size() + " document(s) sent to the sandbox do not validate"
                    + " against Railway's schema:");
            invalid.forEach((doc, errors) -> message.append("\n---\n").append(doc).append("\n=> ").append(errors));
            fail(message.toString());
        }
    }
}
