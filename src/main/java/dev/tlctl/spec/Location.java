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

    @Override
    public String toString() {
        return path.isEmpty() ? position() : position() + " (" + path + ")";
    }
}
