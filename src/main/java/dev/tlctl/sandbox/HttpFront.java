package dev.tlctl.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP side: {@code POST /graphql/v2} (count, rate-limit, inject faults, execute) and the
 * two unauthenticated endpoints {@code GET /_sandbox/stats} and {@code POST /_sandbox/reset}.
 * A malformed request gets a clear 4xx with a JSON errors document, never a stack trace.
 */
final class HttpFront {
    static final String GRAPHQL_PATH = "/graphql/v2";
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    private static final long MAX_DRAIN_BYTES = 64L * 1024 * 1024;
    private static final String JSON = "application/json; charset=utf-8";

    private final Sandbox sandbox;
    private final Store store;
    /** The engine, built on first use (it may still be building in the background when the server starts). */
    private final java.util.function.Supplier<GraphqlEngine> engine;
    private final Stats stats;
    private final RateLimiter limiter;
    private final Faults faults;

    HttpFront(Sandbox sandbox, Store store, java.util.function.Supplier<GraphqlEngine> engine, Stats stats,
            RateLimiter limiter, Faults faults) {
        this.sandbox = sandbox;
        this.store = store;
        this.engine = engine;
        this.stats = stats;
        this.limiter = limiter;
        this.faults = faults;
    }

    /**
     * One GraphQL request, parsed as far as it goes; {@code status} non-zero: refuse it with that
     * status; {@code direct} the document when {@link DirectAnswer} may answer it (else null).
     */
    record Incoming(int status, String problem, String query, String operationName,
                    Map<String, Object> variables, boolean mutation, Set<String> rootFields,
                    DirectDocuments.Document direct) {}

