package dev.tlctl.railway;

import dev.tlctl.railway.GraphQLTokenizer.Kind;
import dev.tlctl.railway.GraphQLTokenizer.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An executable document holding one operation, split into the parts a batch needs: its type and
 * name, its variable definitions, and its root fields as token ranges. Fragments are refused:
 * tlctl's documents write their fields out.
 */
final class OperationDocument {
    enum Type {
        QUERY, MUTATION, SUBSCRIPTION;

        String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code $name: <rest>}, where rest is the type, any default value and any directives. */
    record VariableDefinition(String name, List<Token> rest) {}

    /** A root field: its response key (alias or name) and its tokens from the field name on. */
    record RootField(String responseKey, String fieldName, List<Token> tokens) {}

    /** The type and name of a document's only operation, read without a full parse. */
    record Header(Type type, String name) {}

    private final String label;
    private final Type type;
    private final String name;
    private final List<VariableDefinition> variables;
    private final List<RootField> fields;

    private OperationDocument(String label, Type type, String name, List<VariableDefinition> variables, List<RootField> fields) {
        this.label = label;
        this.type = type;
        this.name = name;
        this.variables = List.copyOf(variables);
        this.fields = List.copyOf(fields);
    }

    Type type() {
        return type;
    }

    /** The operation's name, or null when it has none. */
    String name() {
        return name;
    }

    /** The operation's name, or the label the caller gave, for messages. */
    String label() {
        return label;
    }

    List<VariableDefinition> variables() {
        return variables;
    }

    List<RootField> fields() {
        return fields;
    }

    boolean declares(String variable) {
        return variables.stream().anyMatch(v -> v.name().equals(variable));
    }

