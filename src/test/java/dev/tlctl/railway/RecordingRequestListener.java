package dev.tlctl.railway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Keeps every attempt, answer and retry the transport reports, and every document it sent. */
public final class RecordingRequestListener implements RequestListener {
    private final List<String> events = new ArrayList<>();
    private final List<String> documents = new ArrayList<>();
    private final List<Duration> waits = new ArrayList<>();
    private final List<String> announced = new ArrayList<>();

    @Override
    public synchronized void onRequest(GraphQLRequest request, int attempt) {
        documents.add(request.document());
        events.add("request " + request + " attempt " + attempt);
    }

    @Override
    public synchronized void onResponse(GraphQLRequest request, int httpStatus, Duration elapsed) {
        events.add("response " + request + " HTTP " + httpStatus);
    }

    @Override
    public synchronized void onRetry(GraphQLRequest request, int attempt, Duration wait, String reason) {
        waits.add(wait);
        events.add("retry " + request + " after attempt " + attempt + " in " + wait + ": " + reason);
    }

    @Override
    public synchronized void onWait(String subject, String reason, Duration wait) {
        announced.add(subject + ": " + reason + " (" + (wait.toMillis() + 999) / 1000 + " s)");
        events.add("wait " + wait + " for " + subject + ": " + reason);
    }

    /** Every wait announced with onWait (quotas, eventual consistency, polling), as {@code subject: reason (N s)}, N rounded up. */
    public synchronized List<String> announcedWaits() {
        return List.copyOf(announced);
    }

    /** Forgets what was recorded so far (to look at one command of a scene). */
    public synchronized void clear() {
        events.clear();
        documents.clear();
        waits.clear();
        announced.clear();
    }

    /** Every document sent, once per HTTP attempt. */
    public synchronized List<String> documents() {
        return List.copyOf(documents);
    }

    /** Every event as text, in order. */
    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    /** The waits announced before retries. */
    public synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }
}
