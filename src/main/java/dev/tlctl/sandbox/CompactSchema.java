package dev.tlctl.sandbox;

import graphql.language.BooleanValue;
import graphql.language.Comment;
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
import graphql.language.SDLDefinition;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox's SDL as type definitions written out ahead of time ({@code schema.compact} beside
 * {@code schema.graphqls}), read back without GraphQL's parser: the parse of the SDL is the
 * largest part of the schema's cost at start-up, and the first request waits for the schema.
 * CompactSchemaTest holds the file equal to what the SDL parses to, and the schema made from it
 * identical to the one made from the SDL; it also rewrites the file when asked.
 *
 * <p>One definition or member a line, fields separated by tabs: {@code S}calar, {@code T}ype,
 * {@code I}nput, {@code E}num name a definition; {@code F} a field (of a type) with its type, or an
 * input field (of an input) with its type and maybe a default; {@code A} an argument of the last field with its type and maybe a
 * default; {@code V} an enum value; {@code C} a comment line of the next definition or member. A
 * type is its name after one {@code !} per non-null and one {@code [} per list, outermost first
 * ({@code [Log!]!} is {@code ![!Log}); a default is {@code b:}, {@code i:}, {@code s:},
 * {@code e:} (boolean, integer, string, enum value) or {@code n:} (null) and its text.
 */
final class CompactSchema {
    static final String RESOURCE = "/dev/tlctl/sandbox/schema.compact";

    private CompactSchema() {}

    /** The type definitions of the sandbox's SDL, from {@link #RESOURCE}. */
    static TypeDefinitionRegistry registry() {
        return read(Resources.text(RESOURCE));
    }

    /** The type definitions {@code text} (the compact form) describes. */
    static TypeDefinitionRegistry read(String text) {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        Definition open = null;
        List<Comment> comments = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "C" -> comments.add(new Comment(f[1], null));
                case "S", "T", "I", "E" -> {
                    close(open, registry);
                    open = new Definition(f[0], f[1], List.copyOf(comments));
                    comments.clear();
                }
                case "F" -> {
                    open.members.add(new Member(f[1], type(f[2]), f.length > 3 ? value(f[3]) : null, List.copyOf(comments)));
                    comments.clear();
                }
                case "A" -> {
                    open.members.get(open.members.size() - 1).arguments.add(InputValueDefinition.newInputValueDefinition()
                            .name(f[1]).type(type(f[2])).defaultValue(f.length > 3 ? value(f[3]) : null)
                            .comments(List.copyOf(comments)).build());
                    comments.clear();
                }
                case "V" -> {
                    open.values.add(EnumValueDefinition.newEnumValueDefinition().name(f[1])
                            .comments(List.copyOf(comments)).build());
                    comments.clear();
                }
                default -> throw new IllegalStateException(RESOURCE + " line " + number + " is not compact SDL: " + line);
            }
        }
        close(open, registry);
        return registry;
    }

    /** A definition being read: its members come on the next lines. */
    private record Definition(String kind, String name, List<Comment> comments, List<Member> members,
                              List<EnumValueDefinition> values) {
        Definition(String kind, String name, List<Comment> comments) {
            this(kind, name, comments, new ArrayList<>(), new ArrayList<>());
        }
    }

    /** A field, or an input field with its default (null: none). */
    private record Member(String name, Type<?> type, Value<?> defaultValue, List<Comment> comments,
                          List<InputValueDefinition> arguments) {
        Member(String name, Type<?> type, Value<?> defaultValue, List<Comment> comments) {
            this(name, type, defaultValue, comments, new ArrayList<>());
        }
    }

    private static void close(Definition d, TypeDefinitionRegistry registry) {
        if (d == null) {
            return;
        }
        SDLDefinition<?> definition = switch (d.kind()) {
            case "S" -> ScalarTypeDefinition.newScalarTypeDefinition().name(d.name()).comments(d.comments()).build();
            case "T" -> ObjectTypeDefinition.newObjectTypeDefinition().name(d.name()).comments(d.comments())
                    .fieldDefinitions(d.members().stream().map(m -> FieldDefinition.newFieldDefinition().name(m.name())
                            .type(m.type()).inputValueDefinitions(m.arguments()).comments(m.comments()).build()).toList())
                    .build();
            case "I" -> InputObjectTypeDefinition.newInputObjectDefinition().name(d.name()).comments(d.comments())
                    .inputValueDefinitions(d.members().stream().map(m -> InputValueDefinition.newInputValueDefinition()
                            .name(m.name()).type(m.type()).defaultValue(m.defaultValue()).comments(m.comments()).build())
                            .toList())
                    .build();
            default -> EnumTypeDefinition.newEnumTypeDefinition().name(d.name()).comments(d.comments())
                    .enumValueDefinitions(d.values()).build();
        };
        registry.add(definition).ifPresent(error -> {
            throw new IllegalStateException(RESOURCE + ": " + error.getMessage());
        });
    }

    /** {@code ![!Log}: NonNull(List(NonNull(Log))). */
    static Type<?> type(String text) {
        return switch (text.charAt(0)) {
            case '!' -> NonNullType.newNonNullType(type(text.substring(1))).build();
            case '[' -> ListType.newListType(type(text.substring(1))).build();
            default -> TypeName.newTypeName(text).build();
        };
    }

    private static Value<?> value(String text) {
        String body = text.substring(2);
        return switch (text.substring(0, 2)) {
            case "b:" -> BooleanValue.newBooleanValue(Boolean.parseBoolean(body)).build();
            case "i:" -> IntValue.newIntValue(new BigInteger(body)).build();
            case "s:" -> StringValue.newStringValue(body).build();
            case "e:" -> EnumValue.newEnumValue(body).build();
            case "n:" -> NullValue.newNullValue().build();
            default -> throw new IllegalStateException(RESOURCE + ": not a compact default value: " + text);
        };
    }
}
