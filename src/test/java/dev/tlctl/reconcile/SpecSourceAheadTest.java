package dev.tlctl.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlctl.spec.SpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load begun ahead ({@link SpecSource#loadAhead}) is taken, once, by the load of the same source
 * and scope, and by no other; one that failed is done again where the spec is loaded, so that its
 * error is thrown there, the same. The file is rewritten after the load ahead: what a load returns
 * tells whether it took that load (the old name) or read the file (the new one).
 */
class SpecSourceAheadTest {
    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        SpecSource.forgetAhead();
    }

    private void write(String project) throws Exception {
        Files.writeString(dir.resolve("tl-engine.yaml"), """
                version: 1
                project:
                  name: %s
                environments:
                  production: {}
                services:
                  api:
                    source:
                      image: nginx:1.27
                    variables:
                      LOG_LEVEL: ${env:API_TOKEN}
                """.formatted(project));
    }

    private SpecSource source(String token) {
        return new SpecSource(dir.resolve("tl-engine.yaml"), List.of(), token == null ? Map.of() : Map.of("API_TOKEN",
                token), false, List.of());
    }

    private static String name(SpecSource source, Set<String> scope) {
        return source.load(scope).project().name();
    }

    @Test
    void theSameSourceAndScopeTakeTheLoadBegunAheadOnce() throws Exception {
        write("shop");
        source("t0k3n").loadAhead(Set.of(), null).run();
        write("shop-renamed");
        assertEquals("shop", name(source("t0k3n"), Set.of()));
        assertEquals("shop", name(source("t0k3n"), null));
        assertEquals("shop-renamed", name(source("t0k3n"), Set.of()));
        assertEquals("shop-renamed", name(source("t0k3n"), null));
    }

    @Test
    void anotherSourceOrScopeReadsTheFiles() throws Exception {
        write("shop");
        source("t0k3n").loadAhead((Set<String>) null).run();
        write("shop-renamed");
        assertEquals("shop-renamed", name(source("another"), null));
        assertEquals("shop-renamed", name(source("t0k3n"), Set.of()));
        assertEquals("shop-renamed", name(source("t0k3n"), Set.of("production")));
        assertEquals("shop", name(source("t0k3n"), null));
    }

    @Test
    void aLoadThatFailedAheadIsDoneAgainWhereTheSpecIsLoaded() throws Exception {
        write("shop");
        source(null).loadAhead((Set<String>) null).run(); // ${env:API_TOKEN} is not set
        SpecException taken = assertThrows(SpecException.class, () -> source(null).load(null));
        SpecException plain = assertThrows(SpecException.class, () -> source(null).load(null));
        assertEquals(plain.diagnostics(), taken.diagnostics());

        source(null).loadAhead((Set<String>) null).run();
        write("shop-renamed"); // and now valid: done again, it reads what is there
        Files.writeString(dir.resolve("tl-engine.yaml"),
                Files.readString(dir.resolve("tl-engine.yaml")).replace("${env:API_TOKEN}", "debug"));
        assertEquals("shop-renamed", name(source(null), null));
    }

    @Test
    void aLoadWhoseWorkNeverRanIsDoneByTheLoadThatTakesIt() throws Exception {
        write("shop");
        source("t0k3n").loadAhead((Set<String>) null); // its work is never run
        write("shop-renamed");
        assertEquals("shop-renamed", name(source("t0k3n"), null));
    }

    @Test
    void forgottenLoadsAreNotTaken() throws Exception {
        write("shop");
        source("t0k3n").loadAhead((Set<String>) null).run();
        SpecSource.forgetAhead();
        write("shop-renamed");
        assertEquals("shop-renamed", name(source("t0k3n"), null));
    }
}
