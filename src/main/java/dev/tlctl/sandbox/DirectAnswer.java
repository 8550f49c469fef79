package dev.tlctl.sandbox;

import dev.tlctl.sandbox.DirectDocuments.Document;
import dev.tlctl.sandbox.DirectDocuments.Field;
import dev.tlctl.sandbox.DirectDocuments.Shape;
import dev.tlctl.sandbox.DirectDocuments.Variable;
import graphql.GraphQLContext;
import graphql.schema.Coercing;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironmentImpl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The answer to one of the {@link DirectDocuments} without graphql-java's schema or engine: its
 * fields walked in the document's order through the same fetchers the engine runs ({@link
 * Wiring}), each value completed as graphql-java completes it (the same scalar coercions, lists,
 * objects in field order), in one store transaction, written with the same mapper. Anything it
 * does not answer exactly as the engine would (a variable of another type, a field it does not
 * cover asked for, a null where the type forbids one, any error) gives null: the caller then runs
 * the document through graphql-java, which answers it, errors included. DirectAnswerTest holds the
 * two byte for byte equal over many states.
 */
final class DirectAnswer {
    /** Why a document is left to graphql-java; thrown inside the walk only, without a stack trace. */
    private static final class NotDirect extends RuntimeException {
        private static final NotDirect INSTANCE = new NotDirect();

        private NotDirect() {
            super(null, null, false, false);
        }
    }

    private static volatile Map<String, Map<String, DataFetcher>> fetchers;
    private static final Map<String, Coercing<?, ?>> COERCINGS = new HashMap<>();

    private final Wiring.Context context;
    private final GraphQLContext graphQLContext;
    private final Map<String, Object> variables;

    private DirectAnswer(Wiring.Context context, Map<String, Object> variables) {
        this.context = context;
        this.graphQLContext = GraphQLContext.newContext().of(Wiring.Context.class, context).build();
        this.variables = variables;
    }

