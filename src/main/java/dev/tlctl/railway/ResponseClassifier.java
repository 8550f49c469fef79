package dev.tlctl.railway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.railway.RailwayException.GraphQLError;
import dev.tlctl.railway.RailwayException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns one HTTP answer into the {@code data} object or a failure, the way Railway's CLI reads
 * them: any GraphQL {@code errors} entry fails the call; "not authorized" and "project token not
 * found" are auth failures; "Two Factor Authentication Required" names the workspace.
 */
final class ResponseClassifier {
    /** The most of a non-2xx, non-JSON body quoted in a message. */
    static final int EXCERPT_CHARS = 200;

    /** Either {@code data} or a failure, with whether and when the failure may be retried. */
    record Outcome(JsonNode data, RailwayException.Builder failure, boolean retryable, Duration retryAfter, String reason) {
        static Outcome success(JsonNode data) {
            return new Outcome(data, null, false, null, null);
        }

        static Outcome failure(RailwayException.Builder failure) {
            return new Outcome(null, failure, false, null, null);
        }

        boolean succeeded() {
            return failure == null;
        }
    }

    /** The facts of one HTTP answer. */
    record Answer(int status, String reasonPhrase, String contentType, byte[] body, String retryAfter) {}

    private final AnswerReader answers;
    private final Credentials credentials;

    ResponseClassifier(Credentials credentials) {
        this.answers = new AnswerReader();
        this.credentials = credentials;
    }

    Outcome classify(GraphQLRequest request, boolean write, Answer answer, Instant now, Redactor redactor) {
        int status = answer.status();
        JsonNode json = parse(answer.body(), !request.mutation());
        List<GraphQLError> errors = errors(json, redactor);
        String words = errors.isEmpty() ? wordsOf(json, answer, redactor) : joined(errors);

        if (status == 429) {
            Duration wait = retryAfter(answer.retryAfter(), now);
            Long seconds = wait == null ? null : ceilSeconds(wait);
            RailwayException.Builder failure = RailwayException.builder(Kind.RATE_LIMITED, request)
                    .httpStatus(status)
                    .railwayMessage(words)
                    .answer("Railway refused the request: too many requests")
                    .retryAfterSeconds(seconds)
                    .hint(Hints.rateLimited(seconds, seconds == null ? null : now.plusSeconds(seconds)))
                    .errors(errors);
            // Railway did not process a rate-limited request: retrying is safe for every request.
            return new Outcome(null, failure, true, wait,
                    "HTTP 429 (rate limited" + (seconds == null ? ")" : ", Retry-After " + seconds + " s)"));
        }
        if (status >= 500) {
            RailwayException.Builder failure = RailwayException.builder(Kind.HTTP, request)
                    .httpStatus(status)
                    .railwayMessage(words)
                    .answer("Railway failed with a server error")
                    .errors(errors)
                    .outcomeUnknown(write);
            if (write) {
                failure.hint(Hints.OUTCOME_UNKNOWN);
            }
            return new Outcome(null, failure, request.retrySafe(), null, "HTTP " + status);
        }
        if (!errors.isEmpty()) {
            return Outcome.failure(graphQLFailure(request, status, json, errors));
        }
        if (status == 401 || status == 403) {
            return Outcome.failure(RailwayException.builder(Kind.AUTH, request)
                    .httpStatus(status)
                    .railwayMessage(words)
                    .answer("Railway refused the credentials")
                    .hint(Hints.auth(credentials, false)));
        }
        if (status < 200 || status > 299) {
            String hint = status >= 300 && status < 400
                    ? "tlctl does not follow redirects, so that a token is never sent elsewhere: check the API URL."
                    : null;
            return Outcome.failure(RailwayException.builder(Kind.HTTP, request)
                    .httpStatus(status)
                    .railwayMessage(words)
                    .answer("Railway refused the request")
                    .hint(hint));
        }
        if (json == null) {
            String what = answer.body().length == 0
                    ? "Railway sent an empty answer"
                    : "Railway sent an answer that is not JSON (" + describeContentType(answer.contentType()) + ", "
                            + answer.body().length + " bytes)";
            return Outcome.failure(malformed(request, status, what, write));
        }
        JsonNode data = json.get("data");
        if (data == null || !data.isObject()) {
            return Outcome.failure(malformed(request, status,
                    "Railway sent JSON with neither a data object nor errors", write));
        }
        return Outcome.success(data);
    }

