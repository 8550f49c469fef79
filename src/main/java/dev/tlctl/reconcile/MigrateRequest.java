package dev.tlctl.reconcile;

import java.nio.file.Path;

/**
 * {@code tlctl import --railway-config FILE --service NAME}: merge a Railway config-as-code file
 * into one service of the spec at {@code specFile}; {@code force} takes the file's value where the
 * spec says otherwise.
 */
public record MigrateRequest(Path configFile, String service, Path specFile, boolean force) {}
