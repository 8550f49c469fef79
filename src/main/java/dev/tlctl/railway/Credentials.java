package dev.tlctl.railway;

import dev.tlctl.secret.Secret;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The token tlctl sends to Railway: a project token ({@code RAILWAY_TOKEN}, header
 * {@code Project-Access-Token}) or an account or workspace token ({@code RAILWAY_API_TOKEN},
 * header {@code Authorization: Bearer}). Neither form ever shows the token outside the request.
 */
public sealed interface Credentials permits Credentials.ProjectAccessToken, Credentials.BearerToken {
    /** The variable holding a project token; it wins when both variables are set. */
    String RAILWAY_TOKEN = "RAILWAY_TOKEN";
    /** The variable holding an account or workspace token. */
    String RAILWAY_API_TOKEN = "RAILWAY_API_TOKEN";

    /** The token itself, masked when printed. */
    Secret token();

    /** What kind of token this is and where it came from, for messages; never the value. */
    String describe();

    /** The environment variable this kind of token is read from. */
    String variable();

    /** Whether this is a project token, which reaches one environment of one project only. */
    boolean isProjectToken();

    /**
     * Reads the credentials from the environment as Railway's CLI does: {@code RAILWAY_TOKEN}
     * (project token) when set, else {@code RAILWAY_API_TOKEN}; empty values count as unset.
     */
    static Optional<Credentials> fromEnvironment(Map<String, String> env) {
        String project = env.get(RAILWAY_TOKEN);
        if (project != null && !project.isBlank()) {
            return Optional.of(new ProjectAccessToken(Secret.of(project.strip())));
        }
        String api = env.get(RAILWAY_API_TOKEN);
        if (api != null && !api.isBlank()) {
            return Optional.of(new BearerToken(Secret.of(api.strip())));
        }
        return Optional.empty();
    }

    /** A project token, sent as {@code Project-Access-Token: <token>}. */
    record ProjectAccessToken(Secret token) implements Credentials {
        public ProjectAccessToken {
            requireToken(token);
        }

        @Override
        public String describe() {
            return "a project token (" + RAILWAY_TOKEN + ")";
        }

        @Override
        public String variable() {
            return RAILWAY_TOKEN;
        }

        @Override
        public boolean isProjectToken() {
            return true;
        }

        @Override
        public String toString() {
            return "ProjectAccessToken[" + Secret.MASK + "]";
        }
    }

    /** An account or workspace token, sent as {@code Authorization: Bearer <token>}. */
    record BearerToken(Secret token) implements Credentials {
        public BearerToken {
            requireToken(token);
        }

        @Override
        public String describe() {
            return "an account or workspace token (" + RAILWAY_API_TOKEN + ")";
        }

        @Override
        public String variable() {
            return RAILWAY_API_TOKEN;
        }

        @Override
        public boolean isProjectToken() {
            return false;
        }

        @Override
        public String toString() {
            return "BearerToken[" + Secret.MASK + "]";
        }
    }

    private static void requireToken(Secret token) {
        Objects.requireNonNull(token, "token");
        String value = token.reveal();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a Railway token cannot be empty");
        }
        // Checked here so that okhttp's header validation, whose message quotes the value of
        // headers it does not know as sensitive, never sees a bad token.
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException(
                        "a Railway token holds only visible ASCII characters; this one has a space,"
                                + " a control or a non-ASCII character at position " + (i + 1));
            }
        }
    }
}
