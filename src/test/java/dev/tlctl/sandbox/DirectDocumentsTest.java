package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.language.Argument;
import graphql.language.AstPrinter;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code direct.compact} is what tlctl's first documents and the sandbox's schema make (so a
 * document changed on the client's side, or a type changed in the SDL, fails here until the file is
 * made again), and a text one character off is not recognised. After such a change rewrite it with
 * {@code mvn test -Dtest=DirectDocumentsTest -Dtlctl.writeDirectDocuments=true}.
 */
class DirectDocumentsTest {
    /** The queries tlctl sends at start: plan, drift and apply read the project; a first run finds it. */
    static final List<String> NAMES = List.of("ReadProject", "MyWorkspaces", "WorkspaceBilling");
    private static final Path FILE = Path.of("src/main/resources" + DirectDocuments.RESOURCE);

    static String clientDocument(String name) {
        try (InputStream in = DirectDocumentsTest.class.getResourceAsStream("/dev/tlctl/railway/graphql/" + name + ".graphql")) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theFileIsWhatTlctlsDocumentsAndTheSchemaMake() throws IOException {
        GraphQLSchema schema = GraphqlEngine.standard().schema();
        StringBuilder out = new StringBuilder("# Made by DirectDocumentsTest from tlctl's documents and schema.graphqls: do not edit.\n");
        for (String name : NAMES) {
            out.append(compact(name, clientDocument(name), schema));
        }
        String expected = out.toString();
        if (Boolean.getBoolean("tlctl.writeDirectDocuments")) {
            Files.writeString(FILE, expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, Files.readString(FILE, StandardCharsets.UTF_8),
                FILE + " is stale: rewrite it with mvn test -Dtest=DirectDocumentsTest -Dtlctl.writeDirectDocuments=true");
    }

    @Test
    void onlyTheExactTextIsRecognised() {
        for (String name : NAMES) {
            String text = clientDocument(name);
            DirectDocuments.Document document = DirectDocuments.find(text);
            assertNotNull(document, name);
            assertEquals(name, document.name());
            assertEquals(HttpFront.parse(text, null, null).rootFields(), document.rootFields(), name);
            assertNull(DirectDocuments.find(text + " "), "one character more");
            assertNull(DirectDocuments.find(text.substring(0, text.length() - 1)), "one character less");
            for (int i = 0; i < text.length(); i += 7) {
                char[] chars = text.toCharArray();
                chars[i] = chars[i] == 'x' ? 'y' : 'x';
                assertNull(DirectDocuments.find(new String(chars)), name + " changed at " + i);
            }
            // Two characters changed so that the hash stays (31 a + b = 31 (a + 1) + (b - 31)): the text decides.
            for (int i = 0; i + 1 < text.length(); i++) {
                if (text.charAt(i + 1) - 31 >= ' ' && text.charAt(i) < '~') {
                    char[] chars = text.toCharArray();
                    chars[i]++;
                    chars[i + 1] -= 31;
                    String twin = new String(chars);
                    assertEquals(DirectDocuments.hash(text), DirectDocuments.hash(twin), "the same hash");
                    assertNull(DirectDocuments.find(twin), name + ": a text with the same hash at " + i);
                    break;
                }
            }
            String withoutComments = text.lines().filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n"));
            assertNull(DirectDocuments.find(withoutComments), "the same operation written otherwise");
        }
    }

    /** The document's lines: its D line, its variables, its fields walked in the document's order. */
    static String compact(String name, String text, GraphQLSchema schema) {
        Document document = Parser.parse(text);
        assertEquals(1, document.getDefinitions().size(), name + ": one operation, no fragments");
        OperationDefinition operation = (OperationDefinition) document.getDefinitions().get(0);
        assertEquals(OperationDefinition.Operation.QUERY, operation.getOperation(), name + " is a query");
        StringBuilder out = new StringBuilder();
        out.append("D\t").append(name).append("\tquery\t").append(text.length()).append('\t')
                .append(Long.toHexString(DirectDocuments.hash(text))).append('\t')
                .append(String.join(",", HttpFront.parse(text, null, null).rootFields())).append('\n');
        out.append("Q\t").append(DirectDocuments.escape(text)).append('\n');
        for (VariableDefinition variable : operation.getVariableDefinitions()) {
            String value = variable.getDefaultValue() == null ? "" : literal(variable.getDefaultValue());
            assertNotNull(value, name + ": the default of $" + variable.getName());
            out.append("V\t").append(variable.getName()).append('\t').append(AstPrinter.printAst(variable.getType()))
                    .append('\t').append(value).append('\n');
        }
        fields(operation.getSelectionSet(), schema.getQueryType(), 0, out);
        return out.toString();
    }

    private static void fields(SelectionSet selections, GraphQLObjectType parent, int depth, StringBuilder out) {
        for (Selection<?> selection : selections.getSelections()) {
            Field field = (Field) selection; // no fragments in these documents
            assertNull(field.getAlias(), field.getName() + ": no aliases");
            GraphQLFieldDefinition definition = parent.getFieldDefinition(field.getName());
            assertNotNull(definition, parent.getName() + "." + field.getName());
            GraphQLNamedType named = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(definition.getType());
            String kind = named instanceof GraphQLObjectType ? "O" : named instanceof GraphQLEnumType ? "E"
                    : named instanceof GraphQLScalarType scalar && DirectAnswer.coercing(scalar.getName()).getClass()
                            == scalar.getCoercing().getClass() ? "S" : "X";
            String include = "-";
            for (Directive directive : field.getDirectives()) {
                if (directive.getName().equals("include") && directive.getArgument("if").getValue()
                        instanceof VariableReference variable) {
                    include = variable.getName();
                } else {
                    kind = "X";
                }
            }
            List<String> arguments = new ArrayList<>();
            for (Argument argument : field.getArguments()) {
                String value = argument.getValue() instanceof VariableReference variable ? "$" + variable.getName()
                        : literal(argument.getValue());
                if (value == null) {
                    kind = "X"; // a list or enum literal: left to graphql-java
                } else {
                    arguments.add(argument.getName() + "=" + value);
                }
            }
            String values = named instanceof GraphQLEnumType enumType ? enumType.getValues().stream()
                    .map(GraphQLEnumValueDefinition::getName).collect(Collectors.joining(",")) : "";
            out.append("F\t").append(depth).append('\t').append(parent.getName()).append('\t').append(field.getName())
                    .append('\t').append(GraphQLTypeUtil.simplePrint(definition.getType())).append('\t').append(kind)
                    .append('\t').append(include).append('\t').append(String.join(",", arguments)).append('\t')
                    .append(values).append('\n');
            if (kind.equals("O")) {
                fields(field.getSelectionSet(), (GraphQLObjectType) named, depth + 1, out);
            }
        }
    }

    /** A literal the file can hold, or null. */
    private static String literal(Value<?> value) {
        if (value instanceof BooleanValue b) {
            return "b:" + b.isValue();
        }
        if (value instanceof IntValue i && i.getValue().bitLength() < 32) {
            return "i:" + i.getValue();
        }
        if (value instanceof StringValue s && s.getValue().chars().noneMatch(c -> c == ',' || c == '\t' || c == '\n')) {
            return "s:" + s.getValue();
        }
        return null;
    }

    @Test
    void aCompactFileReadsBack() {
        var read = DirectDocuments.read(compact("WorkspaceBilling", clientDocument("WorkspaceBilling"),
                GraphqlEngine.standard().schema()));
        DirectDocuments.Document document = read.values().iterator().next();
        assertEquals("workspace", document.fields().get(0).name());
        assertEquals('O', document.fields().get(0).kind());
        assertTrue(document.fields().get(0).type().nonNull());
        assertEquals(List.of("id", "name", "customer"),
                document.fields().get(0).fields().stream().map(DirectDocuments.Field::name).toList());
    }
}
