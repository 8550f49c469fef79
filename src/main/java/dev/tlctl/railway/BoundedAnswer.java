package dev.tlctl.railway;

import java.io.IOException;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * An answer's body read up to a limit, so that a server or proxy that sends without end (or
 * announces gigabytes) costs tlctl a bounded amount of memory and a clear error, not the whole
 * heap. The project read of 50 services x 10 environments x 200 variables answers 5.8 MB; the
 * limit, {@value #MAX_BYTES} bytes (128 MiB), is 20 times that.
 */
final class BoundedAnswer {
    static final long MAX_BYTES = 128L * 1024 * 1024;
    /** What a refused answer's error says. */
    static final String REFUSED = "an answer larger than " + (MAX_BYTES >> 20) + " MiB, tlctl's limit for one answer"
            + " (its largest project reads are a few MB); tlctl stopped reading it";

    private BoundedAnswer() {}

    /** The body's bytes, or null when it holds more than {@code max} bytes (read no further than {@code max} and one). */
    static byte[] read(ResponseBody body, long max) throws IOException {
        if (body.contentLength() > max) {
            return null;
        }
        BufferedSource source = body.source();
        if (source.request(max + 1)) {
            return null;
        }
        return source.readByteArray();
    }
}
