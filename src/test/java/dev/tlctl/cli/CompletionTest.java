package dev.tlctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tlctl.testing.Checkout;
import dev.tlctl.testing.Tlctl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tlctl completion bash|zsh|fish}, run by the real shells: commands, options, enumerated
 * values, and environment and service names read from the spec (here or above), for {@code tlctl}
 * and {@code bin/tlctl}. A shell that is not installed is skipped (bash and sh always are).
 */
class CompletionTest {
    @TempDir
    Path tmp;

    Path checkout;

    @BeforeEach
    void checkout() {
        checkout = Checkout.of(tmp.resolve("checkout"));
    }

    private Path script(String shell) throws IOException {
        Tlctl.Run run = Tlctl.in(checkout).env(Map.of()).run("completion", shell);
        assertEquals(0, run.code(), run::toString);
        Path file = tmp.resolve(shell.equals("zsh") ? "_tlctl" : "tlctl." + shell);
        Files.writeString(file, run.out());
        return file;
    }

    private static boolean installed(String program) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    private static String exec(Path cwd, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the shell did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + out);
        return out;
    }

    /** What bash completes for {@code line} (the last word being typed), from {@code cwd}. */
    private String bash(Path cwd, String... words) throws Exception {
        Path script = script("bash");
        List<String> quoted = new ArrayList<>();
        for (String w : words) {
            quoted.add("'" + w + "'");
        }
        return exec(cwd, "bash", "-c", "source " + script + "; COMP_WORDS=(" + String.join(" ", quoted) + "); COMP_CWORD="
                + (words.length - 1) + "; _tlctl; printf '%s\\n' \"${COMPREPLY[@]}\"");
    }

    private static List<String> lines(String text) {
        return text.lines().filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void bashCompletesCommandsOptionsValuesAndNamesFromTheSpec() throws Exception {
        assertTrue(lines(bash(checkout, "tlctl", "")).containsAll(List.of("validate", "plan", "apply", "sandbox",
                "completion")));
        assertEquals(List.of("serve"), lines(bash(checkout, "tlctl", "sandbox", "se")));
        List<String> planOptions = lines(bash(checkout, "tlctl", "plan", "--"));
        assertTrue(planOptions.containsAll(List.of("--env", "--out", "--sandbox", "--env-file", "--color")), planOptions.toString());
        assertEquals(List.of("production", "staging"), lines(bash(checkout, "tlctl", "plan", "--env", "")));
        assertEquals(List.of("staging"), lines(bash(checkout, "bin/tlctl", "plan", "--sandbox", "--env", "st")));
        assertEquals(List.of("engine-api", "engine-worker", "engine-scheduler"),
                lines(bash(checkout, "tlctl", "deploy", "--service", "eng")));
        assertEquals(List.of("production", "staging"), lines(bash(checkout, "tlctl", "drift", "--compare", "production", "")));
        assertEquals(List.of("human", "json", "markdown"), lines(bash(checkout, "tlctl", "status", "--output", "")));
        assertEquals(List.of("always"), lines(bash(checkout, "tlctl", "--color", "al")));
        assertEquals(List.of("bash", "fish"), lines(bash(checkout, "tlctl", "completion", "")).stream()
                .filter(s -> !s.equals("zsh")).toList());
        assertTrue(lines(bash(checkout, "tlctl", "plan", "--out", "tl-")).contains("tl-engine.yaml"), "files");
        // From a subfolder: the spec above; with -f: that spec.
        assertEquals(List.of("production", "staging"), lines(bash(checkout.resolve("environments"), "tlctl", "plan",
                "--env", "")));
        Files.writeString(tmp.resolve("other.yaml"), "project:\n  name: x\nenvironments:\n  qa: {}\nservices:\n  web: {}\n");
        assertEquals(List.of("qa"), lines(bash(checkout, "tlctl", "-f", tmp.resolve("other.yaml").toString(), "plan",
                "--env", "")));
        // Outside any checkout: no names, no error.
        Path nowhere = Files.createDirectories(tmp.resolve("nowhere"));
        Files.createDirectories(nowhere.resolve(".git"));
        assertEquals(List.of(), lines(bash(nowhere, "tlctl", "plan", "--env", "")));
    }

    @Test
    void bashRegistersTlctlAndBinTlctl() throws Exception {
        String registered = exec(checkout, "bash", "-c", "source " + script("bash") + "; complete -p tlctl bin/tlctl");
        assertTrue(registered.contains("complete -F _tlctl tlctl"), registered);
        assertTrue(registered.contains("complete -F _tlctl bin/tlctl"), registered);
    }

    @Test
    void zshLoadsUnderCompinit() throws Exception {
        Path script = script("zsh");
        assertTrue(Files.readString(script).startsWith("#compdef tlctl"), "compinit reads the first line");
        assumeTrue(installed("zsh"), "zsh is not installed");
        exec(checkout, "zsh", "-n", script.toString());
        String loaded = exec(checkout, "zsh", "-f", "-c", "fpath=(" + script.getParent() + " $fpath); autoload -U compinit;"
                + " compinit -u -D; print -r -- \"$_comps[tlctl] ${_patcomps[*/tlctl]}\"");
        assertEquals("_tlctl _tlctl", loaded.strip(), "compinit binds _tlctl to tlctl and to */tlctl (bin/tlctl)");
    }

    @Test
    void fishCompletesTheSame() throws Exception {
        Path script = script("fish");
        assumeTrue(installed("fish"), "fish is not installed");
        String envs = exec(checkout, "fish", "--no-config", "-c", "source " + script + "; complete -C'tlctl plan --env st'");
        assertEquals(List.of("staging"), lines(envs).stream().map(l -> l.split("\t")[0]).toList());
        String services = exec(checkout, "fish", "--no-config", "-c", "source " + script
                + "; complete -C'bin/tlctl deploy --service engine-w'");
        assertEquals(List.of("engine-worker"), lines(services).stream().map(l -> l.split("\t")[0]).toList());
    }
}
