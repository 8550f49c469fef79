package dev.tlctl.e2e;

import dev.tlctl.railway.GraphQLRequest;
import dev.tlctl.railway.RequestListener;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Lets the requests of runs in parallel through in a scripted order, as a hook of the World: a
 * step is a run (named on its thread with {@link #as}) and a kind of request; a request of a step
 * waits until every step before it has been answered. Kinds: {@code plan} (the run's first
 * project read), {@code etags} (the check before an unguarded write), {@code commit} (its first
 * commit), and {@code done} (the run has ended: its read-back and records included). Any other
 * request, and a retry, passes freely. A step that does not come in time fails the run waiting
 * for it, naming the step: nothing hangs.
 */
final class Interleaving implements RequestListener {
    /** One scripted request: a run and a kind of request. */
    record Step(String run, String kind) {
        @Override
        public String toString() {
            return run + " " + kind;
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final List<Step> script;
    private final ThreadLocal<String> run = new ThreadLocal<>();
    private final ThreadLocal<Step> sent = new ThreadLocal<>();
    private final Map<String, Integer> commits = new HashMap<>();
    /** The runs whose plan read was seen. */
    private final Set<String> seen = new HashSet<>();
    private int answered;

    Interleaving(List<Step> script) {
        this.script = List.copyOf(script);
    }

    static Step step(String run, String kind) {
        return new Step(run, kind);
    }

    /** Does {@code work} as run {@code name}: its requests follow the script, and its end is step {@code done}. */
    <T> T as(String name, Supplier<T> work) {
        run.set(name);
        try {
            return work.get();
        } finally {
            run.remove();
            int index = script.indexOf(new Step(name, "done"));
            if (index >= 0) {
                awaitTurn(index);
                answered();
            }
        }
    }

    /** The kind of a run's request (by its operation's name), or null for one the script does not order. */
    private synchronized String kind(String name, String operation) {
        if ("EnvironmentEtags".equals(operation)) {
            return "etags";
        }
        if ("Commit".equals(operation)) {
            return commits.merge(name, 1, Integer::sum) == 1 ? "commit" : null;
        }
        return "ReadProject".equals(operation) && seen.add(name) ? "plan" : null;
    }

    private static final java.util.regex.Pattern NAMED = java.util.regex.Pattern.compile(
            "^(?:\\s*#[^\\n]*\\n)*\\s*(?:query|mutation)\\s+(\\w+)");

    /** The name of a document's operation (after its comments), or null. */
    static String operation(String document) {
        java.util.regex.Matcher m = NAMED.matcher(document);
        return m.find() ? m.group(1) : null;
    }

    @Override
    public void onRequest(GraphQLRequest request, int attempt) {
        String name = run.get();
        if (name == null || attempt > 1) {
            return;
        }
        String kind = kind(name, operation(request.document()));
        int index = kind == null ? -1 : script.indexOf(new Step(name, kind));
        if (index < 0) {
            return;
        }
        awaitTurn(index);
        sent.set(script.get(index));
    }

    private synchronized void awaitTurn(int index) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (answered < index) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("step " + script.get(index) + " waited in vain for step "
                        + script.get(answered) + " (script " + script + ")");
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private synchronized void answered() {
        answered++;
        notifyAll();
    }

    @Override
    public void onResponse(GraphQLRequest request, int httpStatus, Duration elapsed) {
        if (sent.get() != null) {
            sent.remove();
            answered();
        }
    }

    /** Whether every step came, in order. */
    synchronized boolean finished() {
        return answered == script.size();
    }
}
