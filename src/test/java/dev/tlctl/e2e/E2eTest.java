package dev.tlctl.e2e;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import dev.tlctl.sandbox.SandboxConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of the end-to-end tests: a {@link World} per test, and two checks after every test:
 * no fake secret in any output or file tlctl wrote, and every document sent validates against
 * Railway's schema ({@link RecordedDocuments}).
 */
@ExtendWith(RecordedDocuments.class)
abstract class E2eTest {
    @TempDir
    Path dir;

    World world;

    World world() {
        return world(c -> c);
    }

    World world(UnaryOperator<SandboxConfig> config) {
        world = World.start(dir, config);
        return world;
    }

    @AfterEach
    void noSecretShown() {
        if (world != null) {
            try {
                world.assertNoSecretShown();
            } finally {
                world.close();
            }
        }
    }
}
