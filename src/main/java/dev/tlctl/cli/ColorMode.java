package dev.tlctl.cli;

import java.util.Locale;

/** {@code --color WHEN}: on a terminal only (auto), always (CI logs that render ANSI), or never. */
enum ColorMode {
    AUTO, ALWAYS, NEVER;

    /** Whether to colour, in {@code context}, with {@code --no-color} given or not. */
    boolean colour(CliContext context, boolean noColor) {
        return switch (noColor ? NEVER : this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> context.interactive() && context.getenv("NO_COLOR") == null
                    && !"dumb".equals(context.getenv("TERM"));
        };
    }

    /**
     * The colour of a command line's help and usage errors, decided before picocli parses it: the
     * last of {@code --color WHEN}, {@code --color=WHEN} and {@code --no-color}, else auto.
     */
    static boolean colour(CliContext context, String... args) {
        ColorMode mode = AUTO;
        boolean noColor = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                break;
            }
            String value = arg.startsWith("--color=") ? arg.substring("--color=".length())
                    : arg.equals("--color") && i + 1 < args.length ? args[++i] : null;
            if (arg.equals("--no-color")) {
                noColor = true;
            } else if (value != null) {
                try {
                    mode = valueOf(value.toUpperCase(Locale.ROOT));
                    noColor = false;
                } catch (IllegalArgumentException e) {
                    // picocli reports the bad value as a usage error.
                }
            }
        }
        return mode.colour(context, noColor);
    }
}