    /**
     * The type and name of the document's operation when it holds exactly one, else null. Never
     * throws: the transport uses it only to name the operation and to tell writes from reads.
     */
    static Header header(String text) {
        List<Token> tokens;
        try {
            tokens = GraphQLTokenizer.tokenize(text, "");
        } catch (IllegalArgumentException e) {
            return null;
        }
        Header found = null;
        int depth = 0;
        boolean headerOpen = false; // after query/mutation/subscription/fragment, until its '{'
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (depth == 0) {
                Type type = t.kind() == Kind.NAME ? operationType(t.text()) : null;
                boolean shorthand = t.is("{") && !headerOpen;
                if (type != null && !headerOpen || shorthand) {
                    if (found != null) {
                        return null; // several operations
                    }
                    Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
                    found = shorthand
                            ? new Header(Type.QUERY, null)
                            : new Header(type, next != null && next.kind() == Kind.NAME ? next.text() : null);
                }
                if (type != null || t.is("fragment")) {
                    headerOpen = true;
                } else if (t.is("{")) {
                    headerOpen = false;
                }
            }
            if (t.is("{") || t.is("(") || t.is("[")) {
                depth++;
            } else if (t.is("}") || t.is(")") || t.is("]")) {
                depth--;
            }
        }
        return found;
    }

    /** Parses {@code text}; {@code label} names it in errors until its own name is known. */
    static OperationDocument parse(String text, String label) {
        return new Parser(GraphQLTokenizer.tokenize(text, label), label).document();
    }

    private static Type operationType(String keyword) {
        switch (keyword) {
            case "query":
                return Type.QUERY;
            case "mutation":
                return Type.MUTATION;
            case "subscription":
                return Type.SUBSCRIPTION;
            default:
                return null;
        }
    }

    private static final class Parser {
        private final List<Token> tokens;
        private String label;
        private int index;

        Parser(List<Token> tokens, String label) {
            this.tokens = tokens;
            this.label = label;
        }

        OperationDocument document() {
            Token first = peek();
            if (first == null) {
                throw error("is empty", null);
            }
            Type type;
            String name = null;
            List<VariableDefinition> variables = new ArrayList<>();
            if (first.is("{")) {
                type = Type.QUERY;
            } else if (first.kind() == Kind.NAME && operationType(first.text()) != null) {
                type = operationType(first.text());
                next();
                if (peek() != null && peek().kind() == Kind.NAME) {
                    name = next().text();
                    label = name;
                }
                if (peek() != null && peek().is("(")) {
                    variables = variableDefinitions();
                }
                if (peek() != null && peek().is("@")) {
                    throw error("has a directive on the operation, which a batch cannot keep", peek());
                }
            } else if (first.is("fragment")) {
                throw fragments(first);
            } else {
                throw error("should start with query, mutation or '{', not '" + first.text() + "'", first);
            }
            List<RootField> fields = rootSelectionSet(variables);
            Token rest = peek();
            if (rest != null) {
                throw rest.is("fragment") ? fragments(rest) : error("holds more than one operation", rest);
            }
            return new OperationDocument(label, type, name, variables, fields);
        }

        private List<VariableDefinition> variableDefinitions() {
            expect("(");
            List<VariableDefinition> definitions = new ArrayList<>();
            Set<String> names = new HashSet<>();
            while (!peekIs(")")) {
                expect("$");
                Token nameToken = expectName();
                expect(":");
                int start = index;
                int depth = 0;
                while (true) {
                    Token t = tokenAt(index);
                    if (t == null) {
                        throw error("ends inside its variable definitions", null);
                    }
                    if (depth == 0 && (t.is("$") || t.is(")"))) {
                        break;
                    }
                    depth += delta(t);
                    index++;
                }
                List<Token> rest = trimCommas(tokens.subList(start, index));
                if (rest.isEmpty()) {
                    throw error("gives variable $" + nameToken.text() + " no type", nameToken);
                }
                if (!names.add(nameToken.text())) {
                    throw error("declares variable $" + nameToken.text() + " twice", nameToken);
                }
                definitions.add(new VariableDefinition(nameToken.text(), rest));
            }
            expect(")");
            return definitions;
        }

        private List<RootField> rootSelectionSet(List<VariableDefinition> variables) {
            Set<String> declared = new HashSet<>();
            variables.forEach(v -> declared.add(v.name()));
            expect("{");
            List<RootField> fields = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            while (!peekIs("}")) {
                Token first = peek();
                if (first == null) {
                    throw error("ends inside its selection set", null);
                }
                if (first.is("...")) {
                    throw fragments(first);
                }
                Token fieldName = expectName();
                String responseKey = fieldName.text();
                if (peekIs(":")) {
                    next();
                    fieldName = expectName();
                }
                int start = index - 1;
                if (peekIs("(")) {
                    skipBalanced(declared);
                }
                while (peekIs("@")) {
                    next();
                    expectName();
                    if (peekIs("(")) {
                        skipBalanced(declared);
                    }
                }
                if (peekIs("{")) {
                    skipBalanced(declared);
                }
                if (!keys.add(responseKey)) {
                    throw error("selects '" + responseKey + "' twice at its root", first);
                }
                fields.add(new RootField(responseKey, fieldName.text(), tokens.subList(start, index)));
            }
            if (fields.isEmpty()) {
                throw error("selects no field", peek());
            }
            expect("}");
            return fields;
        }

        /** Skips from an opening bracket to its match, checking variables and refusing fragments. */
        private void skipBalanced(Set<String> declared) {
            int depth = 0;
            do {
                Token t = tokenAt(index);
                if (t == null) {
                    throw error("ends before a bracket is closed", null);
                }
                if (t.is("...")) {
                    throw fragments(t);
                }
                if (t.is("$")) {
                    Token variable = tokenAt(index + 1);
                    if (variable == null || variable.kind() != Kind.NAME) {
                        throw error("has a '$' without a variable name", t);
                    }
                    if (!declared.contains(variable.text())) {
                        throw error("uses variable $" + variable.text() + " without declaring it", variable);
                    }
                }
                depth += delta(t);
                index++;
            } while (depth > 0);
        }

        private static int delta(Token t) {
            if (t.is("{") || t.is("(") || t.is("[")) {
                return 1;
            }
            if (t.is("}") || t.is(")") || t.is("]")) {
                return -1;
            }
            return 0;
        }

        /** Drops the commas that separate definitions; those inside a default value stay. */
        private static List<Token> trimCommas(List<Token> list) {
            int from = 0;
            int to = list.size();
            while (from < to && list.get(from).kind() == Kind.COMMA) {
                from++;
            }
            while (to > from && list.get(to - 1).kind() == Kind.COMMA) {
                to--;
            }
            return List.copyOf(list.subList(from, to));
        }

        private Token tokenAt(int i) {
            return i < tokens.size() ? tokens.get(i) : null;
        }

        /** The next significant token (commas skipped), or null at the end. */
        private Token peek() {
            while (index < tokens.size() && tokens.get(index).kind() == Kind.COMMA) {
                index++;
            }
            return tokenAt(index);
        }

        private boolean peekIs(String text) {
            Token t = peek();
            return t != null && t.is(text);
        }

        private Token next() {
            Token t = peek();
            if (t == null) {
                throw error("ends too early", null);
            }
            index++;
            return t;
        }

        private void expect(String text) {
            Token t = peek();
            if (t == null) {
                throw error("ends where '" + text + "' was expected", null);
            }
            if (!t.is(text)) {
                throw error("has '" + t.text() + "' where '" + text + "' was expected", t);
            }
            index++;
        }

        private Token expectName() {
            Token t = peek();
            if (t == null) {
                throw error("ends where a name was expected", null);
            }
            if (t.kind() != Kind.NAME) {
                throw error("has '" + t.text() + "' where a name was expected", t);
            }
            index++;
            return t;
        }

        private IllegalArgumentException fragments(Token at) {
            return error("uses fragments, which tlctl's operation documents do not support:"
                    + " write the fields out instead", at);
        }

        private IllegalArgumentException error(String what, Token at) {
            return new IllegalArgumentException("The GraphQL document " + label + " " + what
                    + (at == null ? "." : " (" + at.where() + ")."));
        }
    }
}
