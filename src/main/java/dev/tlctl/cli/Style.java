package dev.tlctl.cli;

/** ANSI colours for human output, or none: chosen once per invocation. */
final class Style {
    private final boolean on;

    Style(boolean on) {
        this.on = on;
    }

    /** No colour: for Markdown and files. */
    static Style plain() {
        return new Style(false);
    }

    String red(String s) {
        return wrap("31", s);
    }

    String green(String s) {
        return wrap("32", s);
    }

    String yellow(String s) {
        return wrap("33", s);
    }

    String bold(String s) {
        return wrap("1", s);
    }

    String dim(String s) {
        return wrap("2", s);
    }

    private String wrap(String code, String s) {
        return on ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
