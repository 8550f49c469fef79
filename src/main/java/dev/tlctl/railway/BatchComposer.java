package dev.tlctl.railway;

import dev.tlctl.railway.GraphQLTokenizer.Kind;
import dev.tlctl.railway.GraphQLTokenizer.Token;
import dev.tlctl.railway.OperationDocument.RootField;
import dev.tlctl.railway.OperationDocument.Type;
import dev.tlctl.railway.OperationDocument.VariableDefinition;
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
 * serviceCreate(input: $s0_input) { id name } s1: serviceCreate(input: $s1_input) { id name } }}.
 * A part with one root field answers under {@code <alias>}; one with several under
 * {@code <alias>_<field>}. Mutation parts run in the order they were added (GraphQL runs root
 * mutation fields serially).
 */
public final class BatchComposer {
    private final String operationName;
    private final List<Part> parts = new ArrayList<>();

    private record Part(String alias, OperationDocument document, Map<String, Object> variables) {}

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
        OperationDocument parsed = OperationDocument.parse(document, "of part " + alias);
        if (parsed.type() == Type.SUBSCRIPTION) {
            throw new IllegalArgumentException(
                    "Part " + alias + " (" + parsed.label() + ") is a subscription; only queries or mutations can be batched.");
        }
        if (!parts.isEmpty() && parts.get(0).document().type() != parsed.type()) {
            Part first = parts.get(0);
            throw new IllegalArgumentException("A batch cannot mix queries and mutations: part " + alias + " ("
                    + parsed.label() + ") is a " + parsed.type().keyword() + ", part " + first.alias() + " ("
                    + first.document().label() + ") a " + first.document().type().keyword() + ".");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        if (variables != null) {
            for (Map.Entry<String, ?> entry : variables.entrySet()) {
                if (!parsed.declares(entry.getKey())) {
                    throw new IllegalArgumentException("Part " + alias + " (" + parsed.label() + ") has a value for $"
                            + entry.getKey() + ", which its document does not declare.");
                }
                values.put(entry.getKey(), entry.getValue());
            }
        }
        parts.add(new Part(alias, parsed, values));
        return this;
    }

    /** The composed document and variables. */
    public DocumentBatch compose() {
        if (parts.isEmpty()) {
            throw new IllegalStateException("A batch needs at least one part.");
        }
        Map<String, String> owners = new HashMap<>(); // composed name -> what it came from, to catch clashes
        List<String> definitions = new ArrayList<>();
        List<String> selections = new ArrayList<>();
        Map<String, Object> variables = new LinkedHashMap<>();
        Map<String, Map<String, String>> keys = new LinkedHashMap<>();
        List<String> fieldNames = new ArrayList<>();
        for (Part part : parts) {
            String alias = part.alias();
            for (VariableDefinition definition : part.document().variables()) {
                String renamed = alias + "_" + definition.name();
                claim(owners, "$" + renamed, "$" + definition.name() + " of part " + alias);
                definitions.add("$" + renamed + ": " + render(definition.rest()));
                if (part.variables().containsKey(definition.name())) {
                    variables.put(renamed, part.variables().get(definition.name()));
                }
            }
            List<RootField> fields = part.document().fields();
            Map<String, String> partKeys = new LinkedHashMap<>();
            for (RootField field : fields) {
                String key = fields.size() == 1 ? alias : alias + "_" + field.responseKey();
                claim(owners, key, "field " + field.responseKey() + " of part " + alias);
                partKeys.put(field.responseKey(), key);
                fieldNames.add(field.fieldName());
                selections.add(key + ": " + render(renameVariables(field.tokens(), alias)));
            }
            keys.put(alias, partKeys);
        }
        StringBuilder text = new StringBuilder(parts.get(0).document().type().keyword()).append(' ').append(operationName);
        if (!definitions.isEmpty()) {
            text.append('(').append(String.join(", ", definitions)).append(')');
        }
        text.append(" { ").append(String.join(" ", selections)).append(" }");
        return new DocumentBatch(
                text.toString(),
                variables,
                keys,
                parts.get(0).document().type() == Type.MUTATION,
                DocumentBatch.label(fieldNames));
    }

    private static void claim(Map<String, String> owners, String name, String owner) {
        String previous = owners.putIfAbsent(name, owner);
        if (previous != null) {
            throw new IllegalArgumentException("The batch would use the name " + name + " for both " + previous
                    + " and " + owner + "; choose other aliases.");
        }
    }

    private static List<Token> renameVariables(List<Token> tokens, String alias) {
        List<Token> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            out.add(t);
            if (t.is("$") && i + 1 < tokens.size()) {
                Token name = tokens.get(++i);
                out.add(new Token(Kind.NAME, alias + "_" + name.text(), name.line(), name.column()));
            }
        }
        return out;
    }

    /** Prints tokens on one line with the usual spacing; strings keep their exact source text. */
    static String render(List<Token> tokens) {
        StringBuilder out = new StringBuilder();
        Token previous = null;
        for (Token t : tokens) {
            if (previous != null && spaceBetween(previous, t)) {
                out.append(' ');
            }
            out.append(t.text());
            previous = t;
        }
        return out.toString();
    }

    private static boolean spaceBetween(Token previous, Token next) {
        if (next.kind() == Kind.COMMA || next.is(")") || next.is("]") || next.is(":") || next.is("!")) {
            return false;
        }
        if (next.is("(") && previous.kind() == Kind.NAME) {
            return false;
        }
        return !(previous.is("(") || previous.is("[") || previous.is("$") || previous.is("@"));
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
