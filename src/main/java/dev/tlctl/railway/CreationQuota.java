package dev.tlctl.railway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Railway's creation quotas: one environment per user and one project per workspace every 30
 * seconds, refused inside HTTP 200 with a GraphQL error (API-NOTES section 8; the messages are
 * Railway's, as jamesprnich/terraform-provider-railway's {@code isCreationCooldown} matches them:
 * "creating projects too quickly", "1 project per 30 seconds", "only one environment can be
 * created"). It learns the quota rather than presuming it: tlctl sends its environment creates at
 * once until Railway refuses one in this run, then waits the window out (plus a second), sends
 * that one again ({@link #ATTEMPTS} sends at most) and spaces every later one of the run by the
 * window. The trade-off: on real Railway a run that creates several environments spends one
 * refused request (an error, nothing written) to learn the quota; a run that creates one, or a
 * sandbox without quotas, waits nothing; presuming the quota cost every run 31 s per environment
 * after the first.
 */
final class CreationQuota {
    /** Railway's window when its message names none. */
    static final Duration WINDOW = Duration.ofSeconds(30);
    /** Added to every window: clocks differ, and alchemy spaces project creates 31 s apart. */
    static final Duration MARGIN = Duration.ofSeconds(1);
    /** Sends of one create that meets a quota, the first included. */
    static final int ATTEMPTS = 3;

    private static final Pattern SECONDS = Pattern.compile("(\\d{1,4})\\s*(?:s\\b|sec|second)");

    private final Clock clock;
    private Instant lastEnvironment;
    private boolean environmentRefused;

    CreationQuota(Clock clock) {
        this.clock = clock;
    }

    /** Whether Railway refused a create for its quota. */
    static boolean refused(RailwayException e) {
        String message = e.railwayMessage().toLowerCase(Locale.ROOT);
        return e.kind() == RailwayException.Kind.GRAPHQL && (message.contains("too quickly")
                || message.contains("only one environment can be created") || message.contains("1 project per"));
    }

    /** How long to wait after a refusal: the window the message names (else 30 s), plus the margin. */
    static Duration after(RailwayException e) {
        Matcher m = SECONDS.matcher(e.railwayMessage().toLowerCase(Locale.ROOT));
        Duration window = m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))) : WINDOW;
        return window.plus(MARGIN);
    }

    /**
     * How long to wait before this client's next environment create: zero until Railway refused
     * one in this run, then the rest of the window since the last one created.
     */
    Duration untilNextEnvironment() {
        if (!environmentRefused || lastEnvironment == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), lastEnvironment.plus(WINDOW).plus(MARGIN));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Notes that Railway refused an environment create for its quota: later ones are spaced. */
    void environmentRefused() {
        environmentRefused = true;
    }

    /** Notes that an environment was just created. */
    void environmentCreated() {
        lastEnvironment = clock.instant();
    }
}
