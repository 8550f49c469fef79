package dev.tlctl.railway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.secret.Secret;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialsTest {
    private static final String PROJECT = "pt-3f1c9a77-fixture";
    private static final String API = "at-0b7d2e55-fixture";

    @Test
    void projectTokenWinsWhenBothAreSet() {
        Credentials c = Credentials.fromEnvironment(Map.of("RAILWAY_TOKEN", PROJECT, "RAILWAY_API_TOKEN", API)).orElseThrow();
        assertInstanceOf(Credentials.ProjectAccessToken.class, c);
        assertEquals(PROJECT, c.token().reveal());
        assertTrue(c.isProjectToken());
        assertEquals("a project token (RAILWAY_TOKEN)", c.describe());
    }

    @Test
    void apiTokenWhenOnlyItIsSet() {
        Credentials c = Credentials.fromEnvironment(Map.of("RAILWAY_API_TOKEN", API)).orElseThrow();
        assertInstanceOf(Credentials.BearerToken.class, c);
        assertFalse(c.isProjectToken());
        assertEquals("an account or workspace token (RAILWAY_API_TOKEN)", c.describe());
    }

    @Test
    void emptyValuesCountAsUnset() {
        assertTrue(Credentials.fromEnvironment(Map.of("RAILWAY_TOKEN", "", "RAILWAY_API_TOKEN", " ")).isEmpty());
        Credentials c = Credentials.fromEnvironment(Map.of("RAILWAY_TOKEN", "", "RAILWAY_API_TOKEN", API)).orElseThrow();
        assertInstanceOf(Credentials.BearerToken.class, c);
        assertTrue(Credentials.fromEnvironment(Map.of()).isEmpty());
    }

    @Test
    void neverPrintsTheToken() {
        for (Credentials c : new Credentials[] {
                new Credentials.ProjectAccessToken(Secret.of(PROJECT)), new Credentials.BearerToken(Secret.of(API))}) {
            assertFalse(c.toString().contains(PROJECT) || c.toString().contains(API), c.toString());
            assertFalse(c.describe().contains(PROJECT) || c.describe().contains(API));
        }
    }

    @Test
    void refusesTokensThatCannotTravelInAHeader() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Credentials.BearerToken(Secret.of("abc def-sekrit")));
        assertFalse(e.getMessage().contains("sekrit"));
        assertThrows(IllegalArgumentException.class, () -> new Credentials.ProjectAccessToken(Secret.of("")));
    }
}
