package dev.tlctl.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Asks the person at the terminal a question on stderr and reads one line of answer. */
final class Prompt {
    private Prompt() {}

    /**
     * Whether the answer is one of {@code accepted} (case-insensitive, trimmed); false without a
     * terminal, at end of input or on a read error, so that silence never means yes.
     */
    static boolean ask(CliContext context, String question, Set<String> accepted) {
        if (!context.stdinTerminal()) {
            return false;
        }
        context.err().print(question);
        context.err().flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)).readLine();
            return answer != null && accepted.contains(answer.strip().toLowerCase(java.util.Locale.ROOT));
        } catch (IOException e) {
            return false;
        }
    }
}
