package dev.tlctl.railway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * tlctl's operation documents: one operation per file under {@code dev/tlctl/railway/graphql/}
 * on the classpath, named after the operation ({@code ServiceCreate.graphql}), as in Railway's
 * own CLI. Loaded once and cached.
 */
public final class Documents {
    /** The classpath folder of the documents. */
    public static final String FOLDER = "/dev/tlctl/railway/graphql/";

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Documents() {}

    /**
     * The text of document {@code name}, such as {@code ServiceCreate}.
     *
     * @throws IllegalArgumentException when there is no such document
     */
    public static String load(String name) {
        if (!name.matches("[A-Za-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("An operation document's name is a GraphQL operation name, not '" + name + "'.");
        }
        return CACHE.computeIfAbsent(name, Documents::read);
    }

    /**
     * A request for document {@code name}, shown in errors under the operation's name with a
     * lower-case first letter ({@code ServiceCreate} -> {@code serviceCreate}).
     */
    public static GraphQLRequest request(String name, String action, Map<String, Object> variables, boolean retrySafe) {
        String operation = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        return new GraphQLRequest(operation, action, load(name), variables, retrySafe);
    }

    private static String read(String name) {
        String path = FOLDER + name + ".graphql";
        try (InputStream in = Documents.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("There is no operation document " + path + " on the classpath.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the operation document " + path, e);
        }
    }
}
