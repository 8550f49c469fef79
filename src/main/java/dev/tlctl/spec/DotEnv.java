package dev.tlctl.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a dotenv file: {@code KEY=value} lines, optional {@code export }, {@code #} comments,
 * values in single quotes (literal) or double quotes (with {@code \n}, {@code \"}, {@code \\}
 * escapes), unquoted values trimmed and cut at " #". No interpolation.
 */
public final class DotEnv {
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    /** The largest env file read, as for a spec or an overlay: a dotenv file of secrets is a few KB. */
    static final int MAX_BYTES = YamlLoader.MAX_BYTES;

    private DotEnv() {}

    /** Parses {@code file}; throws a {@link SpecException} listing every bad line. */
    public static Map<String, String> read(Path file) {
        String label = file.toString();
        byte[] bytes;
        try {
            // Read up to the limit and one byte more, not by the file's size: --env-file <(command) is a pipe.
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
        } catch (IOException e) {
            throw new SpecException(List.of(Diagnostic.error(Diagnostic.Cause.NO_INPUT, Location.ofFile(label),
                    "cannot read the env file",
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()))));
        }
        if (bytes.length > MAX_BYTES) {
            throw new SpecException(List.of(Diagnostic.error(Location.ofFile(label), "the env file is too large",
                    "It has more than " + MAX_BYTES + " bytes; an env file may have at most " + MAX_BYTES
                            + " bytes (1 MiB). Check that this is the right file.")));
        }
        Problems problems = new Problems();
        String text = YamlLoader.utf8(bytes, label, problems);
        problems.throwIfErrors();
        List<String> lines = text.lines().toList();
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Location at = new Location(label, "", i + 1, 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                problems.error(at, "expected KEY=value", "Each line is KEY=value, a # comment, or empty.");
                continue;
            }
            String key = line.substring(0, eq).strip();
            if (!KEY.matcher(key).matches()) {
                // Not echoed: in "URL postgres://u:pw@host/db?sslmode=require" the "name" holds a password.
                problems.error(at, "invalid variable name before '='",
                        "Each line is KEY=value, where KEY is letters, digits, underscores and dots, and does not start with a digit.");
                continue;
            }
            String value = unquote(line.substring(eq + 1).strip());
            if (value == null) {
                problems.error(at, "unterminated quote in the value of " + key,
                        "Close the quote on the same line; write \\n for a newline.");
                continue;
            }
            values.put(key, value);
        }
        problems.throwIfErrors();
        return values;
    }

    private static String unquote(String raw) {
        if (raw.startsWith("'")) {
            int end = raw.indexOf('\'', 1);
            return end < 0 ? null : raw.substring(1, end);
        }
        if (raw.startsWith("\"")) {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\' && i + 1 < raw.length()) {
                    char next = raw.charAt(++i);
                    out.append(switch (next) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> next;
                    });
                } else {
                    out.append(c);
                }
            }
            return null;
        }
        int comment = raw.indexOf(" #");
        return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
    }
}
