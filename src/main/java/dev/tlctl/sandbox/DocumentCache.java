package dev.tlctl.sandbox;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import graphql.parser.Parser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The documents clients send, parsed (and, for execution, validated) once per text: a client
 * sends the same few documents again and again (graphql-java's "query caching"), and the parse
 * of a large one such as ReadProject costs more than some answers. Both caches are bounded (the
 * {@value #MAX_ENTRIES} most recently used texts of at most {@value #MAX_CHARS} characters) and
 * keyed by the whole text; the schema they are valid against never changes (one per engine).
 */
final class DocumentCache implements PreparsedDocumentProvider {
    static final int MAX_ENTRIES = 64;
    static final int MAX_CHARS = 64 * 1024;
    private static final Lru<Document> PARSED = new Lru<>();

    private final Lru<PreparsedDocumentEntry> validated = new Lru<>();

    /** The document parsed as {@link Parser#parse(String)} does (a syntax error throws, and is not kept). */
    static Document parsed(String query) {
        Document document = PARSED.get(query);
        if (document == null) {
            document = Parser.parse(query);
            PARSED.put(query, document);
        }
        return document;
    }

    /** The entry graphql-java makes (its parse, then its validation, errors included), made once per text. */
    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        PreparsedDocumentEntry entry = validated.get(query);
        if (entry == null) {
            entry = parseAndValidate.apply(input);
            validated.put(query, entry);
        }
        return CompletableFuture.completedFuture(entry);
    }

    /** The most recently used values by text, up to the bounds; texts too long are never kept. */
    private static final class Lru<V> {
        private final Map<String, V> map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_ENTRIES;
            }
        };

        synchronized V get(String text) {
            return map.get(text);
        }

        synchronized void put(String text, V value) {
            if (text.length() <= MAX_CHARS) {
                map.put(text, value);
            }
        }
    }
}
