package dev.tlctl.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.secret.SecretText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code plan.Sensitivity} relies on to skip scanning a value Railway holds as the spec
 * declares it: a declared value is sensitive whenever {@link SecretText#looksSecret(String)} finds
 * a secret in its content, whatever the variable is marked ({@code secret: false} included), and
 * whether the content comes from a reference, from text around one, or from the YAML itself.
 */
class SensitiveContentTest {
    @TempDir
    Path tmp;

    private static final List<String> VALUES = List.of(
            "postgresql://app:hunter2-password@db.example.invalid:5432/app",
            "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8",
            "sk-" + "proj1234567890abcdefghijklmnop",
            "AKIA" + "ABCDEFGHIJKLMNOP",
            "Zx8Kq2Lm9Np4Rs7Tv1Wy5Ab3Cd6Ef0Gh",
            "https://api.example.invalid/v1?api_key=abcdef1234567890",
            "plain-value-1",
            "value-svc-01-1",
            "https://example.invalid/path",
            "true");

    @Test
    void aValueWhoseContentLooksSecretIsSensitiveHoweverMarked() {
        StringBuilder shared = new StringBuilder("version: 1\nproject: {name: demo}\nenvironments:\n  production: {}\n"
                + "sharedVariables:\n");
        SpecFixture fixture = SpecFixture.base("");
        for (int i = 0; i < VALUES.size(); i++) {
            fixture.env("V" + i, VALUES.get(i));
            shared.append("  REF_").append(i).append(": ${env:V").append(i).append("}\n");
            shared.append("  UNMARKED_").append(i).append(": {value: \"${env:V").append(i)
                    .append("}\", secret: false, allowEmpty: true}\n");
            shared.append("  AROUND_").append(i).append(": {value: \"x ${env:V").append(i)
                    .append("} y\", secret: false}\n");
        }
        // Literal values the YAML may hold (a credential in plain text is refused, so only harmless ones).
        shared.append("  LITERAL_PLAIN: plain-value-1\n  LITERAL_URL: https://example.invalid/path\n");
        Spec spec = fixture.file(SpecLoader.DEFAULT_FILE, shared.toString()).load(tmp).valid();
        List<String> checked = new ArrayList<>();
        for (EnvironmentSpec env : spec.environments()) {
            for (VariableSpec v : env.sharedVariables().values()) {
                String text = v.value().reveal();
                if (SecretText.looksSecret(text)) {
                    assertTrue(v.sensitive(), v.name() + " holds a secret by its content");
                    checked.add(v.name());
                }
            }
        }
        // Every secret-looking value, in each of its three forms, was checked.
        assertEquals(3 * 6, checked.size(), checked.toString());
        assertFalse(spec.environment("production").orElseThrow().sharedVariables().get("LITERAL_PLAIN").sensitive());
    }
}
