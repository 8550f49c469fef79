package dev.tlctl.secret;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a text is a secret by its name or by its content: the one classifier every view, the spec
 * reader and the audits use. Content means a URL carrying a password or a key, a query parameter
 * named like a credential, a known credential format (GitHub, OpenAI/Anthropic-style {@code sk-},
 * Stripe, Slack, AWS access keys, JWTs, PEM private keys) or a long high-entropy string. Every
 * check is linear in the text's length (values may be huge or hostile), and none says which part
 * of the text matched: a reason names only the kind of credential.
 */
public final class SecretText {
    /** What each group of {@link #FORMATS} is called in a message, in group order. */
    private static final List<String> FORMAT_REASONS = List.of("a GitHub token", "an API key (sk-...)", "a Stripe key",
            "a Slack token", "an AWS access key", "a JSON Web Token", "a private key",
            "a URL with a credential in its query");

    // One pass over the text for every format (a matcher per format cost more than the scan). Each
    // alternative starts with a literal or a word boundary and has no nested quantifier, so find()
    // rejects most positions at once and a scan stays linear in practice.
    static final Pattern FORMATS = Pattern.compile(String.join("|",
            "(\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,}))",
            "(\\bsk-[A-Za-z0-9_-]{20,})",
            "(\\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}|\\bwhsec_[A-Za-z0-9]{16,})",
            "(\\bxox[abposr]-[A-Za-z0-9-]{10,}|\\bxapp-[A-Za-z0-9-]{10,}|hooks\\.slack\\.com/services/[A-Za-z0-9]{6,})",
            "(\\b(?:AKIA|ASIA|AIDA|AROA|AGPA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\\b)",
            "(\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,})",
            "(-----BEGIN [A-Z ]{0,40}PRIVATE KEY(?: BLOCK)?-----)",
            "([?&](?i:api[_-]?key|access[_-]?token|auth[_-]?token|token|secret|password|passwd|sig|signature|apikey)"
                    + "=[^&\\s#]{8,})"));

    /** A run of characters that may form a token: letters, digits and base64/URL-safe punctuation. */
    private static final int MIN_TOKEN = 24;
    private static final int MIN_HEX = 32;
    private static final double MIN_ENTROPY = 4.0;

    /**
     * Names already classified: a project repeats the same few hundred names in every service and
     * environment (at 50x10x200, 102,000 variables and 200 names), and each is asked at every read.
     * Bounded, for a process that lives long (the sandbox).
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> NAMES_SEEN =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int NAMES_REMEMBERED = 10_000;

    private SecretText() {}

    /** Whether a variable's name says it holds a secret ({@code *_TOKEN}, {@code *PASSWORD*}...). */
    public static boolean nameLooksSecret(String name) {
        if (name == null) {
            return false;
        }
        Boolean known = NAMES_SEEN.get(name);
        if (known != null) {
            return known;
        }
        boolean secret = nameRule(name);
        if (NAMES_SEEN.size() < NAMES_REMEMBERED) {
            NAMES_SEEN.put(name, secret);
        }
        return secret;
    }

    private static boolean nameRule(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return endsWithWord(upper, "TOKEN") || endsWithWord(upper, "SECRET") || endsWithWord(upper, "KEY")
                || upper.contains("PASSWORD") || upper.contains("PASSWD");
    }

    /** {@code WORD} or {@code ..._WORD}. */
    private static boolean endsWithWord(String name, String word) {
        int at = name.length() - word.length();
        return name.endsWith(word) && (at == 0 || name.charAt(at - 1) == '_');
    }

    /** Whether {@code text} is a long random-looking string (or holds one); see {@link #reason}. */
    public static boolean looksRandom(String text) {
        return text != null && text.length() >= MIN_TOKEN && highEntropy(text);
    }

    /** Whether {@code text} holds a secret by its content; see {@link #reason}. */
    public static boolean looksSecret(String text) {
        return reason(text) != null;
    }

    /** Whether a value is a secret by its name or by its content. */
    public static boolean looksSecret(String name, String text) {
        return nameLooksSecret(name) || looksSecret(text);
    }

    /**
     * What kind of secret {@code text} holds ("a URL with a password", "a GitHub token"), or null
     * when its content says nothing; never any part of the text itself.
     */
    public static String reason(String text) {
        String format = formatReason(text);
        if (format != null || text == null) {
            return format;
        }
        return highEntropy(text) ? "a long random-looking string" : null;
    }

