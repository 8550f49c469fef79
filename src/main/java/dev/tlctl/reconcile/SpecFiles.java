package dev.tlctl.reconcile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records the project's id in the spec as a text edit that keeps the file's comments and layout:
 * replaces an existing {@code id:} (or a commented {@code # id:}) under {@code project:}, or adds
 * one after {@code name:}.
 */
final class SpecFiles {
    private static final Pattern PROJECT = Pattern.compile("^project:\\s*(#.*)?$");
    private static final Pattern CHILD = Pattern.compile("^(\\s+)(#\\s*)?(\\w+):.*$");

    private SpecFiles() {}

    static void recordProjectId(Path spec, String id) {
        List<String> lines;
        try {
            lines = new ArrayList<>(Files.readAllLines(spec));
        } catch (IOException e) {
            throw new ReconcileException(ReconcileException.Kind.REFUSED, "could not read " + spec, e.getMessage(), e);
        }
        int project = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (PROJECT.matcher(lines.get(i)).matches()) {
                project = i;
                break;
            }
        }
        if (project < 0) {
            throw new ReconcileException(ReconcileException.Kind.REFUSED, "could not find a block 'project:' in " + spec,
                    "Add 'id: " + id + "' under project: by hand.");
        }
        int nameLine = -1;
        int idLine = -1;
        String indent = "  ";
        for (int i = project + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            Matcher m = CHILD.matcher(line);
            if (!m.matches()) {
                break; // the block ended
            }
            indent = m.group(1);
            if (m.group(3).equals("name") && m.group(2) == null) {
                nameLine = i;
            }
            if (m.group(3).equals("id") && idLine < 0) {
                idLine = i;
            }
        }
        String entry = indent + "id: " + id;
        if (idLine >= 0) {
            lines.set(idLine, entry);
        } else {
            lines.add(nameLine >= 0 ? nameLine + 1 : project + 1, entry);
        }
        try {
            Files.write(spec, lines);
        } catch (IOException e) {
            throw new ReconcileException(ReconcileException.Kind.REFUSED, "could not write " + spec, e.getMessage(), e);
        }
    }
}
