package dev.tlctl.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.testing.FakeCredentials;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretTextTest {

    @Test
    void everyCredentialFormatIsASecretByContent() {
        FakeCredentials.all().forEach((kind, value) -> {
            assertTrue(SecretText.looksSecret(value), kind);
            assertTrue(SecretText.looksSecret("prefix " + value + " suffix"), kind + " inside other text");
            String reason = SecretText.reason(value);
            assertNotNull(reason, kind);
            assertFalse(reason.contains(value) || reason.contains("FAKE") || reason.contains("fake"), reason);
        });
    }

    @Test
    void reasonsNameTheKindOfCredential() {
        assertEquals("a GitHub token", SecretText.reason(FakeCredentials.GITHUB));
        assertEquals("an API key (sk-...)", SecretText.reason(FakeCredentials.OPENAI));
        assertEquals("a Stripe key", SecretText.reason(FakeCredentials.STRIPE));
        assertEquals("a Slack token", SecretText.reason(FakeCredentials.SLACK));
        assertEquals("an AWS access key", SecretText.reason(FakeCredentials.AWS_ACCESS_KEY));
        assertEquals("a JSON Web Token", SecretText.reason(FakeCredentials.JWT));
        assertEquals("a private key", SecretText.reason(FakeCredentials.PEM));
        assertEquals("a URL with a key (a DSN)", SecretText.reason(FakeCredentials.SENTRY_DSN));
        assertEquals("a URL with a password", SecretText.reason(FakeCredentials.DATABASE_URL));
        assertEquals("a URL with a credential in its query", SecretText.reason(FakeCredentials.QUERY_TOKEN));
        assertEquals("a long random-looking string", SecretText.reason(FakeCredentials.HEX_SECRET));
        assertEquals("a long random-looking string", SecretText.reason(FakeCredentials.AWS_SECRET_KEY));
    }

    @Test
    void ordinaryValuesAreNotSecrets() {
        for (String value : List.of("1", "10000", "production", "us-west2", "RAILPACK", "ON_FAILURE", "*/15 * * * *",
                "${{shared.DATABASE_URL}}", "${{Postgres.DATABASE_URL}}", "pip install -r requirements.txt",
                "gunicorn engine.main:app -k uvicorn.workers.UvicornWorker --bind 0.0.0.0:$PORT --workers $GUNICORN_WORKERS",
                "postgresql://engine@db.internal:5432/enginedb", "https://tlctl.example.invalid/health?verbose=true",
                "7f1c2a9e-3b4d-4e5f-8a6b-9c0d1e2f3a4b", "tiendaleon/tl-engine", "/health", "celery -A engine.worker worker",
                "ghcr.io/tiendaleon/engine:2026.11.3", "user@example.com", "ssh://git@github.com/tiendaleon/tl-engine.git",
                "The quick brown fox jumps over the lazy dog, 1234567890 times")) {
            assertFalse(SecretText.looksSecret(value), value);
        }
    }

    @Test
    void namesAlreadyUsedStaySecret() {
        for (String name : List.of("API_TOKEN", "TOKEN", "SECRET", "STRIPE_SECRET", "SIGNING_KEY", "DB_PASSWORD", "PASSWD")) {
            assertTrue(SecretText.nameLooksSecret(name), name);
        }
        for (String name : List.of("DEBUG", "MAX_REQUESTS", "KEYBOARD", "TOKENIZER_MODE")) {
            assertFalse(SecretText.nameLooksSecret(name), name);
        }
    }

    @Test
    void theUrlCheckFindsWhatTheOldOneFound() {
        assertTrue(SecretText.hasUrlPassword("postgresql://engine:pw@db:5432/x"));
        assertTrue(SecretText.hasUrlPassword("see redis://:pw@host and more"));
        assertTrue(SecretText.hasUrlPassword("a+b.c-d://u:p:q@h"));
        assertFalse(SecretText.hasUrlPassword("postgresql://engine@db/x"));
        assertFalse(SecretText.hasUrlPassword("postgresql://engine:@db/x"));
        assertFalse(SecretText.hasUrlPassword("https://host/path:x@y"));
        assertFalse(SecretText.hasUrlPassword("123://u:p@h"));
    }

    @Test
    void hostileValuesAreClassifiedInLinearTime() {
        List<String> shapes = List.of("a://".repeat(25_000), "x".repeat(50_000) + "://" + "u".repeat(49_000) + ":",
                "eyJ".repeat(30_000), "ghp_".repeat(25_000), "sk-".repeat(33_000), "A".repeat(100_000),
                "aB3".repeat(33_000), "?token=".repeat(14_000), "-----BEGIN ".repeat(9_000), "https://u:".repeat(10_000));
        for (String shape : shapes) {
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> SecretText.reason(shape), shape.substring(0, 8));
        }
    }

    @Test
    void shownMasksByDeclarationOrContentAndHidesUnaskedValues() {
        assertEquals(Shown.MASKED, Shown.of(Secret.of("1"), true, true));
        assertEquals(Shown.MASKED, Shown.of(Secret.of(FakeCredentials.GITHUB), false, true), "content wins");
        assertEquals(Shown.HIDDEN, Shown.of(Secret.of("1"), false, false));
        assertEquals(Shown.text("1"), Shown.of(Secret.of("1"), false, true));
        assertEquals(Shown.NONE, Shown.of(null, true, true));
        assertEquals(Shown.MASKED, Shown.of("gunicorn --token " + FakeCredentials.SLACK, false, false),
                "a setting whose text holds a credential");
        Shown replicas = Shown.of(2.0, false, false);
        assertEquals("2", replicas.text());
        assertEquals(2.0, replicas.json(), "JSON keeps the number as given");
        Shown list = Shown.of(List.of("python -m migrate", "echo done"), false, false);
        assertEquals("[python -m migrate, echo done]", list.text());
        assertEquals(List.of("python -m migrate", "echo done"), list.json());
        assertEquals(null, Shown.MASKED.json());
        assertEquals("(sensitive)", Shown.MASKED.text());
    }

    @Test
    void nameRuleIsTheUpperCasedNamesRuleForAnyName() {
        java.util.Random random = new java.util.Random(17);
        String[] parts = {"TOKEN", "token", "_", "Secret", "KEY", "kEy", "PASSWORD", "passwd", "PASSW", "A", "x",
            "\u00df", "pa\u00dfword", "\u0131", "\u212a", "\u00e9", "1", "ToKeN_", "API"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = random.nextInt(5); n >= 0; n--) {
                name.append(parts[random.nextInt(parts.length)]);
            }
            String text = name.toString();
            String upper = text.toUpperCase(java.util.Locale.ROOT);
            boolean expected = upper.equals("TOKEN") || upper.endsWith("_TOKEN") || upper.equals("SECRET")
                    || upper.endsWith("_SECRET") || upper.equals("KEY") || upper.endsWith("_KEY")
                    || upper.contains("PASSWORD") || upper.contains("PASSWD");
            assertEquals(expected, SecretText.nameLooksSecret(text), text);
        }
    }
}
