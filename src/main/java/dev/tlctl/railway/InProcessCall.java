package dev.tlctl.railway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * The end of okhttp's chain for an {@link InProcessDoors in-process} server: the request, as it
 * would go on the wire (method, path and query, headers, body), goes to the server's handler in
 * this thread, and its answer comes back as okhttp's response. A handler that answers nothing
 * (a dropped connection) or fails is an IOException, as a lost connection is.
 */
final class InProcessCall implements Interceptor {
    private final HttpHandler handler;
    private final Consumer<Request> onSent;

    /**
     * {@code onSent} is told of a request once the server has begun reading it: from then, its
     * outcome is unknown.
     */
    InProcessCall(HttpHandler handler, Consumer<Request> onSent) {
        this.handler = handler;
        this.onSent = onSent;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Buffer body = new Buffer();
        Headers headers = new Headers();
        request.headers().forEach(header -> headers.add(header.getFirst(), header.getSecond()));
        if (request.body() != null) {
            request.body().writeTo(body);
            MediaType type = request.body().contentType();
            if (type != null && !headers.containsKey("Content-Type")) {
                headers.set("Content-Type", type.toString());
            }
        }
        headers.set("Host", request.url().host());
        headers.set("Content-Length", Long.toString(body.size()));
        Exchange exchange = new Exchange(request.method(), request.url().uri(), headers, body.readByteArray(),
                () -> onSent.accept(request));
        try {
            handler.handle(exchange);
        } catch (RuntimeException e) {
            throw new IOException("the in-process server failed: " + e.getClass().getSimpleName(), e);
        }
        if (exchange.status == 0) {
            throw new IOException("unexpected end of stream");
        }
        Response.Builder response = new Response.Builder()
                .request(request)
                .protocol(Protocol.HTTP_1_1)
                .code(exchange.status)
                .message("");
        exchange.responseHeaders.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        String contentType = exchange.responseHeaders.getFirst("Content-Type");
        return response.body(ResponseBody.create(exchange.responseBody.toByteArray(),
                contentType == null ? null : MediaType.parse(contentType))).build();
    }

    /** One exchange held in memory: what the handler reads and what it answers. */
    private static final class Exchange extends HttpExchange {
        private final String method;
        private final URI uri;
        private final Headers requestHeaders;
        private InputStream requestBody;
        private final Headers responseHeaders = new Headers();
        private final ByteArrayOutputStream responseBody = new ByteArrayOutputStream();
        private final Map<String, Object> attributes = new HashMap<>();
        private final Runnable onSeen;
        private boolean seen;
        private int status;

        Exchange(String method, URI uri, Headers requestHeaders, byte[] body, Runnable onSeen) {
            this.onSeen = onSeen;
            this.method = method;
            this.uri = uri;
            this.requestHeaders = requestHeaders;
            this.requestBody = new ByteArrayInputStream(body);
        }

        /** The server has the request in hand from its first look at it. */
        private void seen() {
            if (!seen) {
                seen = true;
                onSeen.run();
            }
        }

        @Override
        public Headers getRequestHeaders() {
            seen();
            return requestHeaders;
        }

        @Override
        public Headers getResponseHeaders() {
            return responseHeaders;
        }

        @Override
        public URI getRequestURI() {
            seen();
            return uri;
        }

        @Override
        public String getRequestMethod() {
            seen();
            return method;
        }

        @Override
        public HttpContext getHttpContext() {
            return null;
        }

        @Override
        public void close() {
            // nothing to release: the answer is whatever was written before
        }

        @Override
        public InputStream getRequestBody() {
            seen();
            return requestBody;
        }

        @Override
        public OutputStream getResponseBody() {
            return responseBody;
        }

        @Override
        public void sendResponseHeaders(int code, long length) throws IOException {
            if (status != 0) {
                throw new IOException("headers already sent");
            }
            status = code;
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return InetSocketAddress.createUnresolved("in-process", 0);
        }

        @Override
        public int getResponseCode() {
            return status == 0 ? -1 : status;
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            return InetSocketAddress.createUnresolved(uri.getHost(), 0);
        }

        @Override
        public String getProtocol() {
            return "HTTP/1.1";
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void setStreams(InputStream in, OutputStream out) {
            if (in != null) {
                requestBody = in;
            }
            if (out != null) {
                throw new UnsupportedOperationException("an in-process exchange keeps its own response stream");
            }
        }

        @Override
        public HttpPrincipal getPrincipal() {
            return null;
        }
    }
}
