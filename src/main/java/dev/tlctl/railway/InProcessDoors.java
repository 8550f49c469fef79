package dev.tlctl.railway;

import com.sun.net.httpserver.HttpHandler;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Servers answering inside this JVM (the embedded sandbox of {@code --sandbox}), each behind a URL
 * of its own that no network resolves: a transport made for such a URL hands every request to the
 * server's {@link HttpHandler} instead of a socket, and nothing leaves the process. Everything
 * else a transport does (headers, retries, classification, redaction) is the same.
 */
public final class InProcessDoors {
    private static final Map<URI, HttpHandler> OPEN = new ConcurrentHashMap<>();
    private static final AtomicInteger OPENED = new AtomicInteger();

    private InProcessDoors() {}

    /**
     * A new URL ({@code http://sandbox-<n>.in-process.invalid/graphql/v2}: {@code .invalid} never
     * resolves) whose requests {@code handler} answers until {@link #close}.
     */
    public static URI open(HttpHandler handler) {
        URI url = URI.create("http://sandbox-" + OPENED.incrementAndGet() + ".in-process.invalid/graphql/v2");
        OPEN.put(url, Objects.requireNonNull(handler, "handler"));
        return url;
    }

    /** Forgets the door at {@code url}; a transport made for it afterwards finds no server. */
    public static void close(URI url) {
        OPEN.remove(url);
    }

    /** The handler behind {@code url}, or null when it is no open door. */
    static HttpHandler at(URI url) {
        return OPEN.get(url);
    }
}
