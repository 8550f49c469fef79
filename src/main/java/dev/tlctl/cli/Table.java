package dev.tlctl.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An aligned text table for people, or a Markdown one for a pull-request comment or a CI job
 * summary. Cells come from Railway and may hold anything: control characters are escaped (never
 * sent to a terminal), and for people a value is cut at {@link #WIDTH} characters (not the last
 * column, which explains).
 */
final class Table {
    /** The widest cell shown to people; JSON carries whole values. */
    static final int WIDTH = 60;

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = List.of(headers);
    }

    Table row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + headers.size() + " columns");
        }
        List<String> row = new ArrayList<>();
        for (String cell : cells) {
            row.add(cell == null ? "" : cell);
        }
        rows.add(row);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Prints the table with {@code indent} before each line; the last column is not padded. */
    void print(PrintStream out, String indent, Style style) {
        List<List<String>> shown = new ArrayList<>();
        shown.add(headers);
        // Values are cut; the last column, the reader's explanation, is not.
        rows.forEach(r -> {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                cells.add(i == r.size() - 1 ? Printable.of(r.get(i)) : forPeople(r.get(i)));
            }
            shown.add(cells);
        });
        int[] widths = new int[headers.size()];
        for (List<String> row : shown) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (int r = 0; r < shown.size(); r++) {
            StringBuilder line = new StringBuilder(indent);
            List<String> row = shown.get(r);
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                boolean last = i == row.size() - 1;
                line.append(last ? cell : pad(cell, widths[i]));
                if (!last) {
                    line.append("  ");
                }
            }
            String text = line.toString().stripTrailing();
            out.println(r == 0 ? style.dim(text) : text);
        }
    }

    /** The table in GitHub-flavoured Markdown. */
    String markdown() {
        StringBuilder text = new StringBuilder();
        text.append(markdownRow(headers));
        text.append("|").append("---|".repeat(headers.size())).append('\n');
        rows.forEach(r -> text.append(markdownRow(r)));
        return text.toString();
    }

    private static String markdownRow(List<String> cells) {
        StringBuilder line = new StringBuilder("|");
        for (String cell : cells) {
            line.append(' ').append(markdownCell(cell)).append(" |");
        }
        return line.append('\n').toString();
    }

    /**
     * Escapes what would break a Markdown table or inject markup, and neutralises {@code @name}
     * mentions (a zero-width space after the {@code @}: a pull-request comment pings nobody).
     */
    static String markdownCell(String cell) {
        String safe = Printable.of(cell).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
                .replace(">", "&gt;").replace("`", "\\`").replace("*", "\\*").replace("_", "\\_")
                .replace("[", "\\[").replace("]", "\\]").replace("@", "@&#8203;");
        return safe;
    }

    private static String forPeople(String cell) {
        String safe = Printable.of(cell);
        return safe.length() > WIDTH ? safe.substring(0, WIDTH - 1) + "…" : safe;
    }

    private static String pad(String cell, int width) {
        return cell.length() >= width ? cell : cell + " ".repeat(width - cell.length());
    }
}
