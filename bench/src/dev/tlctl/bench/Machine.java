package dev.tlctl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** One line that says what the benchmark ran on. */
final class Machine {
    private Machine() {}

    static String describe(String java) {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        String gib = memory == null ? "?" : String.format(Locale.ROOT, "%.0f GiB",
                Long.parseLong(memory.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
        return String.format(Locale.ROOT, "%s, %d cores, %s, %s %s, %s %s (%s), load average at start %s",
                cpu == null ? "unknown CPU" : cpu, Runtime.getRuntime().availableProcessors(), gib,
                System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), java,
                loadAverage());
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String firstValue(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
