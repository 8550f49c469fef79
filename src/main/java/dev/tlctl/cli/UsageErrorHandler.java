package dev.tlctl.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Usage errors: one short message, suggestions for a mistyped option or command, exit 64; with
 * {@code --json} (or {@code --output json}) among the arguments, also the JSON error document on stdout (for {@code apply},
 * whose output is JSON Lines, an {@code error} event and the closing {@code result}).
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("tlctl: " + ex.getMessage());
        if (ex instanceof UnmatchedArgumentException unmatched) {
            // Prints "Did you mean: ..." when picocli finds a close match.
            UnmatchedArgumentException.printSuggestions(unmatched, err);
        }
        err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        if (wantsJson(args)) {
            PrintWriter out = cmd.getOut();
            String detail = "Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.";
            if (cmd.getCommandSpec().name().equals("apply")) {
                // apply --json is JSON Lines in every outcome: the error as an event, then the closing result.
                out.println(Json.line(new JsonApplyView.ErrorEvent(Json.FORMAT_VERSION, "error", ExitCodes.USAGE,
                        ex.getMessage(), detail, List.of())));
                out.println(Json.line(JsonApplyView.ResultEvent.failedEarly(ex.getMessage())));
            } else {
                out.println(Json.write(new ErrorHandler.ErrorDocument(Json.FORMAT_VERSION, "error", ExitCodes.USAGE,
                        ex.getMessage(), detail, List.of())));
            }
            out.flush();
        }
        return ExitCodes.USAGE;
    }

    /** {@code --json}, {@code --output json} or {@code --output=json} among the arguments. */
    static boolean wantsJson(String[] args) {
        List<String> all = Arrays.asList(args);
        int output = all.lastIndexOf("--output");
        return all.contains("--json") || all.stream().anyMatch(a -> a.equalsIgnoreCase("--output=json"))
                || output >= 0 && output + 1 < all.size() && all.get(output + 1).equalsIgnoreCase("json");
    }
}
