package dev.tlctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Railway's custom scalars: DateTime (ISO-8601 strings) and the JSON-valued ones. */
final class Scalars {
    private Scalars() {}

    static GraphQLScalarType dateTime() {
        return GraphQLScalarType.newScalar().name("DateTime").coercing(new DateTimeCoercing()).build();
    }

    /** JSON, EnvironmentConfig and EnvironmentVariables: any JSON value, in and out. */
    static GraphQLScalarType json(String name) {
        return GraphQLScalarType.newScalar().name(name).coercing(new JsonCoercing()).build();
    }

    private static final class DateTimeCoercing implements Coercing<String, String> {
        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            return value == null ? null : value.toString();
        }

        @Override
        public String parseValue(Object input, GraphQLContext context, Locale locale) {
            return check(input);
        }

        @Override
        public String parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue string) {
                return check(string.getValue());
            }
            throw new CoercingParseLiteralException("DateTime must be an ISO-8601 string");
        }

        private static String check(Object input) {
            if (!(input instanceof String text)) {
                throw new CoercingParseValueException("DateTime must be an ISO-8601 string");
            }
            try {
                return Instant.parse(text).toString();
            } catch (DateTimeParseException e) {
                throw new CoercingParseValueException("DateTime must be an ISO-8601 instant such as 2025-01-31T00:00:00Z");
            }
        }
    }

    private static final class JsonCoercing implements Coercing<Object, Object> {
        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            return value instanceof JsonNode node ? Json.toJava(node) : value;
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return input;
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return literal(input, variables);
        }

        private static Object literal(Value<?> input, CoercedVariables variables) {
            if (input instanceof NullValue) {
                return null;
            }
            if (input instanceof StringValue v) {
                return v.getValue();
            }
            if (input instanceof BooleanValue v) {
                return v.isValue();
            }
            if (input instanceof IntValue v) {
                BigInteger value = v.getValue();
                return value.bitLength() < 32 ? (Object) value.intValue() : (Object) value.longValue();
            }
            if (input instanceof FloatValue v) {
                return v.getValue().doubleValue();
            }
            if (input instanceof EnumValue v) {
                return v.getName();
            }
            if (input instanceof VariableReference v) {
                return variables.get(v.getName());
            }
            if (input instanceof ArrayValue v) {
                List<Object> list = new ArrayList<>();
                v.getValues().forEach(element -> list.add(literal(element, variables)));
                return list;
            }
            if (input instanceof ObjectValue v) {
                Map<String, Object> map = new LinkedHashMap<>();
                for (ObjectField field : v.getObjectFields()) {
                    map.put(field.getName(), literal(field.getValue(), variables));
                }
                return map;
            }
            throw new CoercingParseLiteralException("Not a JSON value: " + input);
        }
    }
}
