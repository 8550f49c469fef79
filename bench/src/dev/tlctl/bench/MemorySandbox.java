package dev.tlctl.bench;

import dev.tlctl.sandbox.Sandbox;
import dev.tlctl.sandbox.SandboxConfig;
import java.util.concurrent.CountDownLatch;

/**
 * {@code tlctl sandbox serve} without a state file, through the sandbox's public Java API, in its
 * own process: {@code MemorySandbox [FAULTS]}. It prints the same two lines as {@code serve} (URL,
 * account token) and serves until killed. The benchmark's default: {@code serve} writes its whole
 * state file after every mutation, which at the largest sizes costs tens of milliseconds per
 * mutation under one lock and would dominate the wall time of a client that sends thousands.
 */
public final class MemorySandbox {
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
