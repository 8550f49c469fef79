package dev.tlctl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Help;

/**
 * Renders a help footer: indented lines are examples (shell), kept whole; lines at the margin are
 * prose, wrapped at word boundaries. An example wider than the help is laid out as a person would:
 * its {@code # comment} on the next line, under the command, and a command still too wide broken
 * after {@code &&} or {@code |}, where the shell reads on to the next line.
 */
final class Examples {
    /** A comment after a command: at least one space, then {@code # }. */
    private static final Pattern COMMENT = Pattern.compile("\\s+#\\s");

    private Examples() {}

    static String render(Help help) {
        StringBuilder out = new StringBuilder();
        for (String raw : help.commandSpec().usageMessage().footer()) {
            for (String line : String.format(raw).split("\n", -1)) {
                layOut(line, help.commandSpec().usageMessage().width(), out);
            }
        }
        return out.toString();
    }

    static void layOut(String line, int width, StringBuilder out) {
        if (line.isBlank() || !Character.isWhitespace(line.charAt(0))) {
            out.append(wrap(line, width)).append('\n');
            return;
        }
        if (line.length() <= width) {
            out.append(line).append('\n');
            return;
        }
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        String body = line.strip();
        String command = body;
        String comment = null;
        Matcher m = COMMENT.matcher(body);
        if (!body.startsWith("#") && m.find()) {
            command = body.substring(0, m.start());
            comment = body.substring(m.end());
        } else if (body.startsWith("#")) {
            command = null;
            comment = body.substring(1).strip();
        }
        if (command != null) {
            List<String> parts = breakCommand(command, width - indent.length());
            for (int i = 0; i < parts.size(); i++) {
                out.append(indent).append(i == 0 ? "" : "  ").append(parts.get(i)).append('\n');
            }
        }
        if (comment != null) {
            String commentIndent = command == null ? indent : indent + "    ";
            for (String part : wrap(comment, width - commentIndent.length() - 2).split("\n")) {
                out.append(commentIndent).append("# ").append(part).append('\n');
            }
        }
    }

    /** The command in lines that fit, broken only after {@code &&} or {@code |}. */
    private static List<String> breakCommand(String command, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String piece : pieces(command)) {
            if (current.length() > 0 && current.length() + 1 + piece.length() > width) {
                lines.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() > 0 ? " " : "").append(piece);
        }
        lines.add(current.toString());
        return lines;
    }

    /** The command split after each {@code &&} and {@code |} outside quotes: where the shell reads on. */
    private static List<String> pieces(String command) {
        List<String> pieces = new ArrayList<>();
        char quote = 0;
        int start = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ' ' && i > start && (command.startsWith(" && ", i - 3) || command.startsWith(" | ", i - 2))) {
                pieces.add(command.substring(start, i));
                start = i + 1;
            }
        }
        pieces.add(command.substring(start));
        return pieces;
    }

    /** Prose wrapped at word boundaries to {@code width} columns (a longer word stays whole). */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (String word : text.split(" ")) {
            if (column > 0 && column + 1 + word.length() > width) {
                out.append('\n');
                column = 0;
            } else if (column > 0) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
        }
        return out.toString();
    }
}
