package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.introspection.IntrospectionQuery;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaPrinter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sandbox builds its schema the quick way ({@link GraphqlEngine#build}: no source locations,
 * graphql-java's fast builder, no schema validation at start-up); this holds it identical to the
 * schema graphql-java's standard generator makes and validates from the same SDL.
 */
class QuickSchemaTest {
    private static final GraphQL QUICK = GraphqlEngine.build(GraphqlEngine.sdl());
    private static final GraphQL CHECKED = GraphqlEngine.checked(GraphqlEngine.sdl());

    @Test
    void theQuickSchemaPrintsAsTheValidatedOne() {
        SchemaPrinter printer = new SchemaPrinter(SchemaPrinter.Options.defaultOptions().includeDirectives(true)
                .includeIntrospectionTypes(true).includeScalarTypes(true).includeSchemaDefinition(true));
        String quick = printer.print(QUICK.getGraphQLSchema());
        assertEquals(byDirective(printer.print(CHECKED.getGraphQLSchema())), byDirective(quick));
        assertTrue(quick.contains("type Query {") && quick.contains("projectCreate(input: ProjectCreateInput!): Project!"),
                "the whole SDL: " + quick.length() + " characters");
    }

    @Test
    void introspectionAnswersTheSame() {
        Map<String, Object> quick = introspect(QUICK);
        assertEquals(introspect(CHECKED), quick);
        Map<?, ?> schema = (Map<?, ?>) ((Map<?, ?>) quick.get("data")).get("__schema");
        assertTrue(((java.util.List<?>) schema.get("types")).size() > 200, "every type answered");
    }

    @Test
    void theSameTypesInTheSameOrderWithTheSameRoots() {
        GraphQLSchema quick = QUICK.getGraphQLSchema();
        GraphQLSchema checked = CHECKED.getGraphQLSchema();
        assertEquals(checked.getAllTypesAsList().stream().map(t -> t.getName()).toList(),
                quick.getAllTypesAsList().stream().map(t -> t.getName()).toList());
        assertEquals(checked.getQueryType().getName(), quick.getQueryType().getName());
        assertEquals(checked.getMutationType().getName(), quick.getMutationType().getName());
        assertEquals(checked.getDirectives().stream().map(d -> d.getName()).sorted().toList(),
                quick.getDirectives().stream().map(d -> d.getName()).sorted().toList());
    }

    @Test
    void anSdlTheStandardGeneratorRefusesIsRefusedByTheCheckedBuild() {
        String invalid = GraphqlEngine.sdl() + "\ninterface Named { name: String! }\ntype Odd implements Named { id: ID! }\n";
        assertThrows(RuntimeException.class, () -> GraphqlEngine.checked(invalid));
        String unknownType = GraphqlEngine.sdl() + "\nextend type Query { odd: NoSuchType }\n";
        assertThrows(RuntimeException.class, () -> GraphqlEngine.build(unknownType), "the type check stays");
    }

    /** A printed schema with its directive declarations in name order: the fast builder lists them in another. */
    private static String byDirective(String printed) {
        String[] blocks = printed.split("\n\n");
        java.util.List<String> directives = new java.util.ArrayList<>();
        StringBuilder rest = new StringBuilder();
        for (String block : blocks) {
            if (block.contains("\ndirective @") || block.startsWith("directive @") || block.matches("(?s).*^directive @.*")) {
                directives.add(block);
            } else {
                rest.append(block).append("\n\n");
            }
        }
        java.util.Collections.sort(directives);
        return String.join("\n\n", directives) + "\n----\n" + rest;
    }

    private static Map<String, Object> introspect(GraphQL graphQL) {
        ExecutionResult result = graphQL.execute(IntrospectionQuery.INTROSPECTION_QUERY);
        assertTrue(result.getErrors().isEmpty(), result.getErrors().toString());
        return result.toSpecification();
    }
}
