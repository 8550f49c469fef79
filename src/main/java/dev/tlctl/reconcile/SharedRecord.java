package dev.tlctl.reconcile;

import dev.tlctl.spec.VariableSpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * tlctl's record of one environment, as kept on Railway in the shared variable
 * {@value VariableSpec#RECORD} (continued in {@code TLCTL_RECORD_2}, {@code _3}... past
 * {@value #CHUNK} characters), which no service references, so no service sees it. It holds no
 * value: the environment's id (a copy found in another environment is not its record), whether
 * tlctl created the environment, the services and instances it created, a key check, and per
 * variable or setting address (relative to the environment) a keyed fingerprint of the value tlctl
 * last wrote or found as the spec said, and whether tlctl created that variable.
 *
 * <p>Text form: {@code tlctl-record:1:} then the payload, deflated and in URL-safe base64. The
 * payload is UTF-8 lines of tab-separated fields (names hold no control character):
 * {@code tlctl-record 1}, {@code environment ID CREATED}, {@code check B64}, then
 * {@code service NAME ID}, {@code instance SERVICE SERVICE_ID}, {@code value ADDRESS B64 CREATED} and
 * {@code parameter SERVICE/SETTING} (a key a command-line parameter set here: {@code --set}, {@code --branch}).
 *
 * @param services by name, the id of each service tlctl created
 * @param instances by service name, the service id of each instance tlctl created here
 * @param values by address relative to the environment ({@code engine-api/variable/DEBUG},
 *     {@code variable/DEBUG}, {@code engine-api/setting/deploy.numReplicas})
 * @param parameters the keys ({@code service/setting}) that parameters set in this environment: a
 *     run without them keeps Railway's values there
 */
record SharedRecord(String environmentId, boolean environmentCreated, byte[] check, Map<String, String> services,
        Map<String, String> instances, Map<String, Value> values, java.util.Set<String> parameters) {

    /** A record with no parameter keys. */
    SharedRecord(String environmentId, boolean environmentCreated, byte[] check, Map<String, String> services,
            Map<String, String> instances, Map<String, Value> values) {
        this(environmentId, environmentCreated, check, services, instances, values, java.util.Set.of());
    }

    /** Characters per shared variable: far below any limit a variable value may have. */
    static final int CHUNK = 30_000;
    /** At most this many variables (so at most 3 MB of text): a longer record is refused, not written. */
    static final int MAX_CHUNKS = 100;
    private static final String PREFIX = "tlctl-record:1:";
    private static final String HEADER = "tlctl-record\t1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();
    /** {@link #B64}'s digits, by value. */
    private static final char[] URL_DIGITS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    /**
     * A value's fingerprint, and whether tlctl created the variable. The array is the value's own and
     * never modified (not copied: a record holds tens of thousands of them).
     */
    record Value(byte[] fingerprint, boolean created) {
        Value {
            Objects.requireNonNull(fingerprint, "fingerprint");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Value v && v.created == created && Arrays.equals(v.fingerprint, fingerprint);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(fingerprint) * 31 + Boolean.hashCode(created);
        }
    }

    SharedRecord {
        Objects.requireNonNull(environmentId, "environmentId");
        check = check.clone();
        services = Collections.unmodifiableMap(new TreeMap<>(services));
        instances = Collections.unmodifiableMap(new TreeMap<>(instances));
        // A hash map: a record may hold tens of thousands of values, looked up one by one; encode() sorts them.
        values = Collections.unmodifiableMap(values instanceof Handed || values instanceof HandedInOrder ? values
                : new HashMap<>(values));
        parameters = Collections.unmodifiableSet(new java.util.TreeSet<>(parameters));
    }

    /**
     * Values handed to a new record by a maker that keeps no reference to them and changes them no
     * more, so that the record takes them as they are instead of copying tens of thousands of entries.
     */
    static final class Handed extends HashMap<String, Value> {
        private static final long serialVersionUID = 1L;

        Handed() {
            super();
        }

        Handed(int expected) {
            super(Math.max(16, (int) (expected / 0.75f) + 1));
        }
    }

    /**
     * {@link Handed} values kept in the order they were put: a maker that puts them nearly in
     * address order (the spec's order) makes {@link #encode}'s sort a merge of a few runs instead
     * of a sort of tens of thousands of addresses.
     */
    static final class HandedInOrder extends java.util.LinkedHashMap<String, Value> {
        private static final long serialVersionUID = 1L;

        HandedInOrder(int expected) {
            super(Math.max(16, (int) (expected / 0.75f) + 1));
        }
    }

    /** The name of the {@code index}th variable of a record, from 1: {@code TLCTL_RECORD}, {@code TLCTL_RECORD_2}... */
    static String variableName(int index) {
        return index == 1 ? VariableSpec.RECORD : VariableSpec.RECORD + "_" + index;
    }

    /** The record as the values of its variables, in order (each at most {@link #CHUNK} characters). */
    List<String> encode() {
        // In address order (sorted once: values can be many), as a TreeMap would give them.
        String[] addresses = values.keySet().toArray(new String[0]);
        Arrays.sort(addresses);
        // Room for every line at once (a value's is its address and 18 characters, its fingerprint's 8 of them):
        // a payload of a megabyte is not grown and copied on the way.
        int room = 1024 + 64 * (services.size() + instances.size() + parameters.size());
        for (String address : addresses) {
            room += address.length() + 18;
        }
        StringBuilder payload = new StringBuilder(room).append(HEADER).append('\n');
        payload.append("environment\t").append(environmentId).append('\t').append(environmentCreated ? 1 : 0).append('\n');
        payload.append("check\t").append(b64(check)).append('\n');
        services.forEach((name, id) -> payload.append("service\t").append(name).append('\t').append(id).append('\n'));
        instances.forEach((name, id) -> payload.append("instance\t").append(name).append('\t').append(id).append('\n'));
        for (String address : addresses) {
            Value v = values.get(address);
            appendB64(payload.append("value\t").append(address).append('\t'), v.fingerprint()).append('\t')
                    .append(v.created() ? 1 : 0).append('\n');
        }
        parameters.forEach(key -> payload.append("parameter\t").append(key).append('\n'));
        String text = PREFIX + b64(deflate(payload.toString().getBytes(StandardCharsets.UTF_8)));
        List<String> chunks = new ArrayList<>();
        for (int at = 0; at < text.length(); at += CHUNK) {
            chunks.add(text.substring(at, Math.min(text.length(), at + CHUNK)));
        }
        if (chunks.size() > MAX_CHUNKS) {
            throw new IllegalStateException("tlctl's record of this environment would take " + chunks.size()
                    + " variables, more than " + MAX_CHUNKS);
        }
        return chunks;
    }

    /** Reads a record from its variables' values in order; throws {@link IllegalArgumentException} saying what is wrong. */
    static SharedRecord decode(List<String> chunks) {
        return decode(chunks, new HashMap<>());
    }

    /**
     * Reads a record; {@code addresses} holds the address texts read so far (by every record of a
     * read), so that the same address in ten environments is one string, not ten.
     */
    static SharedRecord decode(List<String> chunks, Map<String, String> addresses) {
        String text = String.join("", chunks);
        if (!text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("it does not start with " + PREFIX);
        }
        byte[] payload;
        try {
            payload = inflate(UNB64.decode(text.substring(PREFIX.length())));
        } catch (IllegalArgumentException | DataFormatException e) {
            throw new IllegalArgumentException("it is not a complete record (" + e.getClass().getSimpleName() + ")", e);
        }
        String body = new String(payload, StandardCharsets.UTF_8);
        int headerEnd = body.indexOf('\n');
        // At least three lines (the header, then two more, possibly empty), as before.
        if (headerEnd < 0 || body.indexOf('\n', headerEnd + 1) < 0 || !body.substring(0, headerEnd).equals(HEADER)) {
            throw new IllegalArgumentException("its header is not " + HEADER.replace('\t', ' '));
        }
        String environmentId = null;
        boolean created = false;
        byte[] check = null;
        Map<String, String> services = new TreeMap<>();
        Map<String, String> instances = new TreeMap<>();
        Map<String, Value> values = new Handed(body.length() / 48);
        java.util.Set<String> parameters = new java.util.TreeSet<>();
        int i = 1; // the line's index, the header's 0
        for (int start = headerEnd + 1; start <= body.length(); i++) {
            int end = body.indexOf('\n', start);
            if (end < 0) {
                end = body.length();
            }
            int lineStart = start;
            start = end + 1;
            if (end == lineStart) {
                continue;
            }
            int tab = body.indexOf('\t', lineStart);
            if (tab < 0 || tab > end) {
                tab = end;
            }
            if (tab == lineStart + 5 && body.startsWith("value", lineStart)) {
                // The many lines: parsed in place (no split), the address shared with other records.
                int second = body.indexOf('\t', tab + 1);
                int third = second < 0 || second > end ? -1 : body.indexOf('\t', second + 1);
                if (third < 0 || third > end) {
                    need(body.substring(lineStart, end).split("\t", -1), 4, i);
                }
                int fourth = body.indexOf('\t', third + 1);
                int createdEnd = fourth < 0 || fourth > end ? end : fourth;
                String address = body.substring(tab + 1, second);
                String known = addresses.putIfAbsent(address, address);
                values.put(known != null ? known : address, new Value(unb64(body.substring(second + 1, third), i),
                        createdEnd == third + 2 && body.charAt(third + 1) == '1'));
                continue;
            }
            String[] f = body.substring(lineStart, end).split("\t", -1);
            switch (f[0]) {
                case "environment" -> {
                    need(f, 3, i);
                    environmentId = f[1];
                    created = f[2].equals("1");
                }
                case "check" -> {
                    need(f, 2, i);
                    check = unb64(f[1], i);
                }
                case "service" -> {
                    need(f, 3, i);
                    services.put(f[1], f[2]);
                }
                case "instance" -> {
                    need(f, 3, i);
                    instances.put(f[1], f[2]);
                }
                case "parameter" -> {
                    need(f, 2, i);
                    parameters.add(f[1]);
                }
                default -> { } // a later version's line: ignored
            }
        }
        if (environmentId == null || check == null) {
            throw new IllegalArgumentException("it names no environment or no key check");
        }
        return new SharedRecord(environmentId, created, check, services, instances, values, parameters);
    }

    private static void need(String[] fields, int count, int line) {
        if (fields.length < count) {
            throw new IllegalArgumentException("line " + (line + 1) + " has " + fields.length + " fields, not " + count);
        }
    }

    private static String b64(byte[] bytes) {
        return B64.encodeToString(bytes);
    }

    /**
     * The URL-safe base64 digits of a fingerprint, as {@link #b64} writes them, appended in one
     * piece: no string per value, and no call per digit (C1 makes those dear).
     */
    static StringBuilder appendB64(StringBuilder out, byte[] bytes) {
        char[] digits = new char[(bytes.length * 4 + 2) / 3];
        int i = 0;
        int at = 0;
        for (; i + 3 <= bytes.length; i += 3) {
            int bits = (bytes[i] & 0xff) << 16 | (bytes[i + 1] & 0xff) << 8 | bytes[i + 2] & 0xff;
            digits[at++] = URL_DIGITS[bits >>> 18];
            digits[at++] = URL_DIGITS[bits >>> 12 & 63];
            digits[at++] = URL_DIGITS[bits >>> 6 & 63];
            digits[at++] = URL_DIGITS[bits & 63];
        }
        int left = bytes.length - i;
        if (left > 0) {
            int bits = (bytes[i] & 0xff) << 16 | (left == 2 ? (bytes[i + 1] & 0xff) << 8 : 0);
            digits[at++] = URL_DIGITS[bits >>> 18];
            digits[at++] = URL_DIGITS[bits >>> 12 & 63];
            if (left == 2) {
                digits[at++] = URL_DIGITS[bits >>> 6 & 63];
            }
        }
        return out.append(digits, 0, at);
    }

    private static byte[] unb64(String text, int line) {
        try {
            return UNB64.decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + (line + 1) + " holds no base64", e);
        }
    }

    private static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** Inflates at most {@link #MAX_CHUNKS} x {@link #CHUNK} x 16 bytes: a hostile record cannot exhaust memory. */
    private static byte[] inflate(byte[] bytes) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(bytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 3 + 64);
            byte[] buffer = new byte[8192];
            long limit = (long) MAX_CHUNKS * CHUNK * 16;
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("the record ends early");
                }
                out.write(buffer, 0, n);
                if (out.size() > limit) {
                    throw new DataFormatException("the record is too large");
                }
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SharedRecord r && r.environmentId.equals(environmentId)
                && r.environmentCreated == environmentCreated && Arrays.equals(r.check, check)
                && r.services.equals(services) && r.instances.equals(instances) && r.values.equals(values)
                && r.parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(environmentId, environmentCreated, Arrays.hashCode(check), services, instances, values,
                parameters);
    }

    @Override
    public String toString() {
        return "SharedRecord(" + environmentId + ", " + values.size() + " values)";
    }
}
