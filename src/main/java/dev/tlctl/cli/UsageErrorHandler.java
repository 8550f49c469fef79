package dev.tlctl.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Usage errors: one short message, suggestions for a mistyped option or command, exit 64. */
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
        return ExitCodes.USAGE;
    }
}
