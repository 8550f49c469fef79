package dev.tlctl.reconcile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * tlctl's version and the commit it was built from, from the properties file Maven filters at
 * build time ({@code dev} and no commit when unfiltered, as when run from an IDE's classes).
 */
public final class Version {
    private static final Properties BUILD = load();
    private static final String VERSION = value("version", "dev");
    private static final String COMMIT = value("commit", null);

    private Version() {}

    /** The version string, such as {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        return VERSION;
    }

    /**
     * The commit as the build's git saw it, such as {@code 19996be7ae83}; empty when the jar was
     * built outside a git repository or without git.
     */
    public static java.util.Optional<String> commit() {
        return java.util.Optional.ofNullable(COMMIT);
    }

    /** Whether the build's files had changes not committed (tracked files only). */
    public static boolean modified() {
        return "true".equals(value("modified", "false"));
    }

    /** A property as filtered; {@code fallback} when missing, empty or left unfiltered. */
    private static String value(String name, String fallback) {
        String value = BUILD.getProperty(name, "").trim();
        return value.isEmpty() || value.startsWith("${") ? fallback : value;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/dev/tlctl/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
