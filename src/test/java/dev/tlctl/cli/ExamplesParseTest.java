package dev.tlctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Every tlctl invocation written in the README, the example workflows under {@code examples/} and
 * the Action's own description parses with today's command line (picocli only: nothing runs), so
 * that an example cannot name a command or an option that does not exist.
 */
class ExamplesParseTest {
    static final Path REPOSITORY = Path.of("").toAbsolutePath();

    /**
     * Commands and options being built now, on other branches, which examples may name before
     * they land: each is skipped, and listed, until it parses; an entry no example needs any more
     * fails the test, so that it is removed once its work has merged.
     */
    static final Map<String, String> NOT_YET = Map.of();

    /**
     * One invocation: where it is written and tlctl's arguments; a {@code mention} (a code span in
     * the prose) may name a command without the options it requires.
     */
    record Invocation(String where, List<String> args, boolean mention) {
        @Override
        public String toString() {
            return where + ": tlctl " + String.join(" ", args);
        }
    }

    @Test
    void everyInvocationParses() throws IOException {
        List<Invocation> invocations = new ArrayList<>();
        invocations.addAll(readme(REPOSITORY.resolve("README.md")));
        try (Stream<Path> files = Files.list(REPOSITORY.resolve("examples"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                invocations.addAll(workflow(file));
            }
        }
        assertTrue(invocations.size() > 30, "the scan found the examples: " + invocations.size());
        assertTrue(invocations.stream().anyMatch(i -> i.where().startsWith("examples/plan-on-pull-request.yml")));

        List<String> failures = new ArrayList<>();
        Set<String> pending = new LinkedHashSet<>();
        for (Invocation invocation : invocations) {
            String problem = parse(invocation.args(), invocation.mention(), pending);
            if (problem != null) {
                failures.add(invocation + "\n    " + problem);
            }
        }
        assertEquals(List.of(), failures);
        Set<String> unused = new LinkedHashSet<>(NOT_YET.keySet());
        unused.removeAll(pending);
        assertEquals(Set.of(), unused, "these parse now or no example names them: remove them from NOT_YET");
        System.err.println("ExamplesParseTest: " + invocations.size() + " invocations parsed; skipped until they land: "
                + pending);
    }

    /** Why {@code args} do not parse, or null; an unknown option listed in {@link #NOT_YET} is noted in {@code pending}. */
    static String parse(List<String> args, boolean mention, Set<String> pending) {
        CommandLine commandLine = new CommandLine(new TlctlCommand(null).model());
        TlctlCommand.SUBCOMMANDS.values().forEach(command -> commandLine.addSubcommand(command.get()));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        try {
            commandLine.parseArgs(args.toArray(String[]::new));
            return null;
        } catch (UnmatchedArgumentException e) {
            String command = e.getCommandLine().getCommandSpec().qualifiedName(" ").replaceFirst("^tlctl ?", "");
            List<String> unknown = e.getUnmatched().stream().filter(a -> a.startsWith("-")).toList();
            List<String> keys = unknown.stream().map(a -> command + " " + a.replaceFirst("=.*", "")).toList();
            if (!unknown.isEmpty() && NOT_YET.keySet().containsAll(keys)) {
                pending.addAll(keys);
                return null;
            }
            String first = args.isEmpty() ? "" : args.get(0);
            if (NOT_YET.containsKey(first)) {
                pending.add(first);
                return null;
            }
            return e.getMessage();
        } catch (CommandLine.MissingParameterException e) {
            return mention ? null : e.getMessage();
        } catch (ParameterException e) {
            return e.getMessage();
        }
    }

    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
    private static final Pattern INLINE = Pattern.compile("`((?:bin/)?tlctl [^`]+)`");
    private static final Pattern COMMAND = Pattern.compile("^\\s*(?:\\$ |- )?(?:run:\\s*)?((?:bin/)?tlctl\\s.*)$");

    /**
     * The README's invocations: in code blocks, the lines that run tlctl ({@code $ tlctl ...} in a
     * transcript; any line in a shell or YAML block); in the prose, code spans that start with
     * tlctl. A synopsis ({@code [--json]}, {@code bash|zsh}, {@code ...}) is not an invocation.
     */
    static List<Invocation> readme(Path file) throws IOException {
        List<Invocation> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        String block = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = "README.md:" + (i + 1);
            Matcher fence = FENCE.matcher(line);
            if (fence.matches()) {
                block = block == null ? fence.group(1) : null;
                continue;
            }
            if (block == null) {
                Matcher inline = INLINE.matcher(line);
                while (inline.find()) {
                    add(out, where, inline.group(1), true);
                }
                continue;
            }
            boolean transcript = block.isEmpty() || block.equals("console");
            if (transcript && !line.startsWith("$ ")) {
                continue;
            }
            if (block.equals("json")) {
                continue;
            }
            Matcher command = COMMAND.matcher(line);
            if (command.matches()) {
                add(out, where, command.group(1), false);
            }
        }
        return out;
    }

