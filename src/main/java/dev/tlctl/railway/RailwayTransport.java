package dev.tlctl.railway;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.sun.net.httpserver.HttpHandler;
import dev.tlctl.railway.RailwayException.Kind;
import dev.tlctl.secret.Secret;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.ConnectionSpec;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends GraphQL documents to Railway and returns their {@code data}: authentication headers,
 * timeouts, retries with backoff for what is safe to retry, rate-limit observation, and errors
 * turned into {@link RailwayException}s. A create whose answer was lost is never sent again here;
 * the layer above reads first and creates only what is missing.
 */
public final class RailwayTransport implements AutoCloseable {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String SECRETS_ATTRIBUTE = RailwayTransport.class.getName() + ".secrets";

    private final ClientConfig config;
    private final OkHttpClient http;
    private final HttpUrl url;
    private final ResponseClassifier classifier;
    /** The mapper of bodies that are not plain (secrets, patches): made on the first such body. */
    private ObjectMapper mapper;
    private final AtomicInteger requestCount = new AtomicInteger();
    private final AtomicReference<RateLimitStatus> lastRateLimit = new AtomicReference<>();

    public RailwayTransport(ClientConfig config) {
        this.config = config;
        this.url = endpointUrl(config);
        this.classifier = new ResponseClassifier(config.credentials());
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        HttpHandler door = InProcessDoors.at(config.endpoint());
        if (door != null) {
            // The last link of the chain: the request goes to the server in this JVM, not to a socket.
            builder.addInterceptor(new InProcessCall(door, RailwayTransport::markSent));
        }
        if ("http".equals(url.scheme())) {
            // Plain HTTP (loopback only, as ClientConfig allows): no TLS set-up, about 100 ms of start-up.
            builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        }
        this.http = builder
                // This layer decides what is retried: okhttp would silently re-send a create.
                .retryOnConnectionFailure(false)
                // A redirect would carry the token elsewhere (okhttp drops only Authorization).
                .followRedirects(false)
                .followSslRedirects(false)
                .callTimeout(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .eventListenerFactory(call -> new SentTracker())
                .build();
    }

    /**
     * Loads the HTTP client's classes and sets up okhttp's platform (which lists every security
     * provider of the JVM: about a third of a transport's construction) in the calling thread, so
     * that a caller on another thread overlaps them with other start-up work. Builds nothing a run
     * then uses; an error here is met again, and reported, where the transport is built.
     */
    public static void warmUp() {
        try {
            new OkHttpClient.Builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
                    .retryOnConnectionFailure(false).build();
            HttpUrl.get("http://127.0.0.1/graphql/v2");
        } catch (RuntimeException | LinkageError e) {
            // met again in the constructor
        }
    }

    private synchronized ObjectMapper mapper() {
        if (mapper == null) {
            mapper = new ObjectMapper().registerModule(new SimpleModule("tlctl-secrets").addSerializer(new SecretSerializer()));
        }
        return mapper;
    }

    public ClientConfig config() {
        return config;
    }

    /** HTTP attempts sent so far, retries included. */
    public int requestCount() {
        return requestCount.get();
    }

    /** The rate-limit headers of the latest answer that carried any. */
    public Optional<RateLimitStatus> lastRateLimit() {
        return Optional.ofNullable(lastRateLimit.get());
    }

    /**
     * Sends {@code request} and returns the answer's {@code data} object.
     *
     * @throws RailwayException when Railway refuses, fails or cannot be reached, after the retries
     *     that are safe
     */
    public JsonNode execute(GraphQLRequest request) {
        List<String> secrets = new ArrayList<>();
        if (config.credentials() != null) {
            secrets.add(config.credentials().token().reveal());
        }
        byte[] body = serialize(request, secrets);
        Redactor redactor = new Redactor(secrets);
        boolean write = request.mutation();
        RetryPolicy policy = config.retryPolicy();
        Duration waited = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            config.listener().onRequest(request, attempt);
            ResponseClassifier.Outcome outcome = attempt(request, write, body, redactor);
            if (outcome.succeeded()) {
                return outcome.data();
            }
            RailwayException.Builder failure = outcome.failure().attempts(attempt);
            if (!outcome.retryable() || attempt >= policy.maxAttempts()) {
                throw failure.build();
            }
            Duration wait = outcome.retryAfter() != null ? outcome.retryAfter() : policy.backoff(attempt, config.random());
            Duration left = policy.maxTotalWait().minus(waited);
            if (wait.compareTo(left) > 0) {
                if (outcome.retryAfter() != null) {
                    long seconds = ResponseClassifier.ceilSeconds(wait);
                    throw failure.retryAfterSeconds(seconds)
                            .hint(Hints.rateLimitedBeyondBudget(seconds, config.clock().instant().plusSeconds(seconds),
                                    Math.max(0, left.getSeconds())))
                            .build();
                }
                throw failure.build();
            }
            config.listener().onRetry(request, attempt, wait, outcome.reason());
            try {
                config.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw RailwayException.builder(Kind.NETWORK, request)
                        .answer("tlctl was interrupted while waiting to retry")
                        .attempts(attempt)
                        .cause(e)
                        .build();
            }
            waited = waited.plus(wait);
        }
    }

