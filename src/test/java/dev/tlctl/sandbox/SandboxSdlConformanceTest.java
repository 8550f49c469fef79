package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.testing.RailwaySchema;
import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.GraphQLError;
import graphql.language.AstPrinter;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The sandbox speaks Railway's API: every type, field, argument, input field and enum value of
 * its SDL exists in Railway's schema with the same type (nullability and list wrapping included)
 * and default; and every document the tests send validates against Railway's full schema.
 */
class SandboxSdlConformanceTest {

    @Test
    void everyDeclarationOfTheSandboxSdlExistsInRailwaysSchemaWithTheSameType() {
        List<String> problems = compare(new SchemaParser().parse(GraphqlEngine.sdl()), RailwaySchema.registry());
        assertEquals(List.of(), problems, "the sandbox SDL differs from Railway's schema");
    }

    @Test
    void everyObjectTypeOfTheSandboxHasEveryFieldOfRailwaysType() {
        // Issue 15, section 6: whole types, so that other clients' documents (the official CLI's) run.
        List<String> missing = missingFields(new SchemaParser().parse(GraphqlEngine.sdl()), RailwaySchema.registry());
        assertEquals(List.of(), missing, "fields of Railway's types the sandbox does not declare");
    }

    @Test
    void theWholeTypeCheckCatchesAMissingField() {
        RailwaySchema.requirePath();
        List<String> missing = missingFields(new SchemaParser().parse("type Query { me: User! }\ntype User { id: ID! }"),
                RailwaySchema.registry());
        assertTrue(missing.contains("User.featureFlags"), missing.toString());
        assertTrue(missing.stream().noneMatch(m -> m.startsWith("Query.")), "roots may be partial: " + missing);
    }

    /** Every field of Railway's type that a declared object type (not Query, not Mutation) lacks, as "Type.field". */
    static List<String> missingFields(TypeDefinitionRegistry mine, TypeDefinitionRegistry real) {
        List<String> missing = new ArrayList<>();
        for (TypeDefinition<?> type : mine.types().values()) {
            if (!(type instanceof ObjectTypeDefinition object) || type.getName().equals("Query")
                    || type.getName().equals("Mutation")) {
                continue;
            }
            Optional<ObjectTypeDefinition> match = real.getType(type.getName(), ObjectTypeDefinition.class);
            if (match.isEmpty()) {
                continue; // reported by compare
            }
            List<String> ours = object.getFieldDefinitions().stream().map(FieldDefinition::getName).toList();
            match.get().getFieldDefinitions().stream().map(FieldDefinition::getName).filter(f -> !ours.contains(f))
                    .sorted().forEach(f -> missing.add(type.getName() + "." + f));
        }
        return missing;
    }

    @Test
    void theComparisonCatchesADifferentTypeAMissingFieldAndAMissingRequiredArgument() {
        RailwaySchema.requirePath();
        String wrong = """
                type Query { me: User  projectX: String  environment(projectId: String): Environment! }
                type User { id: ID! }
                type Environment { id: ID! }
                enum Plan { FREE GOLD }
                input VariableUpsertInput { name: String! skipDeploys: Boolean = true environmentId: String!
                  projectId: String! value: String! }
                """;
        List<String> problems = compare(new SchemaParser().parse(wrong), RailwaySchema.registry());
        assertTrue(problems.contains("Query.me: sandbox User, Railway User!"), problems.toString());
        assertTrue(problems.contains("Query.projectX: not in Railway's schema"), problems.toString());
        assertTrue(problems.contains("Query.environment: omits Railway's required argument id"), problems.toString());
        assertTrue(problems.contains("Plan.GOLD: not in Railway's schema"), problems.toString());
        assertTrue(problems.contains("VariableUpsertInput.skipDeploys: default true, Railway false"),
                problems.toString());
    }

