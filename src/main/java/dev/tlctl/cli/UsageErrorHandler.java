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
 * {@code --json} among the arguments, also the JSON error document on stdout.
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
        if (Arrays.asList(args).contains("--json")) {
            PrintWriter out = cmd.getOut();
            out.println(Json.write(new ErrorHandler.ErrorDocument(Json.FORMAT_VERSION, "error", ExitCodes.USAGE,
                    ex.getMessage(), "Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.", List.of())));
            out.flush();
        }
        return ExitCodes.USAGE;
    }
}
