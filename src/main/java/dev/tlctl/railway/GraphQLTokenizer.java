package dev.tlctl.railway;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an executable GraphQL document into tokens (GraphQL spec, section 2.1). Comments,
 * white space and the byte-order mark are dropped; commas are kept so that a recomposed document
 * reads like its source. A string is one token holding its source text, so nothing inside it is
 * ever taken for a variable or a brace.
 */
final class GraphQLTokenizer {
    enum Kind { PUNCTUATOR, NAME, NUMBER, STRING, COMMA }

    /** A token with its exact source text and where it starts (1-based). */
    record Token(Kind kind, String text, int line, int column) {
        boolean is(String punctuatorOrName) {
            return (kind == Kind.PUNCTUATOR || kind == Kind.NAME) && text.equals(punctuatorOrName);
        }

        String where() {
            return "line " + line + ", column " + column;
        }
    }

    private final String source;
    private final String documentName;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int line = 1;
    private int lineStart;

    private GraphQLTokenizer(String source, String documentName) {
        this.source = source;
        this.documentName = documentName;
    }

    /** The tokens of {@code source}; {@code documentName} only names it in errors. */
    static List<Token> tokenize(String source, String documentName) {
        GraphQLTokenizer tokenizer = new GraphQLTokenizer(source, documentName);
        tokenizer.run();
        return List.copyOf(tokenizer.tokens);
    }

    private void run() {
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (c == '\uFEFF' || c == ' ' || c == '\t') {
                pos++;
            } else if (c == '\n') {
                newLine(pos + 1);
            } else if (c == '\r') {
                newLine(pos + 1 < source.length() && source.charAt(pos + 1) == '\n' ? pos + 2 : pos + 1);
            } else if (c == '#') {
                while (pos < source.length() && source.charAt(pos) != '\n' && source.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (c == ',') {
                add(Kind.COMMA, pos, pos + 1);
            } else if ("!$&()[]{}:=@|".indexOf(c) >= 0) {
                add(Kind.PUNCTUATOR, pos, pos + 1);
            } else if (c == '.') {
                if (!source.startsWith("...", pos)) {
                    throw error("a lone '.' (only '...' is valid)", pos);
                }
                add(Kind.PUNCTUATOR, pos, pos + 3);
            } else if (isNameStart(c)) {
                int end = pos + 1;
                while (end < source.length() && isNameContinue(source.charAt(end))) {
                    end++;
                }
                add(Kind.NAME, pos, end);
            } else if (c == '-' || isDigit(c)) {
                number();
            } else if (c == '"') {
                if (source.startsWith("\"\"\"", pos)) {
                    blockString();
                } else {
                    string();
                }
            } else {
                throw error("unexpected character " + describe(c), pos);
            }
        }
    }

    private void number() {
        int start = pos;
        int end = pos;
        if (source.charAt(end) == '-') {
            end++;
        }
        int digits = end;
        while (end < source.length() && isDigit(source.charAt(end))) {
            end++;
        }
        if (end == digits) {
            throw error("a '-' not followed by a digit", start);
        }
        if (end < source.length() && source.charAt(end) == '.') {
            end++;
            int fraction = end;
            while (end < source.length() && isDigit(source.charAt(end))) {
                end++;
            }
            if (end == fraction) {
                throw error("a number with no digit after '.'", start);
            }
        }
        if (end < source.length() && (source.charAt(end) == 'e' || source.charAt(end) == 'E')) {
            end++;
            if (end < source.length() && (source.charAt(end) == '+' || source.charAt(end) == '-')) {
                end++;
            }
            int exponent = end;
            while (end < source.length() && isDigit(source.charAt(end))) {
                end++;
            }
            if (end == exponent) {
                throw error("a number with no digit in its exponent", start);
            }
        }
        if (end < source.length() && (isNameStart(source.charAt(end)) || source.charAt(end) == '.')) {
            throw error("a number directly followed by " + describe(source.charAt(end)), start);
        }
        add(Kind.NUMBER, start, end);
    }

    private void string() {
        int start = pos;
        int end = pos + 1;
        while (true) {
            if (end >= source.length() || source.charAt(end) == '\n' || source.charAt(end) == '\r') {
                throw error("an unterminated string", start);
            }
            char c = source.charAt(end);
            if (c == '\\') {
                end += 2;
            } else if (c == '"') {
                add(Kind.STRING, start, end + 1);
                return;
            } else {
                end++;
            }
        }
    }

    private void blockString() {
        int start = pos;
        int startLine = line;
        int startLineStart = lineStart;
        int end = pos + 3;
        while (true) {
            if (end >= source.length()) {
                line = startLine;
                lineStart = startLineStart;
                throw error("an unterminated block string", start);
            }
            if (source.startsWith("\\\"\"\"", end)) {
                end += 4;
            } else if (source.startsWith("\"\"\"", end)) {
                tokens.add(new Token(Kind.STRING, source.substring(start, end + 3), startLine, start - startLineStart + 1));
                pos = end + 3;
                return;
            } else {
                char c = source.charAt(end);
                if (c == '\n' || c == '\r' && !(end + 1 < source.length() && source.charAt(end + 1) == '\n')) {
                    line++;
                    lineStart = end + 1;
                }
                end++;
            }
        }
    }

    private void add(Kind kind, int start, int end) {
        tokens.add(new Token(kind, source.substring(start, end), line, start - lineStart + 1));
        pos = end;
    }

    private void newLine(int next) {
        pos = next;
        line++;
        lineStart = next;
    }

    private IllegalArgumentException error(String what, int at) {
        return new IllegalArgumentException(
                "The GraphQL document " + documentName + " has " + what + " at line " + line + ", column "
                        + (at - lineStart + 1) + ".");
    }

    private static String describe(char c) {
        return c < 0x20 || c > 0x7e ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    private static boolean isNameStart(char c) {
        return c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean isNameContinue(char c) {
        return isNameStart(c) || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
