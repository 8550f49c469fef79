package dev.tlctl.railway;

import dev.tlctl.railway.GraphQLRequest.OperationType;
import graphql.language.AstPrinter;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.language.VariableDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Composes several operation documents of the same type into one document, each part's root
 * fields under its alias and its variables renamed {@code <alias>_<name>}, so that independent
 * calls share one HTTP request. Two {@code ServiceCreate} parts {@code s0} and {@code s1} become
 * {@code mutation Batch($s0_input: ServiceCreateInput!, $s1_input: ServiceCreateInput!) { s0:
 * serviceCreate(input: $s0_input) { id name } s1: serviceCreate(input: $s1_input) { id name } }}
 * (sent as graphql-java prints it, compact). A part with one root field answers under
 * {@code <alias>}; one with several under {@code <alias>_<field>}. Mutation parts run in the order
 * they were added (GraphQL runs root mutation fields serially). Parts are parsed with
 * graphql-java's parser ({@link ParsedOperation}) and the batch printed with its
 * {@code AstPrinter}: only an apply that batches loads them, never a plan.
 */
public final class BatchComposer {
    private final String operationName;
    private final List<Part> parts = new ArrayList<>();

    private record Part(String alias, ParsedOperation operation, Map<String, Object> variables) {}

    /** A composer whose document is named {@code Batch}. */
    public BatchComposer() {
        this("Batch");
    }

    /** A composer whose document is named {@code operationName}. */
    public BatchComposer(String operationName) {
        this.operationName = requireName(operationName, "operation name");
    }

    /**
     * Adds {@code document} (one operation, no fragments) under {@code alias}, with its variables
     * by their names in that document.
     *
     * @throws IllegalArgumentException when the document cannot be batched or does not fit
     */
    public BatchComposer add(String alias, String document, Map<String, ?> variables) {
        requireName(alias, "alias");
        if (alias.startsWith("__")) {
            throw new IllegalArgumentException("A batch alias cannot start with '__' (reserved by GraphQL): " + alias);
        }
        Objects.requireNonNull(document, "document");
        for (Part part : parts) {
            if (part.alias().equals(alias)) {
                throw new IllegalArgumentException("The batch already has a part with alias " + alias + ".");
            }
        }
        ParsedOperation parsed = ParsedOperation.of(document, "of part " + alias);
        if (!parts.isEmpty() && parts.get(0).operation().type() != parsed.type()) {
            Part first = parts.get(0);
            throw new IllegalArgumentException("A batch cannot mix queries and mutations: part " + alias + " ("
                    + label(parsed, alias) + ") is a " + parsed.type().keyword() + ", part " + first.alias() + " ("
                    + label(first.operation(), first.alias()) + ") a " + first.operation().type().keyword() + ".");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        if (variables != null) {
            for (Map.Entry<String, ?> entry : variables.entrySet()) {
                if (!parsed.declares(entry.getKey())) {
                    throw new IllegalArgumentException("Part " + alias + " (" + label(parsed, alias) + ") has a value for $"
                            + entry.getKey() + ", which its document does not declare.");
                }
                values.put(entry.getKey(), entry.getValue());
            }
        }
        parts.add(new Part(alias, parsed, values));
        return this;
    }

    /**
     * Readies graphql-java's parser on a daemon thread and returns at once: the first document it
     * parses in a run costs about 150 ms of class loading and parser set-up, which a caller about to
     * wait for Railway anyway (an apply's first requests) can spend meanwhile, so that its batches
     * later find the parser ready. Changes nothing else; a failure is left for the real parse to meet.
     */
    public static void warmUp() {
        Thread thread = new Thread(ParsedOperation::warmUp, "tlctl-parser-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** The composed document and variables. */
    public DocumentBatch compose() {
        if (parts.isEmpty()) {
            throw new IllegalStateException("A batch needs at least one part.");
        }
        Map<String, String> owners = new HashMap<>(); // composed name -> what it came from, to catch clashes
        List<VariableDefinition> definitions = new ArrayList<>();
        List<Field> selections = new ArrayList<>();
        Map<String, Object> variables = new LinkedHashMap<>();
        Map<String, Map<String, String>> keys = new LinkedHashMap<>();
        List<String> fieldNames = new ArrayList<>();
        for (Part part : parts) {
            String alias = part.alias();
            for (VariableDefinition definition : part.operation().variables()) {
                String renamed = alias + "_" + definition.getName();
                claim(owners, "$" + renamed, "$" + definition.getName() + " of part " + alias);
                definitions.add(definition.transform(b -> b.name(renamed)));
                if (part.variables().containsKey(definition.getName())) {
                    variables.put(renamed, part.variables().get(definition.getName()));
                }
            }
            List<Field> fields = part.operation().fields();
            Map<String, String> partKeys = new LinkedHashMap<>();
            for (Field field : fields) {
                String key = fields.size() == 1 ? alias : alias + "_" + field.getResultKey();
                claim(owners, key, "field " + field.getResultKey() + " of part " + alias);
                partKeys.put(field.getResultKey(), key);
                fieldNames.add(field.getName());
                selections.add(ParsedOperation.renameVariables(field, name -> alias + "_" + name)
                        .transform(b -> b.alias(key)));
            }
            keys.put(alias, partKeys);
        }
        OperationType type = parts.get(0).operation().type();
        OperationDefinition composed = OperationDefinition.newOperationDefinition()
                .operation(type == OperationType.MUTATION
                        ? OperationDefinition.Operation.MUTATION : OperationDefinition.Operation.QUERY)
                .name(operationName)
                .variableDefinitions(definitions)
                .selectionSet(SelectionSet.newSelectionSet(selections).build())
                .build();
        return new DocumentBatch(AstPrinter.printAstCompact(composed), operationName, type, variables, keys,
                DocumentBatch.label(fieldNames));
    }

    private static void claim(Map<String, String> owners, String name, String owner) {
        String previous = owners.putIfAbsent(name, owner);
        if (previous != null) {
            throw new IllegalArgumentException("The batch would use the name " + name + " for both " + previous
                    + " and " + owner + "; choose other aliases.");
        }
    }

    /** The operation's name for messages, else the part's. */
    private static String label(ParsedOperation operation, String alias) {
        return operation.name() != null ? operation.name() : "of part " + alias;
    }

    private static String requireName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isEmpty() || !isNameStart(name.charAt(0)) || !name.chars().allMatch(BatchComposer::isNameContinue)) {
            throw new IllegalArgumentException("A batch " + what + " must be a GraphQL name ([_A-Za-z][_0-9A-Za-z]*): '" + name + "'");
        }
        return name;
    }

    private static boolean isNameStart(int c) {
        return c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean isNameContinue(int c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }
}
