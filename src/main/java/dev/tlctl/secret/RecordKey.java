package dev.tlctl.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The key of the records tlctl keeps where every checkout reads them (on Railway): derived once
 * per project from a key text ({@code TLCTL_RECORD_KEY}, or {@link #DEFAULT_SOURCE}) with
 * PBKDF2-HMAC-SHA256, {@value #ITERATIONS} iterations, salted by the project's id; then one
 * HMAC-SHA256 subkey per scope (an environment's id), and per value a fingerprint of
 * {@value #FINGERPRINT_BYTES} bytes: HMAC(subkey, address, value). The slow derivation makes
 * every guess at a weak key text cost {@value #ITERATIONS} iterations per project; with a key
 * text nobody else has, nobody can test a guess at a value at all. With the default text, which
 * is public, a reader of a record can test guesses at a value at the speed of one HMAC each:
 * a random secret stays safe, a short or common one does not. Derived lazily: a run that
 * compares no fingerprint derives nothing.
 */
public final class RecordKey {
    /** PBKDF2 iterations of the derivation. */
    public static final int ITERATIONS = 100_000;
    /** The key text when {@code TLCTL_RECORD_KEY} is not set: public, so it protects nothing (see the class). */
    public static final String DEFAULT_SOURCE = "tlctl-record-key:default:set TLCTL_RECORD_KEY to a secret of your own";
    /** Bytes of a value's fingerprint: enough to tell a change (a false match once in 2^48), little to learn from. */
    public static final int FINGERPRINT_BYTES = 6;

    /** Keys derived in this process by (key text, salt): derivation is slow and pure, tests open many runs. */
    private static final Map<List<String>, byte[]> DERIVED = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<String>, byte[]> eldest) {
            return size() > 16;
        }
    };

    private final String source;
    private final String salt;
    private byte[] key;
    private boolean fromCache;
    /** Subkeys by scope: asked for by environments worked on side by side, so no lock per fingerprint. */
    private final Map<String, Hmac> scopes = new ConcurrentHashMap<>();

    private RecordKey(String source, String salt) {
        this.source = source;
        this.salt = salt;
    }

    /** The key of {@code salt} (a project's id) from {@code source}; null or empty source is the default. */
    public static RecordKey of(String source, String salt) {
        return new RecordKey(source == null || source.isEmpty() ? DEFAULT_SOURCE : source, salt);
    }

    /**
     * The same, taking a derived key from a cache when its {@code binding} proves it was derived
     * from this very source and salt (else it is derived again when needed).
     */
    public static RecordKey cached(String source, String salt, byte[] cachedKey, byte[] cachedBinding) {
        RecordKey key = of(source, salt);
        if (cachedKey != null && cachedBinding != null
                && MessageDigest.isEqual(binding(cachedKey, key.source, salt), cachedBinding)) {
            key.key = cachedKey.clone();
            key.fromCache = true;
        }
        return key;
    }

    /** Whether the key text is the public default. */
    public boolean usesDefault() {
        return source.equals(DEFAULT_SOURCE);
    }

    /** Whether the derived key is known now (derived in this run, or taken from a cache). */
    public synchronized boolean isDerived() {
        return key != null;
    }

    /** Whether it was derived in this run (so a cache may keep it), rather than taken from a cache. */
    public synchronized boolean derivedHere() {
        return key != null && !fromCache;
    }

    /** The derived key, for a local cache (mode 0600); derives it if needed. */
    public synchronized byte[] derived() {
        if (key == null) {
            List<String> memo = List.of(source, salt);
            synchronized (DERIVED) {
                key = DERIVED.get(memo);
            }
            if (key == null) {
                key = pbkdf2(source, salt);
                synchronized (DERIVED) {
                    DERIVED.put(memo, key);
                }
            }
        }
        return key.clone();
    }

    /** What proves a cached key belongs to this source and salt, without revealing the source. */
    public byte[] binding() {
        return binding(derived(), source, salt);
    }

    private static byte[] binding(byte[] key, String source, String salt) {
        return new Hmac(key).ofParts("binding", source, salt);
    }

    /** A short value that tells whether a record of {@code scope} was written with this key. */
    public byte[] check(String scope) {
        return scope(scope).ofParts(FINGERPRINT_BYTES, "key-check");
    }

    /** The fingerprint of {@code value} at {@code address} in {@code scope}. */
    public byte[] fingerprint(String scope, String address, String value) {
        return scope(scope).ofParts(FINGERPRINT_BYTES, "value", address, value);
    }

    /** The fingerprints of values in one scope ({@link #fingerprint}, the same bytes). */
    @FunctionalInterface
    public interface Fingerprints {
        /** The fingerprint of {@code value} at {@code address}. */
        byte[] of(String address, String value);
    }

    /**
     * The fingerprints of values in {@code scope}, its subkey found once: for the thousands of
     * values of one environment, not a look-up each. Derives the key if needed.
     */
    public Fingerprints in(String scope) {
        Hmac subkey = scope(scope);
        return (address, value) -> subkey.ofParts(FINGERPRINT_BYTES, "value", address, value);
    }

    /** A witness of the value whose fingerprint is {@code expected}; the key is derived on first use. */
    public Witness witness(String scope, String address, byte[] expected) {
        byte[] copy = expected.clone();
        return value -> MessageDigest.isEqual(fingerprint(scope, address, value), copy);
    }

    /** The scope's subkey, its pads hashed once (one per scope: preparing a key costs more than using it). */
    private Hmac scope(String scope) {
        return scopes.computeIfAbsent(scope, s -> new Hmac(new Hmac(derived()).ofParts("scope", s)));
    }

    /**
     * PBKDF2-HMAC-SHA256 of the key text (its UTF-8 bytes), {@value #ITERATIONS} iterations, one
     * 256-bit block: what {@code SecretKeyFactory "PBKDF2WithHmacSHA256"} derives, at half its cost
     * per iteration (the same output: {@code HmacTest}), so every guess costs an attacker as much.
     */
    private static byte[] pbkdf2(String source, String salt) {
        byte[] password = source.getBytes(StandardCharsets.UTF_8);
        try {
            return new Hmac(password).pbkdf2(("tlctl-record-v1\u0000" + salt).getBytes(StandardCharsets.UTF_8),
                    ITERATIONS);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "RecordKey(" + (usesDefault() ? "default" : "TLCTL_RECORD_KEY") + ")";
    }
}
