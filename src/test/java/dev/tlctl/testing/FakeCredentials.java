package dev.tlctl.testing;

import java.util.Map;

/**
 * Credentials of every format tlctl must recognise by content, real-looking but clearly fake
 * (each says FAKE or fake and none was ever issued): what leak tests put on Railway and in specs,
 * and then look for in every output.
 */
public final class FakeCredentials {
    private FakeCredentials() {}

    public static final String GITHUB = "ghp_FAKEfake0000TESTtest1111FAKEfake2222";
    public static final String GITHUB_FINE = "github_pat_11FAKE0000_fakeTESTtokenFAKE0000fake1111TEST";
    public static final String OPENAI = "sk-proj-FAKEfake0000TESTtest1111FAKEfake2222";
    public static final String ANTHROPIC = "sk-ant-api03-FAKEfake0000TESTtest1111FAKE-fake2222AA";
    public static final String STRIPE = "sk_live_FAKEfake0000TESTtest1111";
    public static final String STRIPE_WEBHOOK = "whsec_FAKEfake0000TESTtest1111FAKE";
    public static final String SLACK = "xoxb-0000000000-0000000000-FAKEfakeTESTtest";
    public static final String SLACK_WEBHOOK = "https://hooks.slack.com/services/T0000FAKE/B0000FAKE/FAKEfakeTESTtest0000";
    public static final String AWS_ACCESS_KEY = "AKIAFAKE0000TEST1111";
    public static final String AWS_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCyFAKEKEY9q2z";
    public static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJGQUtFLXRlc3QifQ.FAKEfakeTESTtestSIGNATURE00";
    public static final String PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIFAKEfakeTESTtest\n-----END RSA PRIVATE KEY-----";
    public static final String SENTRY_DSN = "https://0123456789abcdef0123456789fake00@o000000.ingest.sentry.io/0000000";
    public static final String DATABASE_URL = "postgresql://engine:FAKE-prod-hunter2@db.prod.invalid:5432/engine";
    public static final String HEX_SECRET = "fa4e0000fa4e1111fa4e2222fa4e3333fa4e4444fa4e5555fa4e6666fa4e7777";
    public static final String QUERY_TOKEN = "https://api.example.invalid/hook?token=FAKEfake0000TEST";

    /** Every one, by a name for messages. */
    public static Map<String, String> all() {
        return Map.ofEntries(
                Map.entry("GitHub", GITHUB), Map.entry("GitHub fine-grained", GITHUB_FINE), Map.entry("OpenAI", OPENAI),
                Map.entry("Anthropic", ANTHROPIC), Map.entry("Stripe", STRIPE), Map.entry("Stripe webhook", STRIPE_WEBHOOK),
                Map.entry("Slack", SLACK), Map.entry("Slack webhook", SLACK_WEBHOOK),
                Map.entry("AWS access key", AWS_ACCESS_KEY), Map.entry("AWS secret key", AWS_SECRET_KEY),
                Map.entry("JWT", JWT), Map.entry("PEM", PEM), Map.entry("Sentry DSN", SENTRY_DSN),
                Map.entry("database URL", DATABASE_URL), Map.entry("hex secret", HEX_SECRET),
                Map.entry("query token", QUERY_TOKEN));
    }
}
