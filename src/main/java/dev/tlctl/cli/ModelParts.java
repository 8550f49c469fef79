package dev.tlctl.cli;

import java.lang.reflect.Field;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.PicocliException;

/**
 * What {@link CommandModels} builds picocli's models of the commands from: an option or positional
 * parameter bound to its annotated field, as picocli's reflection binds it (its initial value the
 * field's value, restored before each parse), and the standard {@code -h}/{@code -V} options.
 */
final class ModelParts {
    /** The name picocli gives the mixin of {@code mixinStandardHelpOptions}. */
    static final String STANDARD_HELP = "mixinStandardHelpOptions";

    private ModelParts() {}

    /**
     * An option with {@code names}, bound to the field {@code name} of {@code declaring} in
     * {@code scope}, with the empty description key and prompt an annotation gives.
     */
    static OptionSpec.Builder option(Object scope, Class<?> declaring, String name, String... names) {
        Binding binding = new Binding(scope, declaring, name);
        return OptionSpec.builder(names).getter(binding).setter(binding).hasInitialValue(true)
                .initialValue(binding.get()).descriptionKey("").prompt("");
    }

    /** A positional parameter bound to the field {@code name} of {@code declaring} in {@code scope}, as {@link #option}. */
    static PositionalParamSpec.Builder positional(Object scope, Class<?> declaring, String name) {
        Binding binding = new Binding(scope, declaring, name);
        return PositionalParamSpec.builder().getter(binding).setter(binding).hasInitialValue(true)
                .initialValue(binding.get()).descriptionKey("").prompt("");
    }

    /**
     * Adds {@code -h}/{@code --help} and {@code -V}/{@code --version} as picocli's standard mixin
     * declares them (which it would read by reflection, a proxy class for its annotation too), last,
     * as picocli adds them.
     */
    static void standardHelp(CommandSpec command) {
        StandardHelp flags = new StandardHelp();
        CommandSpec mixin = CommandSpec.wrapWithoutInspection(flags);
        mixin.addOption(helpOption(flags, "helpRequested", "-h", "--help").usageHelp(true)
                .descriptionKey("mixinStandardHelpOptions.help").description("Show this help message and exit.").build());
        mixin.addOption(helpOption(flags, "versionRequested", "-V", "--version").versionHelp(true)
                .descriptionKey("mixinStandardHelpOptions.version").description("Print version information and exit.")
                .build());
        command.addMixin(STANDARD_HELP, mixin);
    }

    private static OptionSpec.Builder helpOption(StandardHelp flags, String field, String... names) {
        return option(flags, StandardHelp.class, field, names).type(boolean.class).auxiliaryTypes(boolean.class)
                .paramLabel("<" + field + ">")
                .withToString("field boolean picocli.CommandLine$AutoHelpMixin." + field);
    }

    /** The fields of picocli's standard help options (its own class for them is not public). */
    private static final class StandardHelp {
        boolean helpRequested;
        boolean versionRequested;
    }

    /** The exit code list of a command's help: codes and their meanings, alternately, in order. */
    static java.util.Map<String, String> exitCodes(String... codesAndMeanings) {
        java.util.Map<String, String> list = new java.util.LinkedHashMap<>();
        for (int i = 0; i < codesAndMeanings.length; i += 2) {
            list.put(codesAndMeanings[i], codesAndMeanings[i + 1]);
        }
        return list;
    }

    /** A field read and written by reflection, as picocli's own binding of an annotated field does. */
    private static final class Binding implements IGetter, ISetter {
        private final Object scope;
        private final Field field;

        Binding(Object scope, Class<?> declaring, String name) {
            this.scope = scope;
            try {
                this.field = declaring.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("CommandModels is out of date: no field " + name + " in " + declaring, e);
            }
            field.setAccessible(true);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            try {
                return (T) field.get(scope);
            } catch (IllegalAccessException e) {
                throw new PicocliException("Could not read " + field, e);
            }
        }

        @Override
        public <T> T set(T value) {
            T old = get();
            try {
                field.set(scope, value);
            } catch (IllegalAccessException e) {
                throw new PicocliException("Could not set " + field + " to " + value, e);
            }
            return old;
        }
    }
}