    private ResponseClassifier.Outcome attempt(
            GraphQLRequest request, boolean write, byte[] body, Redactor redactor) {
        SentState sent = new SentState();
        Request.Builder builder = new Request.Builder()
                .url(url)
                .post(RequestBody.create(body, JSON))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", "tlctl/" + config.version())
                .header("x-source", "tlctl/" + config.version())
                .tag(SentState.class, sent);
        Credentials credentials = config.credentials();
        if (credentials instanceof Credentials.ProjectAccessToken) {
            builder.header("Project-Access-Token", credentials.token().reveal());
        } else if (credentials instanceof Credentials.BearerToken) {
            builder.header("Authorization", "Bearer " + credentials.token().reveal());
        }
        requestCount.incrementAndGet();
        long started = System.nanoTime();
        int status = 0;
        try (Response response = http.newCall(builder.build()).execute()) {
            status = response.code();
            ResponseBody responseBody = response.body();
            byte[] bytes = BoundedAnswer.read(responseBody, BoundedAnswer.MAX_BYTES);
            config.listener().onResponse(request, status, Duration.ofNanos(System.nanoTime() - started));
            if (bytes == null) {
                // Not tried again: the next answer would be as large. Nothing of it is quoted.
                return ResponseClassifier.Outcome.failure(
                        ResponseClassifier.malformed(request, status, BoundedAnswer.REFUSED, write));
            }
            RateLimitStatus.parse(response::header, config.clock().instant()).ifPresent(lastRateLimit::set);
            ResponseClassifier.Answer answer = new ResponseClassifier.Answer(
                    status, response.message(), response.header("Content-Type"), bytes, response.header("Retry-After"));
            return classifier.classify(request, write, answer, config.clock().instant(), redactor);
        } catch (IOException e) {
            return failure(request, write, e, sent.sent || status != 0, status);
        }
    }

    /** A failed attempt without a complete answer. */
    private ResponseClassifier.Outcome failure(GraphQLRequest request, boolean write, IOException e, boolean sent, int status) {
        String detail = describe(e);
        if (!sent) {
            // Railway never saw it: safe to try again, whatever the request.
            return new ResponseClassifier.Outcome(null,
                    RailwayException.builder(Kind.NETWORK, request)
                            .answer("tlctl could not reach Railway (" + detail + ")")
                            .hint(Hints.network(url.host()))
                            .cause(e),
                    true, null, "connection failed: " + detail);
        }
        boolean interrupted = Thread.currentThread().isInterrupted();
        if (e instanceof InterruptedIOException && !interrupted) {
            long seconds = config.callTimeout().toSeconds();
            String within = seconds > 0 ? seconds + " s" : config.callTimeout().toMillis() + " ms";
            RailwayException.Builder timeout = RailwayException.builder(Kind.TIMEOUT, request)
                    .httpStatus(status)
                    .answer("Railway did not answer within " + within)
                    .outcomeUnknown(write)
                    .hint(write ? Hints.OUTCOME_UNKNOWN : Hints.timeout())
                    .cause(e);
            // Not retried: another attempt could wait as long again.
            return ResponseClassifier.Outcome.failure(timeout);
        }
        RailwayException.Builder dropped = RailwayException.builder(Kind.NETWORK, request)
                .httpStatus(status)
                .answer("the connection to Railway was lost before its answer came (" + detail + ")")
                .outcomeUnknown(write)
                .hint(write ? Hints.OUTCOME_UNKNOWN : Hints.network(url.host()))
                .cause(e);
        return new ResponseClassifier.Outcome(null, dropped, request.retrySafe() && !interrupted, null,
                "connection dropped: " + detail);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private byte[] serialize(GraphQLRequest request, Collection<String> secrets) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", request.document());
        body.put("variables", request.variables());
        if (request.operationName() != null) {
            body.put("operationName", request.operationName());
        }
        byte[] plain = PlainBody.of(body);
        if (plain != null) {
            return plain;
        }
        try {
            return mapper().writer().withAttribute(SECRETS_ATTRIBUTE, secrets).writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            // Jackson's message could quote a value; name only the operation and the kind of failure.
            throw new IllegalArgumentException("The variables of " + request.operation()
                    + " cannot be written as JSON (" + e.getClass().getSimpleName() + ").");
        }
    }

    private static HttpUrl endpointUrl(ClientConfig config) {
        HttpUrl endpoint = HttpUrl.parse(config.endpoint().toString());
        if (endpoint == null) {
            throw new IllegalArgumentException("The Railway API endpoint " + ClientConfig.shown(config.endpoint())
                    + " is not a valid http(s) URL.");
        }
        return endpoint.newBuilder().setQueryParameter("source", "tlctl").build();
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "RailwayTransport[" + ClientConfig.shown(config.endpoint()) + ", "
                + (config.credentials() == null ? "no token" : config.credentials().describe()) + "]";
    }

    /** Whether an attempt's request reached the wire: after that, a lost answer leaves the outcome unknown. */
    private static final class SentState {
        volatile boolean sent;
    }

    private static final class SentTracker extends EventListener {
        @Override
        public void requestHeadersStart(Call call) {
            markSent(call.request());
        }
    }

    private static void markSent(Request request) {
        SentState state = request.tag(SentState.class);
        if (state != null) {
            state.sent = true;
        }
    }

    /** Reveals a secret only into the request body, and notes it so answers can be cleared of it. */
    private static final class SecretSerializer extends StdSerializer<Secret> {
        private static final long serialVersionUID = 1L;

        SecretSerializer() {
            super(Secret.class);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void serialize(Secret secret, JsonGenerator generator, SerializerProvider provider) throws IOException {
            Object sink = provider.getAttribute(SECRETS_ATTRIBUTE);
            if (sink instanceof Collection<?>) {
                ((Collection<String>) sink).add(secret.reveal());
            }
            generator.writeString(secret.reveal());
        }
    }
}
