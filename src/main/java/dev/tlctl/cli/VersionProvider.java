package dev.tlctl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version of tlctl, from the properties file Maven filters at build time. */
public final class VersionProvider implements IVersionProvider {
    private static final String VERSION = load();

    /** The version string, such as {@code 0.1.0}. */
    public static String version() {
        return VERSION;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "tlctl " + VERSION,
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
        };
    }

    private static String load() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/tlctl/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "dev");
            return version.startsWith("${") ? "dev" : version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