    /**
     * Makes ready what the first request and its answer need (the documents, the fetchers, the
     * mapper's reader of a request body and its writer of an answer); for a warm-up thread.
     */
    static void warmUp() {
        DirectDocuments.documents();
        fetchers();
        coercing("String");
        try {
            Json.MAPPER.writeValueAsBytes(Json.MAPPER.readValue("{\"a\":[\"s\",1,2.5,true,null,{}]}", Object.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The JSON answer to {@code document} with {@code variables} (as the request gave them) from
     * the caller of these tokens, or null when graphql-java must answer it.
     */
    static byte[] answer(Store store, Document document, String bearer, String projectAccessToken,
                         Map<String, Object> variables) {
        Map<String, Object> coerced = coerce(document, variables);
        if (coerced == null) {
            return null;
        }
        return store.transaction(() -> {
            Caller caller = Caller.resolve(store.state(), bearer, projectAccessToken);
            DirectAnswer answer = new DirectAnswer(new Wiring.Context(store, caller, projectAccessToken != null), coerced);
            try {
                Map<String, Object> data = answer.object(document.fields(), null);
                Map<String, Object> response = new LinkedHashMap<>();
                response.put("data", data);
                return Json.MAPPER.writeValueAsBytes(response);
            } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
                return null; // NotDirect, or an error the engine reports in its own words
            }
        });
    }

    /** The variables as graphql-java coerces them, or null when it would refuse them or convert one. */
    private static Map<String, Object> coerce(Document document, Map<String, Object> given) {
        Map<String, Object> values = given == null ? Map.of() : given;
        Map<String, Object> coerced = new HashMap<>();
        int known = 0;
        for (Variable variable : document.variables()) {
            if (values.containsKey(variable.name())) {
                known++;
                Object value = values.get(variable.name());
                if (value == null || variable.type().of() != null || !exactly(variable.type().named(), value)) {
                    return null;
                }
                coerced.put(variable.name(), value);
            } else if (variable.defaultValue() != null) {
                coerced.put(variable.name(), variable.defaultValue());
            } else if (variable.type().nonNull()) {
                return null;
            }
        }
        return known == values.size() ? coerced : null;
    }

    private static boolean exactly(String type, Object value) {
        return switch (type) {
            case "String" -> value instanceof String;
            case "Boolean" -> value instanceof Boolean;
            case "Int" -> value instanceof Integer;
            default -> false;
        };
    }

    private Map<String, Object> object(List<Field> fields, Object source) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (Field field : fields) {
            if (field.includeIf() != null && !Boolean.TRUE.equals(variables.get(field.includeIf()))) {
                continue;
            }
            if (field.kind() == 'X') {
                throw NotDirect.INSTANCE;
            }
            object.put(field.name(), complete(field, field.type(), fetch(field, source)));
        }
        return object;
    }

    private Object fetch(Field field, Object source) {
        Map<String, Object> arguments = new LinkedHashMap<>(field.literals());
        field.variables().forEach((argument, variable) -> {
            if (variables.containsKey(variable)) {
                arguments.put(argument, variables.get(variable));
            }
        });
        DataFetcher<?> fetcher = fetchers().getOrDefault(field.parentType(), Map.of()).get(field.name());
        if (fetcher == null) {
            // Wiring's default: the key of the parent's view map, or "does not implement".
            if (source instanceof Map<?, ?> view && view.containsKey(field.name())) {
                return view.get(field.name());
            }
            throw NotDirect.INSTANCE;
        }
        try {
            return fetcher.get(DataFetchingEnvironmentImpl.newDataFetchingEnvironment().source(source)
                    .arguments(arguments).graphQLContext(graphQLContext).build());
        } catch (Exception e) {
            throw NotDirect.INSTANCE;
        }
    }

    private Object complete(Field field, Shape shape, Object value) {
        if (value instanceof java.util.concurrent.CompletionStage<?> || value instanceof graphql.execution.DataFetcherResult<?>) {
            throw NotDirect.INSTANCE; // the sandbox's fetchers answer plain values
        }
        if (value == null) {
            if (shape.nonNull()) {
                throw NotDirect.INSTANCE; // the engine nulls the parent and reports an error
            }
            return null;
        }
        if (shape.of() != null) {
            if (!(value instanceof Iterable<?> items)) {
                throw NotDirect.INSTANCE;
            }
            List<Object> list = new ArrayList<>();
            for (Object item : items) {
                list.add(complete(field, shape.of(), item));
            }
            return list;
        }
        return switch (field.kind()) {
            case 'O' -> object(field.fields(), value);
            case 'E' -> {
                if (!(value instanceof String name) || !field.enumValues().contains(name)) {
                    throw NotDirect.INSTANCE;
                }
                yield value;
            }
            default -> {
                Object serialized = coercing(shape.named()).serialize(value, graphQLContext, Locale.getDefault());
                if (serialized == null && shape.nonNull()) {
                    throw NotDirect.INSTANCE;
                }
                yield serialized;
            }
        };
    }

    private static Map<String, Map<String, DataFetcher>> fetchers() {
        Map<String, Map<String, DataFetcher>> all = fetchers;
        if (all == null) {
            all = Wiring.readFetchers();
            fetchers = all;
        }
        return all;
    }

    /** graphql-java's coercion of a scalar type: its own for the built-in ones, {@link Scalars}' for Railway's. */
    static Coercing<?, ?> coercing(String scalar) {
        synchronized (COERCINGS) {
            return COERCINGS.computeIfAbsent(scalar, name -> switch (name) {
                case "String" -> graphql.Scalars.GraphQLString.getCoercing();
                case "Int" -> graphql.Scalars.GraphQLInt.getCoercing();
                case "Float" -> graphql.Scalars.GraphQLFloat.getCoercing();
                case "Boolean" -> graphql.Scalars.GraphQLBoolean.getCoercing();
                case "ID" -> graphql.Scalars.GraphQLID.getCoercing();
                case "DateTime" -> Scalars.dateTime().getCoercing();
                default -> Scalars.json(name).getCoercing();
            });
        }
    }
}
