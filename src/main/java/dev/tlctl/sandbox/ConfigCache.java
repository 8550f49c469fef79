package dev.tlctl.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * What the reads of an environment's config cost to make, kept per environment while its config
 * holds the same content: its configEtag and its {@code config(decryptVariables)} answers. A
 * server that stores its etag computes it once per change; here every use first checks, by a
 * walk of the config against its {@link ConfigShape} (recorded when the entry was made), that
 * the config is exactly what the entry was made from, so no write, wherever it happens, can leave
 * a stale etag or answer behind (an entry's values are only ever made right after such a check).
 * Never persisted; only used under the store's lock.
 */
final class ConfigCache {
    private final Map<String, Entry> entries = new HashMap<>();

    /** What was made from one config, and the shape that config had. */
    private static final class Entry {
        final ConfigShape shape;
        String etag;
        MaskedConfig decrypted;
        MaskedConfig masked;

        Entry(ConfigShape shape) {
            this.shape = shape;
        }

        MaskedConfig masked(boolean decrypt) {
            return decrypt ? decrypted : masked;
        }
    }

    /**
     * What one read of an environment (one Environment in an answer) has taken from the cache:
     * its configEtag and config come from one look at the config, as a server reads them from
     * one row, so the second of them costs no second walk of a config the first one checked.
     */
    static final class Read {
        private Entry entry;
    }

    /** The configEtag of the environment's config as it is now ({@link Patches#etag}); {@code read}: this read's. */
    String etag(State.EnvironmentRec environment, Read read) {
        if (read.entry != null && read.entry.etag != null) {
            return read.entry.etag;
        }
        Entry entry = entry(environment);
        read.entry = entry;
        if (entry == null) {
            return Patches.etag(environment.config);
        }
        if (entry.etag == null) {
            entry.etag = Patches.etag(environment.config);
        }
        return entry.etag;
    }

    /**
     * The environment's config as {@code config(decryptVariables)} answers it now
     * ({@link MaskedConfig}); {@code read}: this read's.
     */
    MaskedConfig masked(State.EnvironmentRec environment, boolean decrypt, Read read) {
        if (read.entry != null && read.entry.masked(decrypt) != null) {
            return read.entry.masked(decrypt);
        }
        Entry entry = entry(environment);
        read.entry = entry;
        if (entry == null) {
            return MaskedConfig.of(environment.config, decrypt);
        }
        if (entry.masked(decrypt) == null) {
            if (decrypt) {
                entry.decrypted = MaskedConfig.of(environment.config, true);
            } else {
                entry.masked = MaskedConfig.of(environment.config, false);
            }
        }
        return entry.masked(decrypt);
    }

    /** Whether the environment's etag and decrypted answer are kept for its config as it is now. */
    boolean holdsMade(State.EnvironmentRec environment) {
        Entry entry = entries.get(environment.id);
        return entry != null && entry.etag != null && entry.decrypted != null && entry.shape.matches(environment.config);
    }

    /** Forgets every entry (the state was replaced: they could only miss). */
    void clear() {
        entries.clear();
    }

    /** The environment's entry, made afresh unless its config still matches; null when it cannot be kept. */
    private Entry entry(State.EnvironmentRec environment) {
        ObjectNode config = environment.config;
        Entry entry = entries.get(environment.id);
        if (entry != null && entry.shape.matches(config)) {
            return entry;
        }
        ConfigShape shape = ConfigShape.of(config);
        if (shape == null) {
            entries.remove(environment.id);
            return null;
        }
        entry = new Entry(shape);
        entries.put(environment.id, entry);
        return entry;
    }
}