    /** Like {@link #reason} but only for credential formats and URLs, not the fuzzy high-entropy rule. */
    public static String formatReason(String text) {
        if (text == null || text.length() < 8) {
            return null;
        }
        String url = urlCredential(text);
        if (url != null) {
            return url;
        }
        if (!mayHoldFormat(text)) {
            return null;
        }
        Matcher m = FORMATS.matcher(text);
        if (!m.find()) {
            return null;
        }
        for (int group = 1; group <= FORMAT_REASONS.size(); group++) {
            if (m.group(group) != null) {
                return FORMAT_REASONS.get(group - 1);
            }
        }
        return null;
    }

    /**
     * Whether {@link #FORMATS} may match: every alternative begins with one of these pairs of
     * characters ({@code gh}, {@code sk}, {@code AK}...), with {@code github_pat_}, {@code ?} or
     * {@code &}. One scan of the text, so that the many values that hold none skip the regex's
     * attempt at each position.
     */
    static boolean mayHoldFormat(String text) {
        int last = text.length() - 1;
        for (int i = 0; i < last; i++) {
            char c = text.charAt(i);
            char next = text.charAt(i + 1);
            boolean start = switch (c) {
                case '?', '&' -> true;
                case 'g' -> next == 'h' || text.startsWith("github_pat_", i);
                case 's', 'r' -> next == 'k';
                case 'w' -> next == 'h';
                case 'x' -> next == 'o' || next == 'a';
                case 'h' -> next == 'o';
                case 'A' -> next == 'K' || next == 'S' || next == 'I' || next == 'R' || next == 'G' || next == 'N';
                case 'e' -> next == 'y';
                case '-' -> next == '-';
                default -> false;
            };
            if (start) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text} holds a URL whose user-info carries a password: {@code scheme://user:password@host}. */
    public static boolean hasUrlPassword(String text) {
        return "a URL with a password".equals(urlCredential(text));
    }

    /**
     * A URL's user-info holding a password ({@code scheme://user:password@host}) or a key alone
     * ({@code https://<key>@o1.ingest.sentry.io/1}, a DSN). Linear in the text's length: for each
     * {@code ://}, the scheme before it and the user-info after it are scanned up to their first
     * delimiter, which is never past the next {@code ://}.
     */
    private static String urlCredential(String text) {
        for (int at = text.indexOf("://"); at >= 0; at = text.indexOf("://", at + 1)) {
            if (!schemeBefore(text, at)) {
                continue;
            }
            int start = at + 3;
            int i = start;
            int colon = -1;
            while (i < text.length() && !delimiter(text.charAt(i))) {
                if (text.charAt(i) == ':' && colon < 0) {
                    colon = i;
                }
                i++;
            }
            if (i >= text.length() || text.charAt(i) != '@') {
                continue;
            }
            if (colon >= 0 && i > colon + 1) {
                return "a URL with a password";
            }
            if (colon < 0 && i - start >= 16 && alphanumeric(text, start, i)) {
                return "a URL with a key (a DSN)";
            }
        }
        return null;
    }

    /** A scheme ({@code [A-Za-z][A-Za-z0-9+.-]*}) ends at {@code end}: some letter in the run before it. */
    private static boolean schemeBefore(String text, int end) {
        for (int i = end - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (isAsciiLetter(c)) {
                return true;
            }
            if (!(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-') {
                return false;
            }
        }
        return false;
    }

    private static boolean delimiter(char c) {
        return Character.isWhitespace(c) || c == '/' || c == '@' || c == '\u0001';
    }

    private static boolean alphanumeric(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '-' && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean tokenChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=' || c == '_' || c == '-';
    }

    /**
     * A run of token characters that looks random: at least {@value #MIN_HEX} hex digits (such as
     * {@code openssl rand -hex 32}), or at least {@value #MIN_TOKEN} characters mixing upper case,
     * lower case and digits with a Shannon entropy of at least 4 bits a character (base64 and
     * alphanumeric keys). Words, paths, commands and UUIDs do not qualify.
     */
    private static boolean highEntropy(String text) {
        int i = 0;
        while (i < text.length()) {
            if (!tokenChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && tokenChar(text.charAt(i))) {
                i++;
            }
            if (i - start >= MIN_TOKEN && randomLooking(text, start, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean randomLooking(String text, int from, int to) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        int hexRun = 0;
        int longestHex = 0;
        int[] counts = new int[128];
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            counts[c]++;
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            hexRun = hex ? hexRun + 1 : 0;
            longestHex = Math.max(longestHex, hexRun);
        }
        if (longestHex >= MIN_HEX) {
            return true;
        }
        if (!(upper && lower && digit)) {
            return false;
        }
        double length = to - from;
        double entropy = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = count / length;
                entropy -= p * Math.log(p) / Math.log(2);
            }
        }
        return entropy >= MIN_ENTROPY;
    }
}
