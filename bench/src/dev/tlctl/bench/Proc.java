package dev.tlctl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command as a separate process and measures it: wall time (from start to exit, taken
 * here) and, where GNU time is installed, the peak resident memory of the process (its max RSS,
 * {@code /usr/bin/time -f %M}, in KiB; for a shell launcher that execs java this is the JVM's) and
 * the CPU time it used (user + system, all its threads: JIT and GC included), which the load of a
 * shared machine inflates far less than the wall time.
 */
final class Proc {
    static final Path GNU_TIME = Path.of("/usr/bin/time");

    /** What a run gave: exit code, wall time, max RSS in KiB and CPU ms (-1 when unknown), and its output. */
    record Result(int exit, long nanos, long maxRssKiB, double cpuMs, String stdout, String stderr) {
        double millis() {
            return nanos / 1e6;
        }

        Result check(String what, int... allowed) {
            for (int code : allowed) {
                if (code == exit) {
                    return this;
                }
            }
            throw new IllegalStateException(what + " exited with " + exit + "\n--- stdout:\n" + tail(stdout)
                    + "\n--- stderr:\n" + tail(stderr));
        }

        private static String tail(String text) {
            return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
        }
    }

    private Proc() {}

    static boolean canMeasureMemory() {
        return Files.isExecutable(GNU_TIME);
    }

    /**
     * Runs {@code command} in {@code dir} with {@code env} added to (null values: removed from)
     * this process's environment. {@code memory}: wrap it in GNU time to read its max RSS.
     */
    static Result run(List<String> command, Path dir, Map<String, String> env, boolean memory, Path scratch,
                      long timeoutSeconds) throws IOException, InterruptedException {
        Files.createDirectories(scratch);
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        Path rss = Files.createTempFile(scratch, "rss", ".txt");
        List<String> full = new ArrayList<>();
        boolean timed = memory && canMeasureMemory();
        if (timed) {
            full.addAll(List.of(GNU_TIME.toString(), "-f", "%M %U %S", "-o", rss.toString()));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        env.forEach((k, v) -> {
            if (v == null) {
                builder.environment().remove(k);
            } else {
                builder.environment().put(k, v);
            }
        });
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
        }
        long nanos = System.nanoTime() - start;
        long maxRss = -1;
        double cpu = -1;
        if (timed) {
            String text = Files.readString(rss).trim();
            // GNU time writes "Command exited with non-zero status N" before the format when N != 0.
            String last = text.isEmpty() ? "" : text.substring(text.lastIndexOf('\n') + 1).trim();
            String[] fields = last.split(" ");
            try {
                maxRss = Long.parseLong(fields[0]);
                cpu = fields.length < 3 ? -1 : (Double.parseDouble(fields[1]) + Double.parseDouble(fields[2])) * 1000;
            } catch (NumberFormatException e) {
                maxRss = -1;
            }
        }
        Result result = new Result(process.exitValue(), nanos, maxRss, cpu, Files.readString(out),
                Files.readString(err));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        Files.deleteIfExists(rss);
        return result;
    }
}