    /**
     * A workflow's invocations: the {@code command} of each step that uses the tlctl Action, and
     * each {@code run:} line that calls tlctl.
     */
    @SuppressWarnings("unchecked")
    static List<Invocation> workflow(Path file) throws IOException {
        List<Invocation> out = new ArrayList<>();
        String name = REPOSITORY.relativize(file).toString();
        Map<String, Object> root = new Yaml().load(Files.readString(file));
        Map<String, Object> jobs = (Map<String, Object>) root.get("jobs");
        for (Map.Entry<String, Object> job : jobs.entrySet()) {
            List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) job.getValue()).get("steps");
            for (int i = 0; i < steps.size(); i++) {
                Map<String, Object> step = steps.get(i);
                String where = name + " (job " + job.getKey() + ", step " + (i + 1) + ")";
                Object uses = step.get("uses");
                if (uses != null && (uses.equals("./") || uses.toString().matches("[^/]+/tlctl@.+"))) {
                    Map<String, Object> with = (Map<String, Object>) step.getOrDefault("with", Map.of());
                    assertTrue(with.get("command") instanceof String, where + ": the Action needs a command");
                    add(out, where, "tlctl " + with.get("command"), false);
                }
                if (step.get("run") instanceof String run) {
                    for (String line : run.split("\n")) {
                        Matcher command = COMMAND.matcher(line);
                        if (command.matches()) {
                            add(out, where, command.group(1), false);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void add(List<Invocation> out, String where, String text, boolean mention) {
        List<String> words = words(text);
        if (words == null) {
            return; // a synopsis
        }
        out.add(new Invocation(where, words.subList(1, words.size()), mention));
    }

    /**
     * The words of one shell command as the shell would pass them to tlctl: quotes removed, a
     * comment, a pipe or a redirection ends it, {@code <(...)} is one word (a file), a GitHub
     * expression {@code ${{ ... }}} a value. Null for a synopsis.
     */
    static List<String> words(String text) {
        String line = text.replaceAll("\\$\\{\\{[^}]*}}", "VALUE");
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
                continue;
            }
            if (c == '<' && i + 1 < line.length() && line.charAt(i + 1) == '(') {
                int depth = 0;
                int j = i;
                for (; j < line.length(); j++) {
                    depth += line.charAt(j) == '(' ? 1 : line.charAt(j) == ')' ? -1 : 0;
                    if (depth == 0 && line.charAt(j) == ')') {
                        break;
                    }
                }
                word = new StringBuilder("/dev/fd/63");
                i = j;
                continue;
            }
            if (c == '[' || c == ']' || line.startsWith("...", i)) {
                return null;
            }
            if (c == '|' && i > 0 && line.charAt(i - 1) != ' ') {
                return null; // bash|zsh: alternatives, not a pipe
            }
            if (c == '#' && (i == 0 || line.charAt(i - 1) == ' ') || c == '|' || c == '>' || c == ';' || c == '&'
                    || c == '<' || c == '\\') {
                break;
            }
            if (c == ' ' || c == '\t') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                continue;
            }
            word = word == null ? new StringBuilder() : word;
            word.append(c);
        }
        if (word != null) {
            words.add(word.toString());
        }
        if (words.size() > 1 && words.get(1).equals("-jar")) {
            return null;
        }
        return words.isEmpty() ? null : words;
    }

    @Test
    void wordsAreSplitAsTheShellSplitsThem() {
        assertEquals(List.of("tlctl", "plan", "--env", "staging"), words("tlctl plan --env staging  # comment"));
        assertEquals(List.of("bin/tlctl", "billing", "check", "--json"), words("bin/tlctl billing check --json > b.json"));
        assertEquals(List.of("tlctl", "plan", "--env-file", "/dev/fd/63"),
                words("tlctl plan --env-file <(doppler secrets download --no-file --format env)"));
        assertEquals(List.of("tlctl", "validate", "-f", "my spec.yaml"), words("tlctl validate -f 'my spec.yaml'"));
        assertEquals(List.of("tlctl", "apply", "--env", "VALUE"), words("tlctl apply --env ${{ inputs.env }}"));
        assertEquals(null, words("tlctl completion bash|zsh"));
        assertEquals(null, words("tlctl plan [--env NAME]..."));
    }

    @Test
    void aWrongOptionIsCaught() {
        Set<String> pending = new LinkedHashSet<>();
        assertTrue(parse(List.of("plan", "--enviroment", "staging"), false, pending).contains("--enviroment"));
        assertTrue(parse(List.of("deplooy", "--env", "staging"), false, pending).contains("deplooy"));
        assertTrue(parse(List.of("sandbox", "usage", "period"), false, pending).contains("--start"));
        assertEquals(null, parse(List.of("sandbox", "usage", "period"), true, pending), "a mention in the prose");
        assertEquals(null, parse(List.of("apply", "--env", "staging", "--yes", "--wait"), false, pending));
        assertEquals(Set.of(), pending, "apply --wait exists now: nothing is pending");
    }
}
