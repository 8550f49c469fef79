package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The wiring rule: a declared field without an implementation answers an error naming it, never
 * a silent null; and every field the SDL declares is selected by some document the tests send
 * (and those tests assert no errors), or by the walk of {@link WholeTypes}, so no declared field
 * is left unimplemented.
 */
class SchemaWiringTest {

    @Test
    void aDeclaredButUnimplementedFieldAnswersAnErrorNamingIt() throws IOException {
        GraphQL graphQL = GraphqlEngine.build(GraphqlEngine.sdl()
                + "\nextend type Query { foo: String }\nextend type Workspace { bar: Int }\n");
        Store store = Store.open(null, "t", 1, Clock.systemUTC());
        GraphqlEngine engine = new GraphqlEngine(graphQL);

        Map<String, Object> root = answer(engine.execute(store, "t", null, "{ foo }", null, null));
        assertEquals("tlctl sandbox does not implement Query.foo", message(root));
        assertEquals(java.util.Collections.singletonMap("foo", null), root.get("data"));

        String workspaceId = store.transaction(() -> store.state().workspaces.get(0).id);
        Map<String, Object> nested = answer(engine.execute(store, "t", null,
                "query($id: String!) { workspace(workspaceId: $id) { name bar } }", null, Map.of("id", workspaceId)));
        assertEquals("tlctl sandbox does not implement Workspace.bar", message(nested));
        assertEquals(List.of("workspace", "bar"), ((Map<?, ?>) ((List<?>) nested.get("errors")).get(0)).get("path"));
    }

    @Test
    void withoutATokenEveryRootFieldIsNotAuthorized() throws IOException {
        Store store = Store.open(null, "t", 1, Clock.systemUTC());
        Map<String, Object> result = answer(GraphqlEngine.standard().execute(store, null, null, Docs.API_TOKEN, null,
                null));
        assertEquals("Not Authorized", message(result));
        ExecutionResult introspection = GraphqlEngine.standard().schema() == null ? null
                : GraphQL.newGraphQL(GraphqlEngine.standard().schema()).build()
                        .execute(ExecutionInput.newExecutionInput().query("{ __schema { queryType { name } } }").build());
        assertTrue(introspection.getErrors().isEmpty(), "introspection needs no data fetcher");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> answer(byte[] json) throws IOException {
        return Json.MAPPER.readValue(json, Map.class);
    }

    private static String message(Map<String, Object> result) {
        List<?> errors = (List<?>) result.get("errors");
        assertEquals(1, errors.size(), String.valueOf(errors));
        return (String) ((Map<?, ?>) errors.get(0)).get("message");
    }

    @Test
    void everyDeclaredFieldIsSelectedBySomeTestDocument() throws IllegalAccessException {
        GraphQLSchema schema = GraphqlEngine.standard().schema();
        Set<String> declared = new TreeSet<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType object && !type.getName().startsWith("__")) {
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    declared.add(type.getName() + "." + field.getName());
                }
            }
        }
        Set<String> selected = new TreeSet<>();
        for (Field field : Docs.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                Document document = Parser.parse((String) field.get(null));
                for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
                    GraphQLObjectType root = operation.getOperation() == OperationDefinition.Operation.MUTATION
                            ? schema.getMutationType() : schema.getQueryType();
                    collect(root, operation.getSelectionSet(), selected);
                }
            }
        }
        declared.removeAll(selected);
        // Whole types (issue 15, section 6): every field of every type the walk answers is selected
        // by its documents; a type no object of which exists is answered by nothing.
        declared.removeAll(WholeTypes.exploration().fields(schema));
        declared.removeIf(f -> WholeTypes.NEVER_ANSWERED.containsKey(f.substring(0, f.indexOf('.'))));
        assertEquals(Set.of(), declared, "declared fields no test document selects");
    }

    /** The (type.field) pairs a selection set selects, walking down through object types. */
    private static void collect(GraphQLObjectType parent, SelectionSet selectionSet, Set<String> selected) {
        if (selectionSet == null) {
            return;
        }
        for (Selection<?> selection : selectionSet.getSelections()) {
            if (selection instanceof graphql.language.Field field && !field.getName().startsWith("__")) {
                GraphQLFieldDefinition definition = parent.getFieldDefinition(field.getName());
                selected.add(parent.getName() + "." + field.getName());
                if (GraphQLTypeUtil.unwrapAll(definition.getType()) instanceof GraphQLObjectType child) {
                    collect(child, field.getSelectionSet(), selected);
                }
            }
        }
    }
}
