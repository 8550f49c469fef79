package dev.tlctl.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * How every command's {@code --help} is laid out, applied once to the whole command tree: the
 * global options are described at the top level only (a subcommand still accepts them, and names
 * the ones that mean something for it in one line), and example lines in a footer are never
 * wrapped inside a command: a comment too long for the line goes under its command, a command too
 * long is broken after a {@code &&} or a {@code |}, where the shell reads on.
 */
final class HelpLayout {
    /** The section naming a subcommand's global options, right after its own options. */
    static final String SECTION_GLOBALS = "tlctlGlobalOptions";

    /** The global options by what they are about, in the order help names them. */
    private static final List<String> SPEC = List.of("-f", "--env-file", "--allow-file");
    private static final List<String> TARGET = List.of("--sandbox", "--sandbox-state", "--api-url");
    private static final List<String> OUTPUT = List.of("--color", "-q", "--stacktrace");

    /** Commands (by qualified name) for which some global options mean nothing; every other: all of them. */
    private static final Map<String, List<String>> MEANINGFUL = Map.of(
            "tlctl validate", join(SPEC, List.of("--sandbox"), OUTPUT),
            "tlctl schema", OUTPUT,
            "tlctl version", OUTPUT,
            "tlctl completion", join(List.of("-f"), OUTPUT),
            "tlctl sandbox", OUTPUT);

    private HelpLayout() {}

    /** Lays out the help of {@code root} and of every subcommand under it. */
    static void apply(CommandLine root) {
        layOut(root.getCommandSpec(), true);
    }

    private static void layOut(CommandSpec command, boolean isRoot) {
        UsageMessageSpec usage = command.usageMessage();
        usage.sectionMap().put(UsageMessageSpec.SECTION_KEY_FOOTER, new Section(true));
        // import writes a spec where there is none: it never fails for want of one.
        if (!command.qualifiedName().equals("tlctl import")) {
            usage.exitCodeList(withSpecReading(usage.exitCodeList()));
        }
        if (!isRoot) {
            for (OptionSpec option : new ArrayList<>(command.options())) {
                if ((option.inherited() || option.versionHelp()) && !option.hidden()) {
                    command.remove(option);
                    command.addOption(option.toBuilder().hidden(true).scopeType(picocli.CommandLine.ScopeType.LOCAL).build());
                }
            }
            List<String> keys = new ArrayList<>(usage.sectionKeys());
            if (!keys.contains(SECTION_GLOBALS)) {
                keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_OPTION_LIST) + 1, SECTION_GLOBALS);
                usage.sectionKeys(keys);
            }
            usage.sectionMap().put(SECTION_GLOBALS, new Section(false));
        }
        command.subcommands().values().forEach(sub -> layOut(sub.getCommandSpec(), false));
    }

    /**
     * The footer's examples, or the line naming a subcommand's global options. A class, not lambdas:
     * the start-up archive cannot hold a lambda of a picocli interface (see bin/tlctl), and one made
     * at run time costs start-up time on every run.
     */
    private static final class Section implements IHelpSectionRenderer {
        private final boolean footer;

        Section(boolean footer) {
            this.footer = footer;
        }

        @Override
        public String render(Help help) {
            return footer ? Examples.render(help) : globals(help.commandSpec(), help.commandSpec().usageMessage().width());
        }
    }

    /**
     * {@code exitCodes} with 66 and 67 after 65 where missing: a command that can find its spec
     * invalid (65) reads it, so it can also fail to read it (66) or find none (67); one wording,
     * said once here.
     */
    static Map<String, String> withSpecReading(Map<String, String> exitCodes) {
        if (code(exitCodes, "65") == null && code(exitCodes, "66") == null) {
            return exitCodes;
        }
        Map<String, String> out = new LinkedHashMap<>();
        exitCodes.forEach((code, text) -> {
            out.put(code, text);
            String key = code.strip();
            if (key.equals("65") && code(exitCodes, "66") == null) {
                out.put(code.replace("65", "66"), "the spec file or an env file cannot be read");
                key = "66";
            }
            if (key.equals("66") && code(exitCodes, "67") == null) {
                out.put(code.replace(code.strip(), "67"), NO_SPEC);
            }
        });
        return out;
    }

    private static final String NO_SPEC = "no spec found: no tl-engine.yaml here or in a folder above (up to the"
            + " repository's root), and no -f";

    /** The key of {@code code} in {@code exitCodes} (keys may be padded), or null. */
    private static String code(Map<String, String> exitCodes, String code) {
        return exitCodes.keySet().stream().filter(k -> k.strip().equals(code)).findFirst().orElse(null);
    }

    /** One paragraph naming the global options that mean something for {@code command}. */
    private static String globals(CommandSpec command, int width) {
        List<String> names = meaningful(command.qualifiedName());
        return Examples.wrap("Global options (see 'tlctl --help'): " + String.join(", ", names) + ".", width) + "\n";
    }

    static List<String> meaningful(String qualifiedName) {
        for (Map.Entry<String, List<String>> entry : MEANINGFUL.entrySet()) {
            String name = entry.getKey();
            if (qualifiedName.equals(name) || qualifiedName.startsWith(name + " ")) {
                return entry.getValue();
            }
        }
        return join(SPEC, TARGET, OUTPUT);
    }

    @SafeVarargs
    private static List<String> join(List<String>... lists) {
        Set<String> all = new LinkedHashSet<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return List.copyOf(all);
    }
}
