package dev.tlctl.sandbox;

import graphql.Directives;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.introspection.GoodFaithIntrospection;
import graphql.parser.ParserOptions;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLDirective;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.FastSchemaGenerator;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The sandbox's SDL, wired, and the execution of one document against a store. */
final class GraphqlEngine {
    static final String SDL_RESOURCE = "/dev/tlctl/sandbox/schema.graphqls";
    private static final Logger LOG = Logger.getLogger(GraphqlEngine.class.getName());
    private static volatile GraphQL shared;
    private static final FieldCoordinates SCHEMA_DIRECTIVES = FieldCoordinates.coordinates("__Schema", "directives");
    private static final List<String> STANDARD_FIRST = List.of(Directives.IncludeDirective.getName(),
            Directives.SkipDirective.getName(), Directives.DeferDirective.getName(),
            Directives.ExperimentalDisableErrorPropagationDirective.getName());
    /**
     * The SDL parser's options without what nothing reads: source locations. (Comments stay: the
     * generator makes a type's comment its description, which introspection answers.)
     */
    private static final ParserOptions QUICK_PARSE = ParserOptions.getDefaultSdlParserOptions()
            .transform(options -> options.captureSourceLocation(false));

    private final GraphQL graphQL;

    GraphqlEngine(GraphQL graphQL) {
        this.graphQL = graphQL;
    }

    /**
     * The engine over the sandbox's own SDL (built once per JVM: the schema is immutable), read
     * from its {@link CompactSchema compact form}.
     */
    static GraphqlEngine standard() {
        GraphQL graphQL = shared;
        if (graphQL == null) {
            synchronized (GraphqlEngine.class) {
                if (shared == null) {
                    shared = build(CompactSchema.registry());
                }
                graphQL = shared;
            }
        }
        return new GraphqlEngine(graphQL);
    }

