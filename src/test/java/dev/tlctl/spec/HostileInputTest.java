package dev.tlctl.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Huge values written to make pattern matching explode stay cheap: each is checked by every rule
 * (credentials, references, Railway's rules) and the spec validates. The timeout only guards
 * against a hang (quadratic matching took 155 s on such a value); it is not a speed target.
 */
class HostileInputTest {
    private static final Duration HANG = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private SpecFixture.Loaded load(String value) {
        return SpecFixture.base("""
                version: 1
                project: {name: p}
                environments: {production: {}}
                services:
                  api:
                    variables:
                      BIG: {value: "%s", secret: false}
                """.formatted(value)).load(tmp);
    }

    @Test
    void aHundredThousandCharactersOfEachAdversarialShape() {
        String[] shapes = {
            "a".repeat(100_000),
            "a://".repeat(25_000),
            "x".repeat(50_000) + "://" + "u".repeat(49_000) + ":",
            "${{".repeat(33_000),
            "${{shared.".repeat(10_000),
            "$${env:".repeat(14_000),
            "https://u:".repeat(10_000),
        };
        for (String shape : shapes) {
            SpecFixture.Loaded loaded = assertTimeoutPreemptively(HANG, () -> load(shape));
            assertEquals(java.util.List.of(), loaded.errors(), () -> "a shape of " + shape.substring(0, 12) + "...");
        }
    }

    @Test
    void theLinearUrlCheckFindsWhatTheOldPatternFound() {
        assertTrue(dev.tlctl.secret.SecretText.hasUrlPassword("postgresql://engine:pw@db:5432/x"));
        assertTrue(dev.tlctl.secret.SecretText.hasUrlPassword("see redis://:pw@host and more"));
        assertTrue(dev.tlctl.secret.SecretText.hasUrlPassword("a+b.c-d://u:p:q@h"));
        assertTrue(dev.tlctl.secret.SecretText.hasUrlPassword("9x://u:p@h"), "the scheme starts at its first letter");
        assertFalse(dev.tlctl.secret.SecretText.hasUrlPassword("postgresql://engine@db/x"), "a user without a password");
        assertFalse(dev.tlctl.secret.SecretText.hasUrlPassword("postgresql://engine:@db/x"), "an empty password");
        assertFalse(dev.tlctl.secret.SecretText.hasUrlPassword("https://host/path:x@y"), "the @ after a path is not user-info");
        assertFalse(dev.tlctl.secret.SecretText.hasUrlPassword("123://u:p@h"), "a scheme has a letter");
        assertFalse(dev.tlctl.secret.SecretText.hasUrlPassword("://u:p@h"));
        assertFalse(dev.tlctl.secret.SecretText.hasUrlPassword("u:p@h"));
    }
}
