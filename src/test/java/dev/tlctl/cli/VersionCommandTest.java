package dev.tlctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.reconcile.Version;
import dev.tlctl.testing.Tlctl;
import dev.tlctl.testing.Tlctl.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tlctl version} and {@code --version}: the version, the commit of the build, the Java runtime. */
class VersionCommandTest {
    @TempDir
    Path tmp;

    @Test
    void versionAndTheFlagPrintTheSame() {
        Run command = Tlctl.in(tmp).env(Map.of()).run("version");
        Run flag = Tlctl.in(tmp).env(Map.of()).run("--version");
        assertEquals(0, command.code(), command::toString);
        assertEquals(0, flag.code(), flag::toString);
        assertEquals(flag.out(), command.out());
        assertTrue(command.out().lines().skip(1).findFirst().orElseThrow().startsWith("Java "), command::toString);
    }

    @Test
    void theCommitIsTheBuildsOrSaidToBeUnknown() {
        String first = Tlctl.in(tmp).env(Map.of()).run("version").out().lines().findFirst().orElseThrow();
        // The tests run from the classes Maven filtered in this checkout: in a git repository (a
        // clone, or a linked worktree whose .git is a file) the commit is known; in a source archive not.
        if (Files.exists(Path.of(".git"))) {
            String commit = Version.commit().orElseThrow();
            assertTrue(commit.matches("[0-9a-f]{12}"), commit);
            assertTrue(first.matches("tlctl \\S+ \\(commit " + commit + "(, with changes not committed)?\\)"), first);
        } else {
            assertTrue(first.matches("tlctl \\S+ \\(commit unknown: built outside a git repository or without git\\)"),
                    first);
        }
    }
}
