package dev.tlctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.testing.Tlctl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Renders the {@code --help} of every command and subcommand, found by walking the command tree
 * (a command added later is checked without editing this test): it fits 80 columns, its examples
 * are never wrapped inside a command, and the global options are described at the top level only.
 */
class HelpLayoutTest {
    /** What an example line (indented, in the Examples section) may start with: a program or a comment. */
    private static final Pattern EXAMPLE_START =
            Pattern.compile("^(tlctl|bin/tlctl|java|source|jq|curl|export|eval|# )(\\s|$).*|^# .*");

    @TempDir
    Path dir;

    /** Every command's words after "tlctl": "" for the root, "sandbox serve", ... */
    static Stream<String> commands() {
        CommandLine root = new CommandLine(new TlctlCommand(CliContext.system()).model());
        TlctlCommand.SUBCOMMANDS.values().forEach(command -> root.addSubcommand(command.get()));
        List<String> names = new ArrayList<>();
        collect(root, names);
        return names.stream();
    }

    private static void collect(CommandLine command, List<String> names) {
        names.add(command.getCommandSpec().qualifiedName().replaceFirst("^tlctl ?", ""));
        command.getSubcommands().values().forEach(sub -> collect(sub, names));
    }

    private Tlctl.Run help(String command) {
        List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        args.add("--help");
        return Tlctl.in(dir).env(Map.of()).run(args.toArray(String[]::new));
    }

    @Test
    void everyCommandIsWalked() {
        List<String> all = commands().toList();
        assertTrue(all.containsAll(List.of("", "validate", "plan", "apply", "sandbox serve", "sandbox usage set",
                "billing check", "vars list", "completion")), all.toString());
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpFitsEightyColumnsAndExamplesAreWhole(String command) {
        Tlctl.Run run = help(command);
        assertEquals(0, run.code(), run::toString);
        String[] lines = run.out().split("\n");
        for (String line : lines) {
            assertTrue(line.length() <= 80, "wider than 80 columns in '" + command + "':\n" + line);
        }
        int examples = List.of(lines).indexOf("Examples:");
        if (examples < 0) {
            return;
        }
        String previous = "";
        for (int i = examples + 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                previous = line;
                continue;
            }
            if (Character.isWhitespace(line.charAt(0))) {
                assertTrue(EXAMPLE_START.matcher(line.strip()).matches(),
                        "an example line of '" + command + "' starts with an option or a fragment:\n" + line);
            } else {
                assertFalse(!previous.isBlank() && Character.isWhitespace(previous.charAt(0)),
                        "an example of '" + command + "' wraps to the margin:\n" + previous + "\n" + line);
            }
            previous = line;
        }
    }

    @ParameterizedTest
    @MethodSource("commands")
    void globalOptionsAreDescribedAtTheTopLevelOnly(String command) {
        String out = help(command).out();
        for (String option : List.of("--file=FILE", "--env-file=FILE", "--allow-file=PATH", "--sandbox ",
                "--sandbox-state=FILE", "--api-url=URL", "--stacktrace ", "--version ")) {
            long described = out.lines().filter(l -> l.matches("^\\s+(-\\w, )?" + Pattern.quote(option.strip()) + "(\\s.*|$)"))
                    .count();
            assertEquals(command.isEmpty() ? 1 : 0, described, "'" + command + "' describes " + option + ":\n" + out);
        }
        if (!command.isEmpty()) {
            assertTrue(out.contains("Global options (see 'tlctl --help'):"), out);
        }
    }

    @ParameterizedTest
    @MethodSource("commands")
    void aCommandThatReadsTheSpecListsEveryWayReadingItFails(String command) {
        List<String> codes = help(command).out().lines().dropWhile(l -> !l.equals("Exit codes:")).skip(1)
                .takeWhile(l -> !l.isBlank()).filter(l -> l.matches("^  \\d+ .*")).map(l -> l.strip().split(" ")[0])
                .toList();
        if (List.of("status", "deploy", "rollback", "plan", "apply", "drift", "vars list").contains(command)) {
            assertTrue(codes.contains("65"), command + ": " + codes);
        }
        if (codes.contains("65")) {
            assertTrue(codes.containsAll(command.equals("import") ? List.of("66") : List.of("66", "67")),
                    "'" + command + "' reads the spec but lists only " + codes);
            assertEquals(codes.stream().sorted().toList(), codes, "in order: " + codes);
        }
    }

    @Test
    void globalOptionsAreNamedOnlyWhereTheyMeanSomething() {
        String serve = help("sandbox serve").out();
        String globals = serve.substring(serve.indexOf("Global options"));
        globals = globals.substring(0, globals.indexOf('.', globals.indexOf(':')));
        assertFalse(globals.contains("--sandbox"), globals);
        assertFalse(globals.contains("--env-file"), globals);
        assertTrue(help("plan").out().replace("\n", " ").matches("(?s).*Global options.*--env-file.*--sandbox.*"));
        // Still accepted where they mean nothing (scripts that pass them everywhere keep working).
        assertEquals(0, Tlctl.in(dir).env(Map.of()).run("version", "--stacktrace").code());
    }

    @Test
    void aLongExampleGoesOnUnderItsCommand() {
        StringBuilder out = new StringBuilder();
        Examples.layOut("  tlctl apply --env staging --include-staged --yes # commit the dashboard's staged changes too",
                80, out);
        assertEquals("  tlctl apply --env staging --include-staged --yes\n"
                + "      # commit the dashboard's staged changes too\n", out.toString());
        out.setLength(0);
        Examples.layOut("  tlctl plan --out .tlctl/release.tlplan && tlctl apply .tlctl/release.tlplan --yes", 80, out);
        assertEquals("  tlctl plan --out .tlctl/release.tlplan &&\n    tlctl apply .tlctl/release.tlplan --yes\n",
                out.toString());
        out.setLength(0);
        Examples.layOut("  tlctl vars list --env staging --json | jq '.variables[] | select(.origin == \"railway\")'", 80,
                out);
        assertEquals("  tlctl vars list --env staging --json |\n    jq '.variables[] | select(.origin == \"railway\")'\n",
                out.toString());
    }
}