    private RailwayException.Builder graphQLFailure(GraphQLRequest request, int status, JsonNode json, List<GraphQLError> errors) {
        JsonNode data = json.get("data");
        JsonNode partial = data != null && data.isObject() ? data : null;
        String words = joined(errors);
        JsonNode rawErrors = json.get("errors");
        for (int i = 0; i < errors.size(); i++) {
            String message = errors.get(i).message().toLowerCase(Locale.ROOT);
            if (message.contains("two factor authentication required")) {
                JsonNode workspace = rawErrors.get(i).path("extensions").path("workspaceName");
                return RailwayException.builder(Kind.TWO_FACTOR, request)
                        .httpStatus(status).railwayMessage(words).errors(errors).partialData(partial)
                        .hint(Hints.twoFactor(workspace.isTextual() ? workspace.asText() : null));
            }
        }
        for (GraphQLError error : errors) {
            if (error.message().toLowerCase(Locale.ROOT).contains("project token not found")) {
                return RailwayException.builder(Kind.AUTH, request)
                        .httpStatus(status).railwayMessage(words).errors(errors).partialData(partial)
                        .hint(Hints.auth(credentials, true));
            }
        }
        boolean auth = status == 401 || status == 403
                || errors.stream().anyMatch(e -> e.message().toLowerCase(Locale.ROOT).contains("not authorized"));
        if (auth) {
            return RailwayException.builder(Kind.AUTH, request)
                    .httpStatus(status).railwayMessage(words).errors(errors).partialData(partial)
                    .hint(Hints.auth(credentials, false));
        }
        return RailwayException.builder(Kind.GRAPHQL, request)
                .httpStatus(status).railwayMessage(words).errors(errors).partialData(partial);
    }

    /** An answer that is not a usable GraphQL response (also one too large to read: RailwayTransport). */
    static RailwayException.Builder malformed(GraphQLRequest request, int status, String what, boolean write) {
        // The body of a 2xx answer is never quoted: it may hold values the request asked for.
        return RailwayException.builder(Kind.MALFORMED, request)
                .httpStatus(status)
                .answer(what)
                .outcomeUnknown(write)
                .hint(write ? Hints.OUTCOME_UNKNOWN : null);
    }

    /** The answer's JSON; a query's config variables straight as records ({@link AnswerReader}). */
    private JsonNode parse(byte[] body, boolean query) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode node = query ? answers.read(body) : answers.readPlain(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static List<GraphQLError> errors(JsonNode json, Redactor redactor) {
        List<GraphQLError> out = new ArrayList<>();
        if (json == null) {
            return out;
        }
        JsonNode errors = json.get("errors");
        if (errors == null || !errors.isArray()) {
            return out;
        }
        for (JsonNode error : errors) {
            JsonNode message = error.path("message");
            String text = message.isTextual() ? message.asText() : "(an error without a message)";
            List<String> path = new ArrayList<>();
            error.path("path").forEach(p -> path.add(p.asText()));
            JsonNode code = error.path("extensions").path("code");
            out.add(new GraphQLError(
                    clean(redactor.redact(text)),
                    path.isEmpty() ? null : String.join(".", path),
                    code.isValueNode() ? redactor.redact(code.asText()) : null));
        }
        return out;
    }

    /** The messages of the errors, distinct, at most three. */
    private static String joined(List<GraphQLError> errors) {
        Set<String> distinct = new LinkedHashSet<>();
        errors.forEach(e -> distinct.add(e.message()));
        List<String> list = new ArrayList<>(distinct);
        String shown = String.join("; ", list.subList(0, Math.min(3, list.size())));
        return list.size() > 3 ? shown + "; and " + (list.size() - 3) + " more" : shown;
    }

    /** Words from a non-GraphQL answer: a JSON message field, or the start of a non-2xx body. */
    private static String wordsOf(JsonNode json, Answer answer, Redactor redactor) {
        boolean success = answer.status() >= 200 && answer.status() <= 299;
        if (json != null) {
            for (String field : List.of("message", "error")) {
                JsonNode value = json.get(field);
                if (value != null && value.isTextual() && !value.asText().isBlank()) {
                    return excerpt(redactor.redact(value.asText()));
                }
            }
        }
        if (!success && answer.body().length > 0) {
            // Redact the whole body before cutting it, so that no secret is cut in half.
            String text = excerpt(redactor.redact(new String(answer.body(), StandardCharsets.UTF_8)));
            if (!text.isEmpty()) {
                return text;
            }
        }
        String phrase = answer.reasonPhrase();
        return phrase == null || phrase.isBlank() ? null : clean(phrase);
    }

    static String excerpt(String text) {
        String cleaned = clean(text);
        return cleaned.length() <= EXCERPT_CHARS ? cleaned : cleaned.substring(0, EXCERPT_CHARS) + "…";
    }

    /** One line: control characters and runs of white space become one space. */
    private static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String describeContentType(String contentType) {
        return contentType == null || contentType.isBlank() ? "no content type" : clean(contentType);
    }

    /** {@code Retry-After} as integer seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException e) {
                return Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L); // absurdly long: beyond any budget
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static long ceilSeconds(Duration duration) {
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }
}
