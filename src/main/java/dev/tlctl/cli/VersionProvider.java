package dev.tlctl.cli;

import dev.tlctl.reconcile.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: tlctl's version and the Java runtime it runs on. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "tlctl " + Version.current(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
        };
    }
}
