package dev.tlctl.railway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A Railway call that failed, as a diagnostic: what tlctl was doing, which operation, what
 * Railway answered, and what to do. The message never holds a token or a secret value: Railway's
 * own text is cleared of every secret the request carried before it is quoted.
 */
public final class RailwayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, coarsely, for exit codes and for callers that react to it. */
    public enum Kind {
        /** Railway refused the token (HTTP 401/403, "not authorized", unknown project token). */
        AUTH,
        /** The workspace requires two-factor authentication on the token's account. */
        TWO_FACTOR,
        /** HTTP 429, after the retries the budget allowed. */
        RATE_LIMITED,
        /** GraphQL {@code errors} in the answer. */
        GRAPHQL,
        /** Another HTTP failure, 5xx after retries in particular. */
        HTTP,
        /** The connection failed or dropped. */
        NETWORK,
        /** No answer within the call timeout. */
        TIMEOUT,
        /** An answer that is not a GraphQL response. */
        MALFORMED
    }

    /** One entry of the answer's {@code errors}: its message, its path ("s1.config") and code. */
    public record GraphQLError(String message, String path, String code) {}

    private final Kind kind;
    private final String operation;
    private final String action;
    private final int httpStatus;
    private final String railwayMessage;
    private final boolean outcomeUnknown;
    private final Long retryAfterSeconds;
    private final int attempts;
    private final String hint;
    private final transient List<GraphQLError> errors;
    private final transient JsonNode partialData;

    private RailwayException(Builder b, String message, Throwable cause) {
        super(message, cause);
        this.kind = b.kind;
        this.operation = b.request.operation();
        this.action = b.request.action();
        this.httpStatus = b.httpStatus;
        this.railwayMessage = b.railwayMessage == null ? "" : b.railwayMessage;
        this.outcomeUnknown = b.outcomeUnknown;
        this.retryAfterSeconds = b.retryAfterSeconds;
        this.attempts = b.attempts;
        this.hint = b.hint;
        this.errors = List.copyOf(b.errors);
        this.partialData = b.partialData;
    }

    public Kind kind() {
        return kind;
    }

    /** The operation, such as {@code environmentPatchCommit}. */
    public String operation() {
        return operation;
    }

    /** What tlctl was doing, such as "commit the config of environment staging". */
    public String action() {
        return action;
    }

    /** What to do, in full sentences (the end of the message); null when none. */
    public String hint() {
        return hint;
    }

    /** The HTTP status of the last answer, or 0 when none came. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Railway's own message (secrets removed), or empty when it gave none. */
    public String railwayMessage() {
        return railwayMessage;
    }

    /**
     * True when a write may have been applied although its answer was lost (a dropped connection,
     * a timeout or a 5xx after the request was sent): read the live state before doing it again.
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    /** How long Railway asked to wait, when it said. */
    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds == null ? OptionalLong.empty() : OptionalLong.of(retryAfterSeconds);
    }

    /** HTTP attempts made, retries included. */
    public int attempts() {
        return attempts;
    }

    /** The answer's GraphQL errors, in order (messages with secrets removed). */
    public List<GraphQLError> errors() {
        return errors == null ? List.of() : errors;
    }

    /**
     * The {@code data} that came with the errors, when any: in a batch, the parts that worked.
     * It may hold values Railway returned; it is never part of the message.
     */
    public Optional<JsonNode> partialData() {
        return Optional.ofNullable(partialData);
    }

    static Builder builder(Kind kind, GraphQLRequest request) {
        return new Builder(kind, request);
    }

    /** Collects the facts, then writes the message once. */
    static final class Builder {
        private final Kind kind;
        private final GraphQLRequest request;
        private int httpStatus;
        private String railwayMessage;
        private String answer;
        private String hint;
        private boolean outcomeUnknown;
        private Long retryAfterSeconds;
        private int attempts = 1;
        private List<GraphQLError> errors = List.of();
        private JsonNode partialData;
        private Throwable cause;

        private Builder(Kind kind, GraphQLRequest request) {
            this.kind = Objects.requireNonNull(kind);
            this.request = Objects.requireNonNull(request);
        }

        Kind kind() {
            return kind;
        }

        Builder httpStatus(int status) {
            this.httpStatus = status;
            return this;
        }

        /** Railway's words, quoted in the message. */
        Builder railwayMessage(String message) {
            this.railwayMessage = message;
            return this;
        }

        /** Describes the answer when Railway gave no words, e.g. "with an empty body". */
        Builder answer(String description) {
            this.answer = description;
            return this;
        }

        Builder hint(String text) {
            this.hint = text;
            return this;
        }

        Builder outcomeUnknown(boolean value) {
            this.outcomeUnknown = value;
            return this;
        }

        Builder retryAfterSeconds(Long seconds) {
            this.retryAfterSeconds = seconds;
            return this;
        }

        Long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        Builder attempts(int count) {
            this.attempts = count;
            return this;
        }

        Builder errors(List<GraphQLError> list) {
            this.errors = list;
            return this;
        }

        Builder partialData(JsonNode data) {
            this.partialData = data;
            return this;
        }

        Builder cause(Throwable throwable) {
            this.cause = throwable;
            return this;
        }

        RailwayException build() {
            StringBuilder m = new StringBuilder("Could not ").append(request.action()).append(": ");
            if (railwayMessage != null && !railwayMessage.isEmpty()) {
                m.append("Railway answered \"").append(railwayMessage).append('"');
            } else {
                m.append(answer == null ? "Railway gave no usable answer" : answer);
            }
            m.append(" (").append(request.operation()).append(", ");
            m.append(httpStatus == 0 ? "no HTTP answer" : "HTTP " + httpStatus).append(").");
            if (hint != null && !hint.isEmpty()) {
                m.append(' ').append(hint);
            }
            if (attempts > 1) {
                m.append(" Gave up after ").append(attempts).append(" attempts.");
            }
            return new RailwayException(this, m.toString(), cause);
        }
    }
}
