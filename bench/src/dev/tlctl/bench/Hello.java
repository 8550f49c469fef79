package dev.tlctl.bench;

/** The bare-JVM reference of the start-up ratios: a hello-world. */
public final class Hello {
    private Hello() {}

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
