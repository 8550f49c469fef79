package dev.tlctl.reconcile;

import dev.tlctl.railway.RateLimitStatus;
import java.util.Optional;

/**
 * What a run has cost against Railway's rate limit so far: HTTP requests sent, retries included,
 * and, when Railway's latest answer said so, how many are left of how many in this window (null
 * when unknown).
 */
public record RequestTally(int count, Long remaining, Long limit) {

    static RequestTally of(int count, Optional<RateLimitStatus> status) {
        return new RequestTally(count, status.map(RateLimitStatus::remaining).orElse(null),
                status.map(RateLimitStatus::limit).orElse(null));
    }
}
