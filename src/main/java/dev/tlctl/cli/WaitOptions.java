package dev.tlctl.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --wait [--timeout TIME]}: follow the deployments a command causes until they end. */
final class WaitOptions {
    /** How long a wait lasts by default. */
    static final String DEFAULT_TIMEOUT = "10m";

    @Option(names = "--wait", description = "Wait until the deployments this causes serve; exit 1 if one fails"
            + " (FAILED, CRASHED) or --timeout runs out.")
    boolean wait;

    @Option(names = "--timeout", paramLabel = "TIME", defaultValue = DEFAULT_TIMEOUT,
            description = "How long --wait waits, such as 90s or 20m (default: ${DEFAULT-VALUE}).")
    String timeout;

    /** The wait asked for, or null without --wait; a usage error for a bad or zero --timeout. */
    Duration timeout() {
        Duration parsed;
        try {
            parsed = SandboxCommand.duration("--timeout", timeout);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), null);
        }
        if (parsed.isZero()) {
            throw new CliException(ExitCodes.USAGE, "--timeout must be longer than 0", "Such as --timeout 10m.");
        }
        if (!wait) {
            if (!DEFAULT_TIMEOUT.equals(timeout)) {
                throw new CliException(ExitCodes.USAGE, "--timeout goes with --wait",
                        "Add --wait to follow the deployments, or leave --timeout out.");
            }
            return null;
        }
        return parsed;
    }
}
