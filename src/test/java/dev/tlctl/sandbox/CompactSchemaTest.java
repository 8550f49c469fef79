package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.introspection.IntrospectionQuery;
import graphql.language.AstPrinter;
import graphql.language.BooleanValue;
import graphql.language.Comment;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValue;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.IntValue;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.NullValue;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.idl.SchemaPrinter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link CompactSchema}: {@code schema.compact} is exactly what {@code schema.graphqls} parses to,
 * and the schema made from it is the one graphql-java's standard generator makes and validates
 * from the SDL. After a change to the SDL, rewrite it with
 * {@code mvn test -Dtest=CompactSchemaTest -Dtlctl.writeCompactSchema=true}.
 */
class CompactSchemaTest {
    private static final Path FILE = Path.of("src/main/resources" + CompactSchema.RESOURCE);

    @Test
    void theCompactFormIsWhatTheSdlParsesTo() throws IOException {
        String expected = write(parse(GraphqlEngine.sdl()));
        if (Boolean.getBoolean("tlctl.writeCompactSchema")) {
            Files.writeString(FILE, expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, Files.readString(FILE, StandardCharsets.UTF_8),
                FILE + " is stale: rewrite it with mvn test -Dtest=CompactSchemaTest -Dtlctl.writeCompactSchema=true");
        assertEquals(expected, Files.readString(Path.of("target/classes" + CompactSchema.RESOURCE)), "the jar's copy");
    }

    @Test
    void theSchemaFromTheCompactFormIsTheValidatedOneFromTheSdl() {
        GraphQL compact = GraphqlEngine.build(CompactSchema.registry());
        GraphQL checked = GraphqlEngine.checked(GraphqlEngine.sdl());
        SchemaPrinter printer = new SchemaPrinter(SchemaPrinter.Options.defaultOptions().includeScalarTypes(true)
                .includeSchemaDefinition(true).includeDirectives(false));
        String printed = printer.print(compact.getGraphQLSchema());
        assertEquals(printer.print(checked.getGraphQLSchema()), printed);
        assertTrue(printed.contains("\"Always null (the sandbox has no CDN)") || printed.contains("Always null (the sandbox"),
                "comments are descriptions");
        assertEquals(introspect(checked), introspect(compact));
        assertEquals(GraphqlEngine.standard().schema().getAllTypesAsList().size(),
                compact.getGraphQLSchema().getAllTypesAsList().size(), "the sandbox's engine reads the compact form");
    }

    @Test
    void typesReadOutermostFirstAndAnUnknownLineIsRefused() {
        assertEquals("[Log!]!", AstPrinter.printAst(CompactSchema.type("![!Log")));
        assertEquals("String", AstPrinter.printAst(CompactSchema.type("String")));
        assertEquals("[[Int]!]", AstPrinter.printAst(CompactSchema.type("[![Int")));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CompactSchema.read("T\tQuery\nX\tfoo\n"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        var registry = CompactSchema.read("C\t a comment\nT\tQuery\nF\tme\t!User\nA\tall\tBoolean\tb:false\nT\tUser\nF\tid\t!ID\n");
        ObjectTypeDefinition query = registry.getTypeOrNull("Query", ObjectTypeDefinition.class);
        assertEquals(List.of(" a comment"), query.getComments().stream().map(Comment::getContent).toList());
        assertEquals("me(all: Boolean = false): User!", AstPrinter.printAst(query.getFieldDefinitions().get(0)));
    }

    private static Map<String, Object> introspect(GraphQL graphQL) {
        ExecutionResult result = graphQL.execute(IntrospectionQuery.INTROSPECTION_QUERY);
        assertTrue(result.getErrors().isEmpty(), result.getErrors().toString());
        return result.toSpecification();
    }

    private static Document parse(String sdl) {
        return new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(sdl)
                .parserOptions(ParserOptions.getDefaultSdlParserOptions()).build());
    }

    /** The compact form of an SDL document; anything it cannot say fails here, not at start-up. */
    static String write(Document document) {
        StringBuilder out = new StringBuilder();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof ScalarTypeDefinition scalar) {
                plain(scalar.getDescription(), scalar.getDirectives());
                line(out, scalar.getComments(), "S", scalar.getName());
            } else if (definition instanceof ObjectTypeDefinition type) {
                plain(type.getDescription(), type.getDirectives());
                assertTrue(type.getImplements().isEmpty(), type.getName() + " implements nothing");
                line(out, type.getComments(), "T", type.getName());
                for (FieldDefinition field : type.getFieldDefinitions()) {
                    plain(field.getDescription(), field.getDirectives());
                    line(out, field.getComments(), "F", field.getName(), type(field.getType()));
                    for (InputValueDefinition argument : field.getInputValueDefinitions()) {
                        inputValue(out, "A", argument);
                    }
                }
            } else if (definition instanceof InputObjectTypeDefinition input) {
                plain(input.getDescription(), input.getDirectives());
                line(out, input.getComments(), "I", input.getName());
                for (InputValueDefinition field : input.getInputValueDefinitions()) {
                    plain(field.getDescription(), field.getDirectives());
                    inputValue(out, "F", field);
                }
            } else if (definition instanceof EnumTypeDefinition enumType) {
                plain(enumType.getDescription(), enumType.getDirectives());
                line(out, enumType.getComments(), "E", enumType.getName());
                for (EnumValueDefinition value : enumType.getEnumValueDefinitions()) {
                    plain(value.getDescription(), value.getDirectives());
                    line(out, value.getComments(), "V", value.getName());
                }
            } else {
                throw new AssertionError("the compact form has no " + definition.getClass().getSimpleName());
            }
        }
        return out.toString();
    }

    private static void inputValue(StringBuilder out, String kind, InputValueDefinition value) {
        plain(value.getDescription(), value.getDirectives());
        if (value.getDefaultValue() == null) {
            line(out, value.getComments(), kind, value.getName(), type(value.getType()));
        } else {
            line(out, value.getComments(), kind, value.getName(), type(value.getType()), value(value.getDefaultValue()));
        }
    }

    private static void plain(Object description, List<?> directives) {
        assertEquals(null, description, "the compact form keeps no \"\"\"descriptions\"\"\" (comments it keeps)");
        assertTrue(directives.isEmpty(), "the compact form keeps no directives");
    }

    private static void line(StringBuilder out, List<Comment> comments, String... fields) {
        for (Comment comment : comments) {
            line(out, List.of(), "C", comment.getContent());
        }
        for (String field : fields) {
            assertTrue(field.indexOf('\t') < 0 && field.indexOf('\n') < 0, "no tab or line break: " + field);
        }
        out.append(String.join("\t", fields)).append('\n');
    }

    private static String type(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return "!" + type(nonNull.getType());
        }
        if (type instanceof ListType list) {
            return "[" + type(list.getType());
        }
        return ((TypeName) type).getName();
    }

    private static String value(Value<?> value) {
        if (value instanceof BooleanValue b) {
            return "b:" + b.isValue();
        }
        if (value instanceof IntValue i) {
            return "i:" + i.getValue();
        }
        if (value instanceof StringValue s) {
            return "s:" + s.getValue();
        }
        if (value instanceof EnumValue e) {
            return "e:" + e.getName();
        }
        if (value instanceof NullValue) {
            return "n:";
        }
        throw new AssertionError("the compact form has no default value like " + AstPrinter.printAst(value));
    }
}
