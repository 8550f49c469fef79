package dev.tlctl.bench;

import dev.tlctl.sandbox.Sandbox;
import dev.tlctl.sandbox.SandboxConfig;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code tlctl sandbox serve} without a state file, through the sandbox's public Java API, in its
 * own process: {@code MemorySandbox [FAULTS]}. It prints the same two lines as {@code serve} (URL,
 * account token) and serves until killed. The benchmark's default: {@code serve} writes its whole
 * state file after every mutation, which at the largest sizes costs tens of milliseconds per
 * mutation under one lock and would dominate the wall time of a client that sends thousands.
 */
public final class MemorySandbox {
    /**
     * The JVM options to run it with (before {@code -cp}): C1 only and the parallel collector. An
     * apply from empty at 50x10x200 costs the sandbox ~1.3 s of CPU this way against ~3.0 s with
     * the JVM's defaults after one warm-up apply, and ~3.0 s against ~7.0 s cold (medians of
     * interleaved rounds on a 2-core machine, mostly loaded; quiet: 1.4-2.0 s against 2.6-3.3 s,
     * the apply's wall time unchanged at ~4.1 s, tlctl's side being the critical path there):
     * with the whole JIT, C2 (one thread on 2 cores) compiles graphql-java's and Jackson's hot
     * paths for several applies on end, and G1's
     * refinement and evacuation of the large state cost more than the parallel collector's; a
     * plan's ReadProject answer is made ahead after each write, so C1's slower code costs it
     * nothing measurable (sandbox CPU per warm plan 50-320 ms against 280-950 ms).
     */
    public static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC");

    private MemorySandbox() {}

    public static void main(String[] args) throws Exception {
        // Railway's creation quotas and delays would measure waiting, not the clients: off (the report says so).
        SandboxConfig config = SandboxConfig.defaults().withSeed(1).withRateLimit(1_000_000_000, 1_000_000_000)
                .withTiming(SandboxConfig.Timing.immediate());
        if (args.length > 0 && !args[0].isEmpty()) {
            config = config.withFaults(args[0]);
        }
        Sandbox sandbox = Sandbox.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }));
        System.out.println("tlctl sandbox serving " + sandbox.graphqlUrl());
        System.out.println("account token: " + sandbox.accountToken());
        System.out.flush();
        stopped.await();
    }
}
