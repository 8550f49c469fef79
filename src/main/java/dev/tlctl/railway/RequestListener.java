package dev.tlctl.railway;

import java.time.Duration;

/**
 * Observes the transport's HTTP attempts, for progress, request budgets and tests. Events carry
 * the request (whose {@code toString()} names its variables but not their values), never a token.
 */
public interface RequestListener {
    /** Listens to nothing. */
    RequestListener NONE = new RequestListener() {};

    /** An HTTP attempt is about to be sent; {@code attempt} counts from 1. */
    default void onRequest(GraphQLRequest request, int attempt) {}

    /** An HTTP answer came back, whatever its status. */
    default void onResponse(GraphQLRequest request, int httpStatus, Duration elapsed) {}

    /** Attempt {@code attempt} failed for {@code reason}; the next one follows after {@code wait}. */
    default void onRetry(GraphQLRequest request, int attempt, Duration wait, String reason) {}

    /**
     * The client is about to wait {@code wait} for a reason other than a failed attempt: a
     * creation quota, an object Railway has not made visible yet, a change set still applying.
     * {@code subject} names what is waited for (an address or operation), {@code reason} says why
     * in a few words; neither holds a value or a token. Called before the wait, every time.
     */
    default void onWait(String subject, String reason, Duration wait) {}
}