    void graphql(HttpExchange exchange) {
        try {
            serveGraphql(exchange);
        } catch (Exception e) {
            trySend(exchange, 500, errors("tlctl sandbox internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        } finally {
            exchange.close();
        }
    }

    private void serveGraphql(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(GRAPHQL_PATH)) {
            send(exchange, 404, errors("Not found: the GraphQL endpoint is POST " + GRAPHQL_PATH));
            return;
        }
        Incoming incoming = read(exchange);
        stats.record(incoming.operationName(), incoming.mutation(), incoming.rootFields());

        String bearer = bearer(exchange.getRequestHeaders().getFirst("Authorization"));
        String projectToken = blankToNull(exchange.getRequestHeaders().getFirst("Project-Access-Token"));
        RateLimiter.Verdict verdict = limiter.acquire(
                projectToken != null ? "project:" + projectToken : bearer != null ? "bearer:" + bearer : "(none)");
        var headers = exchange.getResponseHeaders();
        headers.set("X-RateLimit-Limit", Integer.toString(verdict.limit()));
        headers.set("X-RateLimit-Remaining", Integer.toString(verdict.remaining()));
        headers.set("X-RateLimit-Reset", Long.toString(verdict.resetEpochSeconds()));
        if (!verdict.allowed()) {
            headers.set("Retry-After", Long.toString(verdict.retryAfterSeconds()));
            send(exchange, 429, errors("Rate limit exceeded. Retry after " + verdict.retryAfterSeconds() + " seconds."));
            return;
        }
        if (incoming.status() != 0) {
            if (incoming.status() == 405) {
                headers.set("Allow", "POST");
            }
            send(exchange, incoming.status(), errors(incoming.problem()));
            return;
        }

        Set<String> names = new LinkedHashSet<>(incoming.rootFields());
        if (incoming.operationName() != null) {
            names.add(incoming.operationName());
        }
        Faults.Decision decision = faults.decide(names);
        if (decision.latencyMillis() > 0) {
            try {
                Thread.sleep(decision.latencyMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Faults.Action action = decision.action();
        if (action != null) {
            switch (action.kind()) {
                case DROP:
                    return; // the finally block closes the connection: no status line at all
                case ERROR:
                    Map<String, Object> injected = new java.util.LinkedHashMap<>();
                    injected.put("errors", List.of(Map.of("message", "tlctl sandbox fault: injected error",
                            "extensions", Map.of("code", SandboxException.INTERNAL_SERVER_ERROR))));
                    injected.put("data", null);
                    send(exchange, 200, Json.MAPPER.writeValueAsBytes(injected));
                    return;
                case STATUS:
                    if (action.status() == 429) {
                        headers.set("Retry-After", "1");
                    }
                    sendText(exchange, action.status(), "tlctl sandbox fault: HTTP " + action.status() + "\n");
                    return;
                case LOST:
                default:
                    break;
            }
        }
        byte[] response = incoming.direct() == null ? null
                : DirectAnswer.answer(store, incoming.direct(), bearer, projectToken, incoming.variables());
        if (response == null) {
            response = engine.get().execute(store, bearer, projectToken, incoming.query(),
                    incoming.operationName(), incoming.variables());
        }
        if (action != null && action.kind() == Faults.Kind.LOST) {
            return; // executed and saved; the answer is lost with the connection
        }
        send(exchange, 200, response);
    }

    private Incoming read(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equalsIgnoreCase("POST")) {
            return refused(405, "Use POST " + GRAPHQL_PATH + " with a JSON body {\"query\": ..., \"variables\": ...}");
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                // Read the rest (up to a bound) so that closing the connection cannot reset it
                // before the client has read the 413.
                drain(in, MAX_DRAIN_BYTES);
                return refused(413, "The request body is larger than " + MAX_BODY_BYTES + " bytes");
            }
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            return refused(415, "Content-Type must be application/json, not " + contentType);
        }
        Map<?, ?> request;
        try {
            Object parsed = Json.MAPPER.readValue(body, Object.class);
            if (!(parsed instanceof Map<?, ?> map)) {
                return refused(400, "The body must be a JSON object {\"query\": ..., \"variables\": ...}");
            }
            request = map;
        } catch (JsonProcessingException e) {
            return refused(400, "The body is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(request.get("query") instanceof String query) || query.isBlank()) {
            return refused(400, "The body has no \"query\" string");
        }
        Object variables = request.get("variables");
        if (variables != null && !(variables instanceof Map)) {
            return refused(400, "\"variables\" must be a JSON object");
        }
        Object operationName = request.get("operationName");
        if (operationName != null && !(operationName instanceof String)) {
            return refused(400, "\"operationName\" must be a string");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> variableMap = (Map<String, Object>) variables;
        return describe(query, (String) operationName, variableMap);
    }

    /**
     * The operation's name, kind and root fields, as far as the document parses (for stats and
     * faults); a {@link DirectDocuments direct document}'s are known without a parse.
     */
    static Incoming describe(String query, String operationName, Map<String, Object> variables) {
        DirectDocuments.Document direct = DirectDocuments.find(query);
        if (direct != null && (operationName == null || operationName.equals(direct.name()))) {
            return new Incoming(0, null, query, direct.name(), variables, false, direct.rootFields(), direct);
        }
        return parse(query, operationName, variables);
    }

    /** {@link #describe} from graphql-java's parse of the document. */
    static Incoming parse(String query, String operationName, Map<String, Object> variables) {
        boolean mutation = false;
        String name = operationName;
        Set<String> fields = new LinkedHashSet<>();
        try {
            Document document = DocumentCache.parsed(query);
            OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).stream()
                    .filter(o -> operationName == null || operationName.equals(o.getName()))
                    .findFirst().orElse(null);
            if (operation != null) {
                mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
                if (name == null) {
                    name = operation.getName();
                }
                collect(document, operation.getSelectionSet(), fields, 0);
            }
        } catch (RuntimeException e) {
            // a syntax error: GraphQL execution reports it
        }
        return new Incoming(0, null, query, name, variables, mutation, fields, null);
    }

    private static void collect(Document document, SelectionSet selectionSet, Set<String> fields, int depth) {
        if (selectionSet == null || depth > 10) {
            return;
        }
        for (Selection<?> selection : selectionSet.getSelections()) {
            if (selection instanceof Field field) {
                if (!field.getName().startsWith("__")) {
                    fields.add(field.getName());
                }
            } else if (selection instanceof InlineFragment inline) {
                collect(document, inline.getSelectionSet(), fields, depth + 1);
            } else if (selection instanceof FragmentSpread spread) {
                document.getDefinitionsOfType(FragmentDefinition.class).stream()
                        .filter(f -> f.getName().equals(spread.getName())).findFirst()
                        .ifPresent(f -> collect(document, f.getSelectionSet(), fields, depth + 1));
            }
        }
    }

    private static Incoming refused(int status, String problem) {
        return new Incoming(status, problem, null, null, null, false, Set.of(), null);
    }

    void admin(HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            if (path.equals("/_sandbox/stats")) {
                if (!method.equals("GET")) {
                    exchange.getResponseHeaders().set("Allow", "GET");
                    send(exchange, 405, errors("Use GET /_sandbox/stats"));
                } else {
                    send(exchange, 200, Json.MAPPER.writeValueAsBytes(sandbox.stats().toJson()));
                }
            } else if (path.equals("/_sandbox/reset")) {
                if (!method.equals("POST")) {
                    exchange.getResponseHeaders().set("Allow", "POST");
                    send(exchange, 405, errors("Use POST /_sandbox/reset"));
                } else {
                    sandbox.reset();
                    send(exchange, 200, Json.MAPPER.writeValueAsBytes(Map.of("reset", true)));
                }
            } else {
                send(exchange, 404, errors("Not found: the sandbox serves POST " + GRAPHQL_PATH
                        + ", GET /_sandbox/stats and POST /_sandbox/reset"));
            }
        } catch (Exception e) {
            trySend(exchange, 500, errors("tlctl sandbox internal error: " + e.getClass().getSimpleName()));
        } finally {
            exchange.close();
        }
    }

    static byte[] errors(String message) {
        try {
            return Json.MAPPER.writeValueAsBytes(Map.of("errors", List.of(Map.of("message", message))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", JSON);
        write(exchange, status, body);
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        write(exchange, status, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void trySend(HttpExchange exchange, int status, byte[] body) {
        try {
            send(exchange, status, body);
        } catch (IOException | RuntimeException ignored) {
            // the headers were already sent, or the client is gone
        }
    }

    private static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return blankToNull(value.substring(7).trim());
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void drain(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while (total < limit && (read = in.read(buffer)) >= 0) {
            total += read;
        }
    }
}
