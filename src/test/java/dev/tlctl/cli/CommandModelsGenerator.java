package dev.tlctl.cli;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Spec;

/**
 * Writes {@code CommandModels.java}: picocli's model of every subcommand as picocli builds it from
 * the annotations by reflection, written as code that builds the same model without reflecting on
 * annotations. The annotations stay the source: {@link CommandModelsTest} fails when the file is
 * not what this writes, and compares each model built both ways.
 */
final class CommandModelsGenerator {
    private final StringBuilder methods = new StringBuilder();
    private final StringBuilder mixins = new StringBuilder();
    private final java.util.Set<Class<?>> mixinTypes = new java.util.HashSet<>();

    private CommandModelsGenerator() {}

    /** The source of {@code CommandModels.java}. */
    static String source() {
        CommandModelsGenerator generator = new CommandModelsGenerator();
        StringBuilder cases = new StringBuilder();
        for (String name : TlctlCommand.SUBCOMMANDS.keySet()) {
            CommandSpec spec = new CommandLine(TlctlCommand.SUBCOMMANDS.get(name).get()).getCommandSpec();
            String base = methodName(name);
            cases.append("            case \"").append(name).append("\" -> ").append(base).append("Model();\n");
            generator.command(base, spec);
        }
        return "package dev.tlctl.cli;\n\n"
                + "import picocli.CommandLine;\n"
                + "import picocli.CommandLine.Model.CommandSpec;\n\n"
                + "/**\n"
                + " * picocli's models of the subcommands, built in code: what picocli builds from their annotations by\n"
                + " * reflection (a proxy class per annotation type, and a third of a short command's start-up), written\n"
                + " * out by the test CommandModelsGenerator from those annotations, which stay the source. Generated: do\n"
                + " * not edit; after changing a command's annotations run\n"
                + " * {@code mvn test -Dtest=CommandModelsTest -Dtlctl.regenerate=true}.\n"
                + " */\n"
                + "final class CommandModels {\n"
                + "    private CommandModels() {}\n\n"
                + "    /** The model of the subcommand {@code name} (one of TlctlCommand's), with a new command object. */\n"
                + "    static CommandSpec of(String name) {\n"
                + "        return switch (name) {\n"
                + cases
                + "            default -> throw new IllegalArgumentException(\"no command \" + name);\n"
                + "        };\n"
                + "    }\n"
                + generator.methods
                + generator.mixins
                + "}\n";
    }

    private static String methodName(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return out.toString();
    }

    /** Writes {@code <base>Model()}, which builds {@code spec}, and the methods of its subcommands. */
    private void command(String base, CommandSpec spec) {
        String method = base + "Model";
        StringBuilder body = new StringBuilder();
        Class<?> type = spec.userObject().getClass();
        body.append("\n    private static CommandSpec ").append(method).append("() {\n");
        body.append("        ").append(typeName(type)).append(" command = new ").append(typeName(type)).append("();\n");
        body.append("        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);\n");
        body.append("        spec.name(").append(literal(spec.name())).append(");\n");
        if (spec.aliases().length > 0) {
            body.append("        spec.aliases(").append(literals(spec.aliases())).append(");\n");
        }
        usage(body, spec.usageMessage());
        for (Map.Entry<String, CommandLine> sub : spec.subcommands().entrySet()) {
            String subBase = base + Character.toUpperCase(sub.getKey().charAt(0)) + methodName(sub.getKey()).substring(1);
            body.append("        spec.addSubcommand(").append(literal(sub.getKey())).append(", new CommandLine(")
                    .append(subBase).append("Model()));\n");
            command(subBase, sub.getValue().getCommandSpec());
        }
        for (Field field : specFields(type)) {
            body.append("        ").append(assign("command", field, "spec")).append(";\n");
        }
        members(body, "spec", "command", spec);
        if (spec.mixinStandardHelpOptions()) {
            body.append("        ModelParts.standardHelp(spec);\n");
        }
        body.append("        return spec;\n    }\n");
        methods.append(body);
    }

