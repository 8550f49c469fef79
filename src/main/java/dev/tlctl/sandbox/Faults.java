package dev.tlctl.sandbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Injected faults, parsed from {@code --faults} and decided per request from a random stream
 * seeded by {@code --seed} (the same requests in the same order meet the same faults).
 *
 * <pre>
 * SPEC    := ITEM ("," ITEM)*
 * ITEM    := KIND "=" RATE            probability per request, 0..1: 429=0.1, 5xx=0.05, drop=0.02
 *          | "latency=" DUR ["-" DUR] added to every request, fixed or uniform in a range
 *          | "once:" NAME "=" ACTION  the first request whose root field or operation name is NAME
 * KIND    := 429 | 5xx | drop | lost | error
 * ACTION  := 429 | 500..599 | 5xx | drop | lost | error
 * DUR     := INTEGER ("ms" | "s")
 * </pre>
 *
 * {@code drop} closes the connection without an answer and without executing; {@code lost}
 * executes (the change is made and saved) and then closes the connection without an answer;
 * {@code error} answers a GraphQL error with HTTP 200; {@code 5xx} picks 500, 502, 503 or 504
 * at random (500 in a once item).
 * Several latency items add up. Several once items for the same name fire one after another.
 */
final class Faults {
    /** What happens to a request instead of a normal answer. */
    enum Kind { STATUS, DROP, LOST, ERROR }

    record Action(Kind kind, int status) {
        @Override
        public String toString() {
            return kind == Kind.STATUS ? Integer.toString(status) : kind.name().toLowerCase(Locale.ROOT);
        }
    }

    /** The faults of one request: a delay first, then an action (null: answer normally). */
    record Decision(long latencyMillis, Action action) {}

    private record Rate(Action action, double probability) {}

    private record Once(String name, Action action) {}

    private record Latency(long min, long max) {}

    private static final int[] RANDOM_5XX = {500, 502, 503, 504};
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s)");
    private static final String GRAMMAR = "expected KIND=RATE (KIND: 429, 5xx, drop, lost, error; RATE: 0..1), "
            + "latency=DUR or latency=DUR-DUR (DUR: 20ms, 1s), or once:NAME=ACTION "
            + "(ACTION: 429, 500..599, 5xx, drop, lost, error)";

    private final String spec;
    private final long seed;
    private final List<Rate> rates;
    private final List<Once> onces;
    private final List<Latency> latencies;
    private final List<Boolean> fired = new ArrayList<>();
    private SplittableRandom random;

    private Faults(String spec, long seed, List<Rate> rates, List<Once> onces, List<Latency> latencies) {
        this.spec = spec;
        this.seed = seed;
        this.rates = rates;
        this.onces = onces;
        this.latencies = latencies;
        reset();
    }

    /** Parses a spec (null or blank: no faults); a malformed one is an IllegalArgumentException saying why. */
    static Faults parse(String spec, long seed) {
        List<Rate> rates = new ArrayList<>();
        List<Once> onces = new ArrayList<>();
        List<Latency> latencies = new ArrayList<>();
        if (spec != null && !spec.isBlank()) {
            for (String raw : spec.split(",", -1)) {
                String item = raw.trim();
                int eq = item.lastIndexOf('=');
                if (eq <= 0 || eq == item.length() - 1) {
                    throw bad(item, "it has no KEY=VALUE form");
                }
                String key = item.substring(0, eq).trim();
                String value = item.substring(eq + 1).trim();
                if (key.startsWith("once:")) {
                    String name = key.substring("once:".length()).trim();
                    if (!name.matches("[_A-Za-z][_0-9A-Za-z]*")) {
                        throw bad(item, "\"" + name + "\" is not an operation or field name");
                    }
                    onces.add(new Once(name, action(item, value, true)));
                } else if (key.equals("latency")) {
                    latencies.add(latency(item, value));
                } else {
                    rates.add(new Rate(action(item, key, false), probability(item, value)));
                }
            }
        }
        return new Faults(spec, seed, rates, onces, latencies);
    }

    private static Action action(String item, String text, boolean once) {
        switch (text) {
            case "drop":
                return new Action(Kind.DROP, 0);
            case "lost":
                return new Action(Kind.LOST, 0);
            case "error":
                return new Action(Kind.ERROR, 0);
            case "5xx":
                return new Action(Kind.STATUS, 0);
            case "429":
                return new Action(Kind.STATUS, 429);
            default:
                if (once && text.matches("5\\d\\d")) {
                    return new Action(Kind.STATUS, Integer.parseInt(text));
                }
                throw bad(item, "\"" + text + "\" is not a fault kind");
        }
    }

    private static double probability(String item, String text) {
        try {
            double value = Double.parseDouble(text);
            if (value >= 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(item, "the rate \"" + text + "\" is not a probability between 0 and 1");
    }

    /** "20ms", "1s", "10-50ms" (a bare first bound borrows the unit of the second), "1s-2s". */
    private static Latency latency(String item, String text) {
        String[] parts = text.split("-", -1);
        if (parts.length > 2) {
            throw bad(item, "a latency is DUR or DUR-DUR");
        }
        long max = duration(item, parts[parts.length - 1]);
        long min = max;
        if (parts.length == 2) {
            String first = parts[0].trim();
            if (first.matches("\\d+")) {
                Matcher unit = DURATION.matcher(parts[1].trim());
                first = first + (unit.matches() ? unit.group(2) : "ms");
            }
            min = duration(item, first);
        }
        if (max < min) {
            throw bad(item, "the range ends before it starts");
        }
        return new Latency(min, max);
    }

    private static long duration(String item, String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw bad(item, "\"" + text + "\" is not a duration such as 20ms or 1s");
        }
        long amount = Long.parseLong(m.group(1));
        return m.group(2).equals("s") ? amount * 1000 : amount;
    }

    private static IllegalArgumentException bad(String item, String why) {
        return new IllegalArgumentException("Invalid fault \"" + item + "\": " + why + "; " + GRAMMAR + ".");
    }

    boolean isEmpty() {
        return rates.isEmpty() && onces.isEmpty() && latencies.isEmpty();
    }

    String spec() {
        return spec;
    }

    /** Re-arms the once faults and restarts the random stream from the seed. */
    synchronized void reset() {
        random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        fired.clear();
        onces.forEach(o -> fired.add(false));
    }

    /**
     * Decides the faults of one request, given its root field names and operation name. The same
     * number of random draws is made for every request, so one fault never shifts the others.
     */
    synchronized Decision decide(Collection<String> names) {
        double[] draws = new double[rates.size()];
        int[] codes = new int[rates.size()];
        for (int i = 0; i < rates.size(); i++) {
            draws[i] = random.nextDouble();
            codes[i] = RANDOM_5XX[random.nextInt(RANDOM_5XX.length)];
        }
        long latency = 0;
        for (Latency l : latencies) {
            latency += l.min() + (l.max() > l.min() ? random.nextLong(l.max() - l.min() + 1) : 0);
        }
        for (int i = 0; i < onces.size(); i++) {
            if (!fired.get(i) && names.contains(onces.get(i).name())) {
                fired.set(i, true);
                return new Decision(latency, withStatus(onces.get(i).action(), RANDOM_5XX[0]));
            }
        }
        for (int i = 0; i < rates.size(); i++) {
            if (draws[i] < rates.get(i).probability()) {
                return new Decision(latency, withStatus(rates.get(i).action(), codes[i]));
            }
        }
        return new Decision(latency, null);
    }

    private static Action withStatus(Action action, int code) {
        return action.kind() == Kind.STATUS && action.status() == 0 ? new Action(Kind.STATUS, code) : action;
    }
}
