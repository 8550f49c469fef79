package dev.tlctl.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start-up: every command is a new process, measured interleaved in rounds (each round runs
 * the bare-JVM hello-world, then every command once) so that the load of a shared machine falls
 * on all of them alike. Reports the median wall time of each, and its ratio to the hello-world's
 * median measured in the same rounds.
 */
final class Startup {
    /** A named command line, run in {@code dir} with {@code env} added. */
    record Command(String name, List<String> argv, Path dir, Map<String, String> env, int expectedExit) {}

    /**
     * The medians (ms) per command name, hello-world first; peak RSS (KiB) and CPU time (ms, user +
     * system) of each from one more round, under GNU time.
     */
    record Result(Map<String, Double> medians, Map<String, Long> maxRss, Map<String, Double> cpu, int rounds) {
        double ratio(String name, String hello) {
            return medians.get(name) / medians.get(hello);
        }
    }

    private Startup() {}

    static Result measure(List<Command> commands, int rounds, int warmups, Path scratch) throws Exception {
        Map<String, List<Double>> times = new LinkedHashMap<>();
        Map<String, Long> rss = new LinkedHashMap<>();
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (Command c : commands) {
            times.put(c.name(), new ArrayList<>());
        }
        // Warm-up rounds, timed rounds, then one round under GNU time for the peak RSS (not timed).
        for (int round = -warmups; round <= rounds; round++) {
            boolean memory = round == rounds;
            if (memory && !Proc.canMeasureMemory()) {
                break;
            }
            for (Command c : commands) {
                Proc.Result r = Proc.run(c.argv(), c.dir(), c.env(), memory, scratch, 120)
                        .check(c.name(), c.expectedExit());
                if (memory) {
                    rss.put(c.name(), r.maxRssKiB());
                    cpu.put(c.name(), r.cpuMs());
                } else if (round >= 0) {
                    times.get(c.name()).add(r.millis());
                }
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        times.forEach((name, list) -> medians.put(name, median(list)));
        return new Result(medians, rss, cpu, rounds);
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static List<String> argv(String... parts) {
        return new ArrayList<>(Arrays.asList(parts));
    }
}
