package dev.tlctl.cli;

import dev.tlctl.reconcile.InitResult;

/**
 * {@code init --json}: one document, {@code {"formatVersion":1,"kind":"init",...}}, printed when
 * the command is done (whether the id was recorded is known last).
 */
final class JsonInitView implements InitView {
    private final Terminal terminal;
    private InitResult result;
    private boolean recorded;
    private String file;

    /** The document; {@code recorded} tells whether the spec now holds the id as {@code project.id}. */
    record Document(int formatVersion, String kind, String project, String projectId, boolean created,
            boolean recorded, String file) {}

    JsonInitView(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public void found(InitResult value) {
        this.result = value;
        this.recorded = value.recordedInSpec();
    }

    @Override
    public void recorded(String value) {
        this.recorded = true;
        this.file = value;
    }

    @Override
    public void notRecorded(InitResult value, String value2) {
        this.file = value2;
    }

    @Override
    public void finish() {
        terminal.out().println(Json.write(new Document(Json.FORMAT_VERSION, "init", result.projectName(),
                result.projectId(), result.created(), recorded, file)));
    }
}
