package dev.tlctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.railway.ClientConfig;
import dev.tlctl.reconcile.RequestListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --sandbox}: a sandbox in this process that listens on no port, closed with the command. */
class ConnectionTest {
    @TempDir
    Path dir;

    private Globals sandboxMode() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CliContext context = new CliContext(Map.of(), sink, sink, new ByteArrayInputStream(new byte[0]), false, dir,
                Clock.systemUTC(), duration -> { }, RequestListener.NONE);
        return new Globals() {
            @Override
            public CliContext context() {
                return context;
            }

            @Override
            public Path file() {
                return null;
            }

            @Override
            public List<Path> envFiles() {
                return List.of();
            }

            @Override
            public List<Path> allowedFiles() {
                return List.of();
            }

            @Override
            public boolean sandbox() {
                return true;
            }

            @Override
            public Path sandboxState() {
                return null;
            }

            @Override
            public String apiUrl() {
                return null;
            }

            @Override
            public boolean color() {
                return false;
            }

            @Override
            public boolean quiet() {
                return false;
            }

            @Override
            public boolean stacktrace() {
                return false;
            }
        };
    }

    @Test
    void theSandboxIsServedInProcessUnderTheSameKeyAndItsUrlReachesNothingOnceClosed() {
        URI url;
        try (Connection connection = Connection.open(sandboxMode(), dir.resolve("tl-engine.yaml"))) {
            url = connection.endpoint().url();
            assertTrue(url.getHost().endsWith(".in-process.invalid"), "no port, no socket: " + url);
            assertEquals(-1, url.getPort());
            Path state = dir.resolve(".tlctl/sandbox.json").toAbsolutePath().normalize();
            assertEquals("sandbox:" + state, connection.endpoint().key(), "local records stay where they were");
            assertTrue(Files.exists(state), "the sandbox saved its state at start");
            ClientConfig.of(url, null, "1.2.3"); // a client may be made for it while it runs
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClientConfig.of(url, null, "1.2.3"));
        assertTrue(e.getMessage().startsWith("Refusing the Railway API endpoint " + url), e.getMessage());
    }
}
