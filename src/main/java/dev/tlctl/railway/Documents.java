package dev.tlctl.railway;

import dev.tlctl.railway.GraphQLRequest.OperationType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * tlctl's operation documents: one operation per file under {@code dev/tlctl/railway/graphql/}
 * on the classpath, named after the operation ({@code ServiceCreate.graphql}), as in Railway's
 * own CLI. Loaded once and cached. Each begins, after its comment lines, with {@code query <Name>}
 * or {@code mutation <Name>}: the type of its operation is read from that first line, so that no
 * request needs the document parsed (OperationDocumentsConformanceTest checks every document's
 * first line against graphql-java's parse, and the document against Railway's schema).
 */
public final class Documents {
    /** The classpath folder of the documents. */
    public static final String FOLDER = "/dev/tlctl/railway/graphql/";

    private record Loaded(String text, OperationType type) {}

    private static final Map<String, Loaded> CACHE = new ConcurrentHashMap<>();

    private Documents() {}

    /**
     * The text of document {@code name}, such as {@code ServiceCreate}.
     *
     * @throws IllegalArgumentException when there is no such document
     */
    public static String load(String name) {
        return loaded(name).text();
    }

    /** The type of the operation of document {@code name}. */
    public static OperationType type(String name) {
        return loaded(name).type();
    }

    /**
     * A request for document {@code name}, with {@code name} as its {@code operationName}, shown in
     * errors under the operation's name with a lower-case first letter ({@code ServiceCreate} ->
     * {@code serviceCreate}).
     */
    public static GraphQLRequest request(String name, String action, Map<String, Object> variables, boolean retrySafe) {
        Loaded document = loaded(name);
        String operation = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        return new GraphQLRequest(operation, action, document.text(), name, document.type(), variables, retrySafe);
    }

    private static Loaded loaded(String name) {
        if (!name.matches("[A-Za-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("An operation document's name is a GraphQL operation name, not '" + name + "'.");
        }
        return CACHE.computeIfAbsent(name, Documents::read);
    }

    private static Loaded read(String name) {
        String path = FOLDER + name + ".graphql";
        String text;
        try (InputStream in = Documents.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("There is no operation document " + path + " on the classpath.");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the operation document " + path, e);
        }
        return new Loaded(text, typeOf(text, name, path));
    }

    /** The type named by the first line that is neither blank nor a comment: {@code <type> <name>}. */
    static OperationType typeOf(String text, String name, String path) {
        for (String line : text.split("\\R")) {
            String head = line.strip();
            if (head.isEmpty() || head.startsWith("#")) {
                continue;
            }
            for (OperationType type : OperationType.values()) {
                String start = type.keyword() + " " + name;
                if (head.startsWith(start) && (head.length() == start.length() || "({ ".indexOf(head.charAt(start.length())) >= 0)) {
                    return type;
                }
            }
            break;
        }
        throw new IllegalStateException("The operation document " + path + " must begin, after its comment lines, with"
                + " 'query " + name + "' or 'mutation " + name + "'.");
    }
}
