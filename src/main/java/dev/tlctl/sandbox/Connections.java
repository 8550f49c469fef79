package dev.tlctl.sandbox;

import graphql.schema.DataFetchingEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Relay connections: {@code first}/{@code after} and {@code last}/{@code before} with opaque cursors, 100 nodes a page by default. */
final class Connections {
    static final int DEFAULT_PAGE_SIZE = 100;
    private static final String PREFIX = "sandbox:";

    private Connections() {}

    /**
     * One page of {@code items} as a Relay connection: {@code after} and {@code before} cut the
     * list at their cursors, then {@code first} keeps the first n and {@code last} the last n of
     * what remains (100 nodes when neither is given).
     */
    static <T> Map<String, Object> page(List<T> items, Function<T, Object> view, DataFetchingEnvironment env) {
        Integer first = env.getArgument("first");
        Integer last = env.getArgument("last");
        String after = env.getArgument("after");
        String before = env.getArgument("before");
        if ((first != null && first < 0) || (last != null && last < 0)) {
            throw new SandboxException((first != null && first < 0 ? "first" : "last") + " must not be negative");
        }
        int start = after == null ? 0 : Math.min(items.size(), decode(after) + 1);
        int end = before == null ? items.size() : Math.max(start, Math.min(items.size(), decode(before)));
        if (first == null && last == null) {
            end = Math.min(end, start + DEFAULT_PAGE_SIZE);
        }
        if (first != null) {
            end = (int) Math.min(end, (long) start + first);
        }
        if (last != null) {
            start = Math.max(start, end - last);
        }
        List<Map<String, Object>> edges = new ArrayList<>();
        for (int i = start; i < end; i++) {
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("cursor", encode(i));
            edge.put("node", view.apply(items.get(i)));
            edges.add(edge);
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", end < items.size());
        pageInfo.put("hasPreviousPage", start > 0 && !items.isEmpty());
        pageInfo.put("startCursor", edges.isEmpty() ? null : encode(start));
        pageInfo.put("endCursor", edges.isEmpty() ? null : encode(end - 1));
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("edges", edges);
        connection.put("pageInfo", pageInfo);
        return connection;
    }

    static String encode(int index) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + index).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                int index = Integer.parseInt(text.substring(PREFIX.length()));
                if (index >= 0) {
                    return index;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new SandboxException("Invalid cursor: " + cursor);
    }
}
