package dev.tlctl.railway;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Railway's refusal to redeploy an instance whose deployment is still building ("Cannot redeploy
 * yet, please wait for the original deployment to finish building", API-NOTES section 8): the
 * refused write changed nothing, so it is sent again once the build had time to end, on a bounded
 * schedule, each wait announced with the reason. Only a request that writes one thing is sent
 * again this way: a refusal nulls the whole answer of a batch, hiding what its other parts did.
 */
final class Building {
    /** Railway's words, in lower case. */
    static final String WORDS = "cannot redeploy yet";

    /** The waits before each new attempt: 5 minutes in all (builds take minutes). */
    static final List<Duration> SCHEDULE = List.of(Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(60),
            Duration.ofSeconds(60), Duration.ofSeconds(60));

    static final String REASON = "a deployment of it is still building, and Railway refuses to redeploy until the"
            + " build ends (\"Cannot redeploy yet\")";

    private Building() {}

    /** Whether Railway refused because a deployment is still building. */
    static boolean refused(RailwayException e) {
        return e.kind() == RailwayException.Kind.GRAPHQL && e.errors().stream()
                .anyMatch(error -> error.message() != null && error.message().toLowerCase(Locale.ROOT).contains(WORDS));
    }

    /**
     * Runs {@code call}, and again after each wait of {@link #SCHEDULE} while Railway refuses it
     * because a deployment of {@code subject} is building; the last refusal is thrown.
     */
    static <T> T retrying(Waits waits, String subject, Supplier<T> call) {
        return retrying(waits, subject, refusal -> { }, call);
    }

    /**
     * The same, with {@code beforeAgain} run after each wait and before the call is sent again (it
     * may throw to stop: a guard that no longer holds).
     */
    static <T> T retrying(Waits waits, String subject, java.util.function.Consumer<RailwayException> beforeAgain,
            Supplier<T> call) {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.get();
            } catch (RailwayException e) {
                if (!refused(e) || attempt >= SCHEDULE.size()) {
                    throw e;
                }
                waits.sleep(subject, REASON, SCHEDULE.get(attempt));
                beforeAgain.accept(e);
            }
        }
    }
}