    /**
     * Starts building the standard engine on a daemon thread, so that it overlaps whatever the
     * caller does before the first request (reading a spec, setting up a client); the first
     * request waits for it. A failure here is only logged: the first request builds it again and
     * reports the error.
     */
    static void warmUp() {
        if (shared != null) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                standard();
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.FINE, "building the sandbox's GraphQL engine in the background", e);
            }
        }, "tlctl-sandbox-schema");
        thread.setDaemon(true);
        thread.start();
    }

    GraphQLSchema schema() {
        return graphQL.getGraphQLSchema();
    }

    static String sdl() {
        return Resources.text(SDL_RESOURCE);
    }

    /**
     * Wires an SDL (the sandbox's, or in tests the sandbox's plus extensions), the quick way: the
     * parser keeps no source locations, the schema no copy of each type's and field's AST
     * definition (nothing reads them), and graphql-java's fast builder takes the types as
     * generated, without its schema validation (a third of the schema's cost at start-up).
     * {@link #checked} builds the same schema the standard, validating way; QuickSchemaTest holds
     * the two identical, introspection's answer included.
     */
    static GraphQL build(String sdl) {
        return build(new SchemaParser().parse(new StringReader(sdl), QUICK_PARSE));
    }

    /** As {@link #build(String)}, from type definitions already read (the sandbox's: {@link CompactSchema}). */
    static GraphQL build(TypeDefinitionRegistry registry) {
        GraphQLSchema schema = new FastSchemaGenerator().makeExecutableSchema(
                SchemaGenerator.Options.defaultOptions().captureAstDefinitions(false).withValidation(false),
                registry, Wiring.runtimeWiring());
        return engine(schema.transformWithoutTypes(builder -> builder.codeRegistry(schema.getCodeRegistry()
                .transform(code -> code.dataFetcher(SCHEMA_DIRECTIVES, GraphqlEngine::directivesInStandardOrder)))));
    }

    /**
     * Introspection's directives in the order the standard generator gives them: the executable
     * directives graphql-java always adds first, then the others as the schema has them (the fast
     * builder puts {@code @include} and {@code @skip} last).
     */
    private static List<GraphQLDirective> directivesInStandardOrder(DataFetchingEnvironment env) {
        List<GraphQLDirective> all = env.getGraphQLSchema().getDirectives();
        List<GraphQLDirective> ordered = new ArrayList<>();
        for (String first : STANDARD_FIRST) {
            all.stream().filter(d -> d.getName().equals(first)).forEach(ordered::add);
        }
        all.stream().filter(d -> !STANDARD_FIRST.contains(d.getName())).forEach(ordered::add);
        return ordered;
    }

    /** {@link #build}'s schema made by graphql-java's standard generator, which validates it. */
    static GraphQL checked(String sdl) {
        return engine(new SchemaGenerator().makeExecutableSchema(
                SchemaGenerator.Options.defaultOptions().captureAstDefinitions(false),
                new SchemaParser().parse(sdl), Wiring.runtimeWiring()));
    }

    private static GraphQL engine(GraphQLSchema schema) {
        return GraphQL.newGraphQL(schema).defaultDataFetcherExceptionHandler(errors())
                .preparsedDocumentProvider(new DocumentCache()).build();
    }

    /** A SandboxException's message is the error's message, word for word; anything else is a sandbox bug. */
    private static DataFetcherExceptionHandler errors() {
        return parameters -> {
            Throwable e = parameters.getException();
            while (e instanceof CompletionException && e.getCause() != null) {
                e = e.getCause();
            }
            if (!(e instanceof SandboxException)) {
                LOG.log(Level.WARNING, "tlctl sandbox internal error at " + parameters.getPath(), e);
            }
            String message = e instanceof SandboxException ? e.getMessage()
                    : "tlctl sandbox internal error: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage());
            GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError(parameters.getDataFetchingEnvironment())
                    .message(message);
            builder.extensions(Map.of("code", e instanceof SandboxException sandbox && sandbox.code() != null
                    ? sandbox.code() : SandboxException.INTERNAL_SERVER_ERROR));
            GraphQLError error = builder.build();
            return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
        };
    }

    /**
     * Railway's errors carry {@code extensions.code}, not graphql-java's {@code classification}:
     * business errors {@code INTERNAL_SERVER_ERROR} (API-NOTES section 8: the creation quotas are
     * refused so inside HTTP 200) or their own code ({@code STALE_ENVIRONMENT_BASE}); a document
     * that does not parse or validate gets the codes of Apollo Server, which Railway's answers
     * follow ({@code GRAPHQL_PARSE_FAILED}, {@code GRAPHQL_VALIDATION_FAILED}; an assumption,
     * docs/railway-semantics.md).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withRailwayErrorCodes(Map<String, Object> response) {
        Object errors = response.get("errors");
        if (!(errors instanceof java.util.List<?> list)) {
            return response;
        }
        java.util.List<Object> fixed = new java.util.ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> error)) {
                fixed.add(item);
                continue;
            }
            Map<String, Object> copy = new java.util.LinkedHashMap<>((Map<String, Object>) error);
            Map<String, Object> extensions = copy.get("extensions") instanceof Map<?, ?> given
                    ? new java.util.LinkedHashMap<>((Map<String, Object>) given) : new java.util.LinkedHashMap<>();
            Object classification = extensions.remove("classification");
            extensions.putIfAbsent("code", "InvalidSyntax".equals(classification) ? "GRAPHQL_PARSE_FAILED"
                    : "ValidationError".equals(classification) ? "GRAPHQL_VALIDATION_FAILED"
                    : SandboxException.INTERNAL_SERVER_ERROR);
            copy.put("extensions", extensions);
            fixed.add(copy);
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>(response);
        out.put("errors", fixed);
        return out;
    }

    /**
     * Runs one document as one store transaction; returns the response document ({data, errors})
     * as JSON, written before the transaction ends: parts of it may be views of the state
     * ({@link MaskedConfig}), and another request may change the state right after.
     */
    byte[] execute(Store store, String bearer, String projectAccessToken, String query,
                   String operationName, Map<String, Object> variables) {
        return store.transaction(() -> {
            Caller caller = Caller.resolve(store.state(), bearer, projectAccessToken);
            ExecutionInput input = ExecutionInput.newExecutionInput()
                    .query(query)
                    .operationName(operationName)
                    .variables(variables == null ? Map.of() : variables)
                    .graphQLContext(Map.of(Wiring.Context.class, new Wiring.Context(store, caller, projectAccessToken != null),
                            // Railway answers any valid introspection document; graphql-java's
                            // default "good faith" limits refuse the standard full one.
                            GoodFaithIntrospection.GOOD_FAITH_INTROSPECTION_DISABLED, true))
                    .build();
            ExecutionResult result = graphQL.execute(input);
            try {
                return Json.MAPPER.writeValueAsBytes(withRailwayErrorCodes(result.toSpecification()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("Could not write the answer as JSON", e);
            }
        });
    }
}
