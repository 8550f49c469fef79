package dev.tlctl.cli;

import dev.tlctl.reconcile.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code --version} and {@code tlctl version}: tlctl's version, its commit, and the Java runtime. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String commit = Version.commit()
                .map(c -> "commit " + c + (Version.modified() ? ", with changes not committed" : ""))
                .orElse("commit unknown: built outside a git repository or without git");
        return new String[] {
            "tlctl " + Version.current() + " (" + commit + ")",
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
        };
    }
}
