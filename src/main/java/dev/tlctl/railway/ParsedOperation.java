package dev.tlctl.railway;

import dev.tlctl.railway.GraphQLRequest.OperationType;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * An executable document holding one query or mutation, parsed by graphql-java and checked for
 * what a batch needs: no fragments, no directive on the operation, every variable it uses
 * declared once, distinct root response keys. Parsed once per text: tlctl batches its own
 * documents, a handful of constant texts.
 */
final class ParsedOperation {
    /** Far more than tlctl's documents: a caller batching ever new texts cannot grow it without end. */
    private static final int CACHE_LIMIT = 64;
    private static final Map<String, ParsedOperation> CACHE = new ConcurrentHashMap<>();
    /** graphql-java's limits on tokens and depth, positions for errors, no comments kept. */
    private static final ParserOptions OPTIONS = ParserOptions.newParserOptions().captureLineComments(false).build();

    private final OperationType type;
    private final String name;
    private final List<VariableDefinition> variables;
    private final List<Field> fields;

    private ParsedOperation(OperationType type, String name, List<VariableDefinition> variables, List<Field> fields) {
        this.type = type;
        this.name = name;
        this.variables = variables;
        this.fields = fields;
    }

    /**
     * Parses {@code text}; {@code label} names it in errors when it has no name of its own.
     *
     * @throws IllegalArgumentException when it is not valid GraphQL or cannot be batched
     */
    static ParsedOperation of(String text, String label) {
        ParsedOperation cached = CACHE.get(text);
        if (cached == null) {
            cached = parse(text, label);
            if (CACHE.size() < CACHE_LIMIT) {
                CACHE.putIfAbsent(text, cached);
            }
        }
        return cached;
    }

    /** Parses a small constant document, not kept: {@link BatchComposer#warmUp}. */
    static void warmUp() {
        try {
            parse("mutation WarmUp($id: String!) { warmUp(id: $id) { id name } }", "WarmUp");
        } catch (RuntimeException e) {
            // Nothing depends on it: the documents tlctl batches are parsed, and their errors met, when used.
        }
    }

    OperationType type() {
        return type;
    }

    /** The operation's name, or null when it has none. */
    String name() {
        return name;
    }

    List<VariableDefinition> variables() {
        return variables;
    }

    /** The root fields, as written (an alias stays the field's response key). */
    List<Field> fields() {
        return fields;
    }

    boolean declares(String variable) {
        return variables.stream().anyMatch(v -> v.getName().equals(variable));
    }

    /** {@code field} (of a parsed operation) with every variable reference renamed, at any depth. */
    static Field renameVariables(Field field, UnaryOperator<String> rename) {
        return renamed(field, reference -> rename.apply(reference.getName()), "");
    }

    private static ParsedOperation parse(String text, String label) {
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment().document(text).parserOptions(OPTIONS).build());
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("The GraphQL document " + label + " is not valid GraphQL: " + e.getMessage());
        }
        List<Definition> definitions = document.getDefinitions();
        OperationDefinition operation = definitions.get(0) instanceof OperationDefinition o ? o : null;
        String shown = operation != null && operation.getName() != null ? operation.getName() : label;
        for (Definition<?> definition : definitions) {
            if (!(definition instanceof OperationDefinition)) {
                throw fragments(shown, definition);
            }
        }
        if (definitions.size() > 1) {
            throw error(shown, "holds more than one operation", definitions.get(1));
        }
        if (operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
            throw error(shown, "is a subscription; only queries or mutations can be batched", operation);
        }
        if (!operation.getDirectives().isEmpty()) {
            throw error(shown, "has a directive on the operation, which a batch cannot keep", operation.getDirectives().get(0));
        }
        Set<String> declared = new HashSet<>();
        for (VariableDefinition variable : operation.getVariableDefinitions()) {
            if (!declared.add(variable.getName())) {
                throw error(shown, "declares variable $" + variable.getName() + " twice", variable);
            }
        }
        Set<String> keys = new HashSet<>();
        List<Selection> selections = operation.getSelectionSet().getSelections();
        for (Selection<?> selection : selections) {
            if (!(selection instanceof Field field)) {
                throw fragments(shown, selection);
            }
            String key = field.getResultKey();
            if (!keys.add(key)) {
                throw error(shown, "selects '" + key + "' twice at its root", field);
            }
            // Checks every variable at any depth, and that there is no fragment below.
            renamed(field, reference -> {
                if (!declared.contains(reference.getName())) {
                    throw error(shown, "uses variable $" + reference.getName() + " without declaring it", reference);
                }
                return reference.getName();
            }, shown);
        }
        OperationType type = operation.getOperation() == OperationDefinition.Operation.MUTATION
                ? OperationType.MUTATION : OperationType.QUERY;
        List<Field> fields = selections.stream().map(Field.class::cast).toList();
        return new ParsedOperation(type, operation.getName(), List.copyOf(operation.getVariableDefinitions()), fields);
    }

    /** {@code field} with each variable reference renamed by {@code rename}; {@code label} names the document in errors. */
    private static Field renamed(Field field, Function<VariableReference, String> rename, String label) {
        SelectionSet below = field.getSelectionSet();
        return field.transform(b -> b.arguments(arguments(field.getArguments(), rename))
                .directives(field.getDirectives().stream()
                        .map(d -> d.transform(db -> db.arguments(arguments(d.getArguments(), rename)))).toList())
                .selectionSet(below == null ? null : SelectionSet.newSelectionSet(below.getSelections().stream()
                        .map(selection -> {
                            if (!(selection instanceof Field child)) {
                                throw fragments(label, selection);
                            }
                            return renamed(child, rename, label);
                        }).toList()).build()));
    }

    private static List<Argument> arguments(List<Argument> arguments, Function<VariableReference, String> rename) {
        return arguments.stream().map(a -> a.transform(b -> b.value(value(a.getValue(), rename)))).toList();
    }

    private static Value<?> value(Value<?> value, Function<VariableReference, String> rename) {
        if (value instanceof VariableReference reference) {
            return reference.transform(b -> b.name(rename.apply(reference)));
        }
        if (value instanceof ObjectValue object) {
            return object.transform(b -> b.objectFields(object.getObjectFields().stream()
                    .map(f -> f.transform(fb -> fb.value(value(f.getValue(), rename)))).toList()));
        }
        if (value instanceof ArrayValue array) {
            return array.transform(b -> b.values(array.getValues().stream().<Value>map(v -> value(v, rename)).toList()));
        }
        return value;
    }

    private static IllegalArgumentException fragments(String label, Node<?> at) {
        return error(label, "uses fragments, which tlctl's operation documents do not support: write the fields out instead", at);
    }

    private static IllegalArgumentException error(String label, String what, Node<?> at) {
        SourceLocation where = at.getSourceLocation();
        return new IllegalArgumentException("The GraphQL document " + label + " " + what
                + (where == null ? "." : " (line " + where.getLine() + ", column " + where.getColumn() + ")."));
    }
}
