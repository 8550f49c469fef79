package dev.tlctl.spec;

/**
 * Where something was written: the file as the user named it, the YAML path inside it (such as
 * {@code services.engine-api.deploy.numReplicas}) and the 1-based line and column (0 when unknown).
 */
public record Location(String file, String path, int line, int column) {

    /** A whole file, when no position inside it applies. */
    public static Location ofFile(String file) {
        return new Location(file, "", 0, 0);
    }

    /** The same place under another YAML path (for a value's key rather than the value). */
    public Location withPath(String otherPath) {
        return new Location(file, otherPath, line, column);
    }

    /** {@code file:line:column}, or less when unknown, as compilers print it. */
    public String position() {
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }

    // equals and hashCode written out: a record's generated ones are bootstrapped through method
    // handles on first use, which costs every validate start-up (diagnostics are kept in a set).
    @Override
    public boolean equals(Object other) {
        return other instanceof Location o && line == o.line && column == o.column
                && java.util.Objects.equals(file, o.file) && java.util.Objects.equals(path, o.path);
    }

    @Override
    public int hashCode() {
        return ((java.util.Objects.hashCode(file) * 31 + java.util.Objects.hashCode(path)) * 31 + line) * 31 + column;
    }

    @Override
    public String toString() {
        return path.isEmpty() ? position() : position() + " (" + path + ")";
    }
}