    /** Adds the options, positional parameters and mixins of {@code spec} to {@code target}, in picocli's order. */
    private void members(StringBuilder body, String target, String scope, CommandSpec spec) {
        if (!spec.argGroups().isEmpty() || !spec.unmatchedArgsBindings().isEmpty()) {
            throw new IllegalStateException("CommandModelsGenerator does not write argument groups or @Unmatched: "
                    + spec.userObject().getClass());
        }
        for (Class<?> c = spec.userObject().getClass(); c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(picocli.CommandLine.ParentCommand.class)) {
                    throw new IllegalStateException("CommandModelsGenerator does not write @ParentCommand: " + f);
                }
            }
        }
        Map<ArgSpec, String> owner = new IdentityHashMap<>();
        for (Map.Entry<String, CommandSpec> mixin : spec.mixins().entrySet()) {
            for (ArgSpec arg : mixin.getValue().args()) {
                owner.put(arg, mixin.getKey());
            }
        }
        List<String> added = new ArrayList<>();
        for (ArgSpec arg : spec.args()) {
            String mixin = owner.get(arg);
            if (mixin == null) {
                body.append("        ").append(target).append(arg.isOption() ? ".addOption(" : ".addPositional(")
                        .append(arg(scope, arg)).append(");\n");
            } else if (!mixin.equals(ModelParts.STANDARD_HELP) && !added.contains(mixin)) {
                added.add(mixin);
                mixin(body, target, scope, spec, mixin);
            }
        }
        for (String mixin : spec.mixins().keySet()) {
            if (!mixin.equals(ModelParts.STANDARD_HELP) && !added.contains(mixin)) {
                mixin(body, target, scope, spec, mixin);
            }
        }
    }

    private void mixin(StringBuilder body, String target, String scope, CommandSpec spec, String name) {
        CommandSpec mixin = spec.mixins().get(name);
        Class<?> type = mixin.userObject().getClass();
        Field field = field(spec.userObject().getClass(), name);
        String method = mixinMethod(type, mixin);
        body.append("        ").append(assign(scope, field, "new " + typeName(type) + "()")).append(";\n");
        body.append("        ").append(target).append(".addMixin(").append(literal(name)).append(", ").append(method)
                .append('(').append(scope).append('.').append(field.getName()).append("));\n");
    }

    /** The method that builds the model of a mixin of {@code type} (written once, for every command that has one). */
    private String mixinMethod(Class<?> type, CommandSpec mixin) {
        String method = Character.toLowerCase(type.getSimpleName().charAt(0)) + type.getSimpleName().substring(1) + "Mixin";
        if (!specFields(type).isEmpty()) {
            throw new IllegalStateException("CommandModelsGenerator does not write @Spec in a mixin: " + type);
        }
        if (mixinTypes.add(type)) {
            StringBuilder body = new StringBuilder();
            body.append("\n    private static CommandSpec ").append(method).append('(').append(typeName(type))
                    .append(" mixin) {\n");
            body.append("        CommandSpec spec = CommandSpec.wrapWithoutInspection(mixin);\n");
            members(body, "spec", "mixin", mixin);
            body.append("        return spec;\n    }\n");
            mixins.append(body);
        }
        return method;
    }

    /** The expression building {@code arg}, bound to its field in {@code scope}. */
    private static String arg(String scope, ArgSpec arg) {
        Field field = (Field) arg.userObject();
        String declaring = typeName(field.getDeclaringClass()) + ".class";
        StringBuilder out = new StringBuilder();
        ArgSpec plain;
        if (arg instanceof OptionSpec option) {
            out.append("ModelParts.option(").append(scope).append(", ").append(declaring).append(", ")
                    .append(literal(field.getName())).append(", ").append(String.join(", ", literalList(option.names())))
                    .append(')');
            plain = OptionSpec.builder("-x").build();
        } else {
            PositionalParamSpec positional = (PositionalParamSpec) arg;
            out.append("ModelParts.positional(").append(scope).append(", ").append(declaring).append(", ")
                    .append(literal(field.getName())).append(')');
            out.append("\n                .index(").append(literal(positional.index().originalValue())).append(')');
            plain = PositionalParamSpec.builder().build();
        }
        out.append("\n                .type(").append(typeName(arg.type())).append(".class)");
        if (arg.auxiliaryTypes().length > 0) {
            List<String> aux = new ArrayList<>();
            for (Class<?> c : arg.auxiliaryTypes()) {
                aux.add(typeName(c) + ".class");
            }
            out.append(".auxiliaryTypes(").append(String.join(", ", aux)).append(')');
        }
        if (!arg.arity().isUnspecified()) {
            out.append("\n                .arity(").append(literal(arg.arity().originalValue())).append(')');
        }
        out.append("\n                .paramLabel(").append(literal((String) raw(arg, "paramLabel"))).append(')');
        String[] description = (String[]) raw(arg, "description");
        if (description.length > 0) {
            out.append("\n                .description(").append(literals(description)).append(')');
        }
        flag(out, "required", arg.required(), plain.required());
        flag(out, "hidden", arg.hidden(), plain.hidden());
        flag(out, "hideParamSyntax", arg.hideParamSyntax(), plain.hideParamSyntax());
        flag(out, "interactive", arg.interactive(), plain.interactive());
        for (String name : List.of("descriptionKey", "defaultValue", "splitRegex", "splitRegexSynopsisLabel",
                "mapFallbackValue", "prompt")) {
            // ModelParts gives every argument an empty description key and prompt, as the annotations do.
            String base = name.equals("descriptionKey") || name.equals("prompt") ? "" : (String) raw(plain, name);
            text(out, name, (String) raw(arg, name), base);
        }
        if (arg.showDefaultValue() != plain.showDefaultValue()) {
            out.append("\n                .showDefaultValue(CommandLine.Help.Visibility.").append(arg.showDefaultValue()).append(')');
        }
        if (arg.scopeType() != plain.scopeType()) {
            out.append("\n                .scopeType(CommandLine.ScopeType.").append(arg.scopeType()).append(')');
        }
        if (arg instanceof OptionSpec option) {
            OptionSpec plainOption = (OptionSpec) plain;
            text(out, "fallbackValue", (String) raw(option, "fallbackValue"), (String) raw(plainOption, "fallbackValue"));
            flag(out, "negatable", option.negatable(), plainOption.negatable());
            flag(out, "usageHelp", option.usageHelp(), plainOption.usageHelp());
            flag(out, "versionHelp", option.versionHelp(), plainOption.versionHelp());
            if (option.order() != plainOption.order()) {
                out.append("\n                .order(").append(option.order()).append(')');
            }
        }
        if (arg.converters().length > 0 || arg.parameterConsumer() != null || arg.preprocessor().getClass() != plain.preprocessor().getClass()) {
            throw new IllegalStateException("CommandModelsGenerator does not write converters, consumers or preprocessors: "
                    + arg);
        }
        out.append("\n                .withToString(").append(literal((String) raw(arg, "toString"))).append(")\n                .build()");
        return out.toString();
    }

    private static void flag(StringBuilder out, String name, boolean value, boolean plain) {
        if (value != plain) {
            out.append("\n                .").append(name).append('(').append(value).append(')');
        }
    }

    private static void text(StringBuilder out, String name, String value, String plain) {
        if (!Objects.equals(value, plain)) {
            out.append("\n                .").append(name).append('(').append(literal(value)).append(')');
        }
    }

    /**
     * The usage message's attributes that differ from a new command's, set through the setter of the
     * same name (strings, string arrays, booleans, numbers and the exit code list).
     */
    private static void usage(StringBuilder body, UsageMessageSpec usage) {
        UsageMessageSpec plain = CommandSpec.create().usageMessage();
        Method[] getters = UsageMessageSpec.class.getMethods();
        Arrays.sort(getters, java.util.Comparator.comparing(Method::getName));
        for (Method getter : getters) {
            if (getter.getParameterCount() != 0 || getter.getDeclaringClass() != UsageMessageSpec.class
                    || Modifier.isStatic(getter.getModifiers())) {
                continue;
            }
            Class<?> type = getter.getReturnType();
            String name = getter.getName();
            if (List.of("width", "messages", "sectionMap", "sectionKeys", "helpFactory").contains(name)) {
                continue; // derived from the terminal, or objects no command sets
            }
            // The fields as set: the getters interpolate variables and give defaults for what is unset;
            // the exit code list is kept as the annotation's strings until asked for.
            boolean asked = name.equals("exitCodeList") || !hasField(usage, name);
            Object value = asked ? invoke(getter, usage) : raw(usage, name);
            Object base = asked ? invoke(getter, plain) : raw(plain, name);
            if (asked && !name.equals("exitCodeList") && !Objects.deepEquals(value, base)) {
                throw new IllegalStateException("CommandModelsGenerator does not write the usage attribute " + name);
            }
            if (Objects.deepEquals(value, base)) {
                continue;
            }
            String code;
            if (type == String.class) {
                code = literal((String) value);
            } else if (type == String[].class) {
                code = literals((String[]) value);
            } else if (type == boolean.class || type == int.class || type == Boolean.class || type == Integer.class) {
                code = String.valueOf(value);
            } else if (type == char.class) {
                code = "'" + value + "'";
            } else if (name.equals("exitCodeList")) {
                List<String> entries = new ArrayList<>();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    entries.add(literal((String) e.getKey()));
                    entries.add(literal((String) e.getValue()));
                }
                code = "ModelParts.exitCodes(" + String.join(", ", entries) + ")";
            } else {
                throw new IllegalStateException("CommandModelsGenerator does not write the usage attribute " + name);
            }
            body.append("        spec.usageMessage().").append(name).append('(').append(code).append(");\n");
        }
    }

    private static boolean hasField(Object target, String name) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The field {@code name} of {@code target} as set, without the getter's interpolation or defaults. */
    static Object raw(Object target, String name) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no field " + name + " in " + target.getClass());
    }

    private static List<Field> specFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(Spec.class)) {
                    fields.add(f);
                }
            }
        }
        return fields;
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    return f;
                }
            }
        }
        throw new IllegalStateException("no field " + name + " in " + type);
    }

    private static String assign(String scope, Field field, String value) {
        if (Modifier.isPrivate(field.getModifiers())) {
            throw new IllegalStateException("CommandModelsGenerator needs " + field + " not private");
        }
        return scope + "." + field.getName() + " = " + value;
    }

    private static String typeName(Class<?> type) {
        if (type.isArray()) {
            return typeName(type.getComponentType()) + "[]";
        }
        String name = type.getName().replace('$', '.');
        if (name.startsWith("dev.tlctl.cli.")) {
            return name.substring("dev.tlctl.cli.".length());
        }
        return name.startsWith("java.lang.") && name.indexOf('.', "java.lang.".length()) < 0
                ? name.substring("java.lang.".length()) : name;
    }

    private static String literals(String[] values) {
        return "new String[] {" + String.join(", ", literalList(values)) + "}";
    }

    private static List<String> literalList(String[] values) {
        return Arrays.stream(values).map(CommandModelsGenerator::literal).toList();
    }

    static String literal(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
