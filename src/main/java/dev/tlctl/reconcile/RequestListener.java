package dev.tlctl.reconcile;

import java.time.Duration;

/**
 * Hears every request a run sends to Railway and every wait, for progress lines, request budgets
 * and tests. Called on the thread that sends; what it throws ends the run as it is.
 */
public interface RequestListener {
    /** Listens to nothing. */
    RequestListener NONE = new RequestListener() {};

    /** An HTTP attempt is about to be sent; {@code attempt} counts from 1. */
    default void onRequest(ApiRequest request, int attempt) {}

    /** An HTTP answer came back, whatever its status. */
    default void onResponse(ApiRequest request, int httpStatus, Duration elapsed) {}

    /** Attempt {@code attempt} failed for {@code reason}; the next one follows after {@code wait}. */
    default void onRetry(ApiRequest request, int attempt, Duration wait, String reason) {}

    /**
     * The run is about to wait {@code wait} for a reason other than a failed attempt (a creation
     * quota, something Railway has not made visible yet); {@code subject} names what is waited for.
     */
    default void onWait(String subject, String reason, Duration wait) {}
}
