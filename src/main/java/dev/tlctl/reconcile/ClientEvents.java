package dev.tlctl.reconcile;

import dev.tlctl.railway.GraphQLRequest;
import java.time.Duration;

/** The client's request events, told to a {@link RequestListener} in this package's terms. */
final class ClientEvents implements dev.tlctl.railway.RequestListener {
    private final RequestListener listener;

    ClientEvents(RequestListener listener) {
        this.listener = listener;
    }

    /** A request as listeners see it. */
    static ApiRequest of(GraphQLRequest request) {
        return new ApiRequest(request.operation(), request.action(), request.document(), request.mutation(),
                request.variables());
    }

    @Override
    public void onRequest(GraphQLRequest request, int attempt) {
        listener.onRequest(of(request), attempt);
    }

    @Override
    public void onResponse(GraphQLRequest request, int httpStatus, Duration elapsed) {
        listener.onResponse(of(request), httpStatus, elapsed);
    }

    @Override
    public void onRetry(GraphQLRequest request, int attempt, Duration wait, String reason) {
        listener.onRetry(of(request), attempt, wait, reason);
    }

    @Override
    public void onWait(String subject, String reason, Duration wait) {
        listener.onWait(subject, reason, wait);
    }
}
