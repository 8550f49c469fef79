package dev.tlctl.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Work on the items of a list side by side (in the common fork-join pool, with the calling
 * thread): the results in the list's order (null ones included), and a failure thrown as it is,
 * the first in that order. For per-environment work of a large project that shares nothing
 * mutable: records decoded, records brought up to date.
 */
final class SideBySide {
    private SideBySide() {}

    private record Failed(RuntimeException error) {}

    static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> work) {
        Object[] done = new Object[items.size()];
        IntStream.range(0, done.length).parallel().forEach(i -> {
            try {
                done[i] = work.apply(items.get(i));
            } catch (RuntimeException e) {
                done[i] = new Failed(e);
            }
        });
        List<R> out = new ArrayList<>(done.length);
        for (Object result : done) {
            if (result instanceof Failed failed) {
                throw failed.error();
            }
            @SuppressWarnings("unchecked")
            R r = (R) result;
            out.add(r);
        }
        return out;
    }
}
