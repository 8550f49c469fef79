package dev.tlctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@link CommandModels} is what {@link CommandModelsGenerator} writes from the commands'
 * annotations today, and each model it builds is the one picocli builds from them by reflection:
 * every attribute of every option and positional parameter, in the same order, the same mixins and
 * subcommands, and the same help for every command once laid out as {@link Main} lays it out.
 * {@code -Dtlctl.regenerate=true} writes the file instead of failing on a difference.
 */
class CommandModelsTest {
    private static final Path SOURCE = Path.of("src/main/java/dev/tlctl/cli/CommandModels.java");

    @Test
    void theGeneratedModelsAreWhatTheAnnotationsSayToday() throws IOException {
        String expected = CommandModelsGenerator.source();
        if (Boolean.getBoolean("tlctl.regenerate")) {
            Files.writeString(SOURCE, expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, Files.readString(SOURCE, StandardCharsets.UTF_8),
                "CommandModels.java is out of date: mvn test -Dtest=CommandModelsTest -Dtlctl.regenerate=true");
    }

    @Test
    void eachModelIsTheOneReflectionBuilds() {
        for (String name : TlctlCommand.SUBCOMMANDS.keySet()) {
            CommandSpec reflected = new CommandLine(TlctlCommand.SUBCOMMANDS.get(name).get()).getCommandSpec();
            CommandSpec coded = new CommandLine(CommandModels.of(name)).getCommandSpec();
            assertEquals(describe(reflected), describe(coded), name);
        }
    }

    @Test
    void everyCommandsHelpIsTheSame() {
        Map<String, String> reflected = helps(name -> TlctlCommand.SUBCOMMANDS.get(name).get());
        Map<String, String> coded = helps(CommandModels::of);
        assertEquals(reflected.keySet(), coded.keySet());
        reflected.forEach((command, help) -> assertEquals(help, coded.get(command), command));
    }

    /** The help of every command of a tree whose subcommands {@code model} makes, as Main lays it out. */
    private static Map<String, String> helps(Function<String, Object> model) {
        CommandLine root = new CommandLine(new TlctlCommand(CliContext.system()).model());
        TlctlCommand.SUBCOMMANDS.keySet().forEach(name -> root.addSubcommand(model.apply(name)));
        HelpLayout.apply(root);
        Map<String, String> helps = new java.util.LinkedHashMap<>();
        collect(root, helps);
        return helps;
    }

    private static void collect(CommandLine command, Map<String, String> helps) {
        helps.put(command.getCommandSpec().qualifiedName(), command.getUsageMessage(Ansi.OFF));
        command.getSubcommands().values().forEach(sub -> collect(sub, helps));
    }

    /** Every attribute of {@code spec} that parsing or help reads, its subcommands' too, one line each. */
    private static String describe(CommandSpec spec) {
        List<String> lines = new ArrayList<>();
        lines.add("command " + spec.qualifiedName() + " " + spec.userObject().getClass().getName() + " aliases "
                + Arrays.toString(spec.aliases()) + " standard help " + spec.mixinStandardHelpOptions() + " mixins "
                + spec.mixins().keySet() + " subcommands " + spec.subcommands().keySet() + " exit codes "
                + spec.exitCodeOnSuccess() + "/" + spec.exitCodeOnInvalidInput() + "/" + spec.exitCodeOnExecutionException()
                + " options " + spec.optionsMap().keySet());
        for (Map.Entry<String, CommandSpec> mixin : spec.mixins().entrySet()) {
            lines.add("mixin " + mixin.getKey() + " " + mixin.getValue().mixins().keySet() + " "
                    + mixin.getValue().args().stream().map(ArgSpec::toString).toList());
        }
        for (ArgSpec arg : spec.args()) {
            lines.add(describe(arg));
        }
        spec.subcommands().values().forEach(sub -> lines.add(describe(sub.getCommandSpec())));
        return String.join("\n", lines);
    }

    private static String describe(ArgSpec arg) {
        List<Object> parts = new ArrayList<>(List.of(arg.getClass().getSimpleName(), arg.toString(),
                arg.arity() + (arg.arity().isUnspecified() ? " unspecified" : ""),
                CommandModelsGenerator.raw(arg, "paramLabel"), arg.paramLabel(),
                Arrays.toString((String[]) CommandModelsGenerator.raw(arg, "description")),
                Arrays.toString(arg.description()), String.valueOf(arg.descriptionKey()), arg.required(),
                arg.originallyRequired(), arg.hidden(), arg.hideParamSyntax(), arg.interactive(), arg.echo(),
                java.util.Objects.toString((Object) arg.prompt()), arg.type(), Arrays.toString(arg.auxiliaryTypes()),
                arg.typeInfo().getClassName(), arg.typeInfo().isMultiValue(), arg.typeInfo().isCollection(),
                arg.typeInfo().isMap(), arg.typeInfo().isArray(), arg.typeInfo().isBoolean(), arg.typeInfo().isEnum(),
                arg.typeInfo().isOptional(), arg.typeInfo().getEnumConstantNames(),
                String.valueOf(arg.splitRegex()), String.valueOf(arg.splitRegexSynopsisLabel()),
                String.valueOf(arg.defaultValue()), String.valueOf(arg.mapFallbackValue()), arg.showDefaultValue(),
                arg.scopeType(), arg.inherited(), candidates(arg), arg.hasInitialValue(),
                String.valueOf(arg.initialValue()), arg.converters().length, String.valueOf(arg.parameterConsumer()),
                arg.preprocessor().getClass(), String.valueOf((Object) arg.getValue())));
        if (arg instanceof OptionSpec option) {
            parts.addAll(List.of(Arrays.toString(option.names()), option.negatable(), option.order(), option.usageHelp(),
                    option.versionHelp(), option.help(), String.valueOf(option.fallbackValue())));
        } else {
            PositionalParamSpec positional = (PositionalParamSpec) arg;
            parts.addAll(List.of(positional.index(), CommandModelsGenerator.raw(positional, "capacity")));
        }
        return parts.toString();
    }

    private static String candidates(ArgSpec arg) {
        if (arg.completionCandidates() == null) {
            return "none";
        }
        List<String> all = new ArrayList<>();
        arg.completionCandidates().forEach(all::add);
        return all.toString();
    }
}