    @Test
    void everyDocumentTheTestsSendIsValidForRailwayAndForTheSandbox() throws IllegalAccessException {
        RailwaySchema.requirePath();
        graphql.schema.GraphQLSchema sandbox = GraphqlEngine.standard().schema();
        List<String> problems = new ArrayList<>();
        int count = 0;
        for (Field field : Docs.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String document = (String) field.get(null);
                count++;
                RailwaySchema.validate(document).forEach(m -> problems.add(field.getName() + " (Railway): " + m));
                ParseAndValidate.parseAndValidate(sandbox, ExecutionInput.newExecutionInput().query(document).build())
                        .getErrors().stream().map(GraphQLError::getMessage)
                        .forEach(m -> problems.add(field.getName() + " (sandbox): " + m));
            }
        }
        assertTrue(count > 30, "found " + count + " documents");
        assertEquals(List.of(), problems);
    }

    @Test
    void railwaySchemaValidateReportsAnUnknownField() {
        RailwaySchema.requirePath();
        List<String> errors = RailwaySchema.validate("query { me { id noSuchField } }");
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("noSuchField"), errors.toString());
        assertEquals(List.of(), RailwaySchema.validate("query { me { id } }"));
    }

    /** Every problem of {@code mine} against {@code real}, as "Type.member: what differs". */
    static List<String> compare(TypeDefinitionRegistry mine, TypeDefinitionRegistry real) {
        List<String> problems = new ArrayList<>();
        for (TypeDefinition<?> type : mine.types().values()) {
            Optional<TypeDefinition<?>> match = real.getType(type.getName()).map(t -> (TypeDefinition<?>) t);
            if (match.isEmpty() || match.get().getClass() != type.getClass()) {
                problems.add(type.getName() + ": no " + kind(type) + " of that name in Railway's schema");
                continue;
            }
            if (type instanceof ObjectTypeDefinition object) {
                compareFields(object, (ObjectTypeDefinition) match.get(), problems);
            } else if (type instanceof InputObjectTypeDefinition input) {
                compareInputs(type.getName(), input.getInputValueDefinitions(),
                        ((InputObjectTypeDefinition) match.get()).getInputValueDefinitions(), problems);
            } else if (type instanceof EnumTypeDefinition enumType) {
                List<String> values = ((EnumTypeDefinition) match.get()).getEnumValueDefinitions().stream()
                        .map(EnumValueDefinition::getName).toList();
                enumType.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName)
                        .filter(v -> !values.contains(v))
                        .forEach(v -> problems.add(type.getName() + "." + v + ": not in Railway's schema"));
            }
        }
        mine.scalars().keySet().stream()
                .filter(name -> !isBuiltIn(name) && !real.scalars().containsKey(name))
                .forEach(name -> problems.add(name + ": no scalar of that name in Railway's schema"));
        for (var entry : mine.objectTypeExtensions().entrySet()) {
            problems.add(entry.getKey() + ": type extensions are not allowed in the sandbox SDL");
        }
        return problems;
    }

    private static void compareFields(ObjectTypeDefinition mine, ObjectTypeDefinition real, List<String> problems) {
        Map<String, FieldDefinition> realFields = real.getFieldDefinitions().stream()
                .collect(Collectors.toMap(FieldDefinition::getName, Function.identity()));
        for (FieldDefinition field : mine.getFieldDefinitions()) {
            String where = mine.getName() + "." + field.getName();
            FieldDefinition counterpart = realFields.get(field.getName());
            if (counterpart == null) {
                problems.add(where + ": not in Railway's schema");
                continue;
            }
            String ours = AstPrinter.printAst(field.getType());
            String theirs = AstPrinter.printAst(counterpart.getType());
            if (!ours.equals(theirs)) {
                problems.add(where + ": sandbox " + ours + ", Railway " + theirs);
            }
            compareInputs(where, field.getInputValueDefinitions(), counterpart.getInputValueDefinitions(), problems);
        }
    }

    /** Arguments or input fields: each of ours exists with the same type and default; none of their required ones is missing. */
    private static void compareInputs(String owner, List<InputValueDefinition> mine, List<InputValueDefinition> real,
                                      List<String> problems) {
        Map<String, InputValueDefinition> byName = real.stream()
                .collect(Collectors.toMap(InputValueDefinition::getName, Function.identity()));
        for (InputValueDefinition value : mine) {
            String where = owner + "." + value.getName();
            InputValueDefinition counterpart = byName.get(value.getName());
            if (counterpart == null) {
                problems.add(where + ": not in Railway's schema");
                continue;
            }
            String ours = AstPrinter.printAst(value.getType());
            String theirs = AstPrinter.printAst(counterpart.getType());
            if (!ours.equals(theirs)) {
                problems.add(where + ": sandbox " + ours + ", Railway " + theirs);
            }
            String ourDefault = value.getDefaultValue() == null ? null : AstPrinter.printAst(value.getDefaultValue());
            String theirDefault = counterpart.getDefaultValue() == null ? null
                    : AstPrinter.printAst(counterpart.getDefaultValue());
            if (!Objects.equals(ourDefault, theirDefault)) {
                problems.add(where + ": default " + ourDefault + ", Railway " + theirDefault);
            }
        }
        List<String> ours = mine.stream().map(InputValueDefinition::getName).toList();
        for (InputValueDefinition value : real) {
            if (value.getType() instanceof NonNullType && value.getDefaultValue() == null
                    && !ours.contains(value.getName())) {
                problems.add(owner + ": omits Railway's required " + (owner.contains(".") ? "argument " : "input field ")
                        + value.getName());
            }
        }
    }

    private static boolean isBuiltIn(String scalar) {
        return List.of("String", "Int", "Float", "Boolean", "ID").contains(scalar);
    }

    private static String kind(TypeDefinition<?> type) {
        if (type instanceof ScalarTypeDefinition) {
            return "scalar";
        }
        if (type instanceof EnumTypeDefinition) {
            return "enum";
        }
        if (type instanceof InputObjectTypeDefinition) {
            return "input";
        }
        return "type";
    }
}
