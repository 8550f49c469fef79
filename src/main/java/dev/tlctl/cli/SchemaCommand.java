package dev.tlctl.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlctl.spec.SpecSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints the JSON Schema of the spec or of an overlay, for editors. */
@Command(
        addMethodSubcommands = false,
        name = "schema",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Print the JSON Schema of tl-engine.yaml (or, with --overlay, of",
            "environments/<name>.yaml), for editors: completion, hover text and",
            "checks as you type. Made from the table of keys validate reads; validate",
            "still checks what a schema cannot (references, secrets, names that must",
            "be declared). Needs no spec, no token and no network.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the schema was printed", "64:usage error"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tlctl schema > tl-engine.schema.json",
            "  tlctl schema --overlay > environments/overlay.schema.json",
            "",
            "Then, as the first line of tl-engine.yaml (YAML extension of VS Code,",
            "or any editor using yaml-language-server):",
            "  # yaml-language-server: $$schema=tl-engine.schema.json",
        })
final class SchemaCommand extends BaseCommand implements Runnable {

    @Option(names = "--overlay", description = "The schema of an overlay, environments/<name>.yaml.")
    boolean overlay;

    @Override
    public void run() {
        context().out().print(write(overlay ? SpecSchema.overlay() : SpecSchema.spec()));
    }

    /** The schema as JSON: two-space indents, one key or item a line, keys in the table's order. */
    static String write(Object schema) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
        try {
            return new ObjectMapper().writer(printer).writeValueAsString(schema) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
