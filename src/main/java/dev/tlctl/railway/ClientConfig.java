package dev.tlctl.railway;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * Everything the transport needs: where Railway is, which token to send, and how patient to be.
 * The endpoint is checked when the config is made: tokens only travel over HTTPS, or over plain
 * HTTP to a loopback address (the sandbox).
 *
 * @param endpoint the GraphQL endpoint
 * @param credentials the token to send; null sends none (tests, the sandbox)
 * @param version tlctl's version, sent in {@code x-source} and {@code User-Agent}
 * @param callTimeout the most one HTTP attempt may take, answer included (90 s: environment
 *     duplication is slow)
 * @param connectTimeout the most a connection may take to open
 * @param retryPolicy when and how long to retry
 * @param sleeper waits between retries
 * @param random the jitter source
 * @param clock reads {@code Retry-After} dates and stamps rate-limit observations
 * @param listener observes every attempt
 */
public record ClientConfig(
        URI endpoint,
        Credentials credentials,
        String version,
        Duration callTimeout,
        Duration connectTimeout,
        RetryPolicy retryPolicy,
        Sleeper sleeper,
        RandomGenerator random,
        Clock clock,
        RequestListener listener) {

    /** Railway's public API. */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://backboard.railway.com/graphql/v2");
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(90);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public ClientConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(listener, "listener");
        if (version.isBlank() || version.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("the tlctl version must be visible ASCII without spaces");
        }
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("the call timeout must be positive, not " + callTimeout);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("the connect timeout must be positive, not " + connectTimeout);
        }
        checkEndpoint(endpoint);
    }

    /** Railway's public endpoint with every default. */
    public static ClientConfig defaults(Credentials credentials, String version) {
        return of(DEFAULT_ENDPOINT, credentials, version);
    }

    /** {@code endpoint} with every default: 90 s calls, 10 s connects, {@link RetryPolicy#DEFAULT}. */
    public static ClientConfig of(URI endpoint, Credentials credentials, String version) {
        return new ClientConfig(
                endpoint,
                credentials,
                version,
                DEFAULT_CALL_TIMEOUT,
                DEFAULT_CONNECT_TIMEOUT,
                RetryPolicy.DEFAULT,
                Sleeper.SYSTEM,
                new Random(),
                Clock.systemUTC(),
                RequestListener.NONE);
    }

    public ClientConfig withTimeouts(Duration call, Duration connect) {
        return new ClientConfig(endpoint, credentials, version, call, connect, retryPolicy, sleeper, random, clock, listener);
    }

    public ClientConfig withRetryPolicy(RetryPolicy value) {
        return new ClientConfig(endpoint, credentials, version, callTimeout, connectTimeout, value, sleeper, random, clock, listener);
    }

    public ClientConfig withSleeper(Sleeper value) {
        return new ClientConfig(endpoint, credentials, version, callTimeout, connectTimeout, retryPolicy, value, random, clock, listener);
    }

    public ClientConfig withRandom(RandomGenerator value) {
        return new ClientConfig(endpoint, credentials, version, callTimeout, connectTimeout, retryPolicy, sleeper, value, clock, listener);
    }

    public ClientConfig withClock(Clock value) {
        return new ClientConfig(endpoint, credentials, version, callTimeout, connectTimeout, retryPolicy, sleeper, random, value, listener);
    }

    public ClientConfig withListener(RequestListener value) {
        return new ClientConfig(endpoint, credentials, version, callTimeout, connectTimeout, retryPolicy, sleeper, random, clock, value);
    }

    /** Refuses anything but HTTPS, plain HTTP to a loopback address, or an open {@link InProcessDoors door}. */
    private static void checkEndpoint(URI endpoint) {
        if (InProcessDoors.at(endpoint) != null) {
            return; // served in this JVM: nothing goes on any network
        }
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        String host = endpoint.getHost();
        String shown = shown(endpoint);
        if (!endpoint.isAbsolute() || endpoint.isOpaque() || host == null || host.isEmpty()) {
            throw new IllegalArgumentException(
                    "The Railway API endpoint " + shown + " is not an absolute http(s) URL with a host,"
                            + " such as " + DEFAULT_ENDPOINT + ".");
        }
        if (endpoint.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "The Railway API endpoint " + shown + " carries a user name or password in the URL;"
                            + " tlctl sends credentials only from RAILWAY_TOKEN or RAILWAY_API_TOKEN.");
        }
        if (scheme.equals("https")) {
            return;
        }
        if (scheme.equals("http")) {
            if (isLoopback(host)) {
                return;
            }
            throw new IllegalArgumentException(
                    "Refusing the Railway API endpoint " + shown + ": tokens are only sent over HTTPS,"
                            + " or over plain HTTP to a loopback address (localhost, 127.0.0.0/8, ::1)."
                            + " Use an https:// URL.");
        }
        throw new IllegalArgumentException(
                "Refusing the Railway API endpoint " + shown + ": only https:// URLs are allowed"
                        + " (and http:// to a loopback address such as the sandbox).");
    }

    /** Loopback by its literal form only: a name other than localhost is never resolved. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.equals("localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            return literalIsLoopback(h.substring(1, h.length() - 1));
        }
        String[] octets = h.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)) {
                return false;
            }
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return Integer.parseInt(octets[0]) == 127;
    }

    private static boolean literalIsLoopback(String ipv6) {
        if (!ipv6.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return false; // a zone id or anything else: no lookup, no loopback
        }
        try {
            // A literal with ':' is parsed, never looked up.
            return InetAddress.getByName(ipv6).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The endpoint without user info, query or fragment, for messages. */
    static String shown(URI endpoint) {
        if (endpoint.getScheme() == null || endpoint.getHost() == null) {
            return "'" + (endpoint.getRawPath() == null ? "" : endpoint.getRawPath()) + "'";
        }
        String port = endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort();
        String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        return endpoint.getScheme() + "://" + endpoint.getHost() + port + path;
    }
}
