package dev.tlctl.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What references may read: files inside the spec's folder only (no '..', no absolute path, no
 * link out, unless allowed one by one), never an empty value for a secret unless declared, and in
 * sandbox mode never the shell's values nor any file.
 */
class ReferenceSafetyTest {
    @TempDir
    Path tmp;

    private Path spec(String shared) {
        return MalformedSpecs.shared(shared).writeTo(tmp);
    }

    private static List<String> errors(SpecException e) {
        return e.errors().stream().map(d -> d.location().line() + " | " + d.summary()).toList();
    }

    @Test
    void fileReferencesStayInsideTheSpecsFolder() throws Exception {
        Path outside = Files.writeString(tmp.resolve("outside.txt"), "fake-s3cr3t-MARKER\n");
        Path dir = spec("""
                UP: ${file:../outside.txt}
                ABSOLUTE: ${file:%s}
                PROC: ${file:/proc/self/environ}
                LINK: ${file:link.txt}
                INSIDE: ${file:certs/../ok.txt}
                """.formatted(outside));
        Files.writeString(dir.resolve("ok.txt"), "fine\n");
        Files.createSymbolicLink(dir.resolve("link.txt"), outside);

        SpecException e = assertThrows(SpecException.class,
                () -> SpecLoader.load(dir.resolve("tl-engine.yaml"), Map.of()));
        assertEquals(List.of(
                "6 | ${file:../outside.txt} reads outside the spec's folder",
                "7 | ${file:" + outside + "} reads outside the spec's folder",
                "8 | ${file:/proc/self/environ} reads outside the spec's folder",
                "9 | ${file:link.txt} is a link that leaves the spec's folder"), errors(e));
        assertTrue(e.errors().get(0).detail().contains("allow this one with --allow-file " + outside), e.errors().get(0).detail());
        assertFalse(e.diagnostics().toString().contains("MARKER"), "nothing of the file is shown");
    }

    @Test
    void anAllowedFileOutsideIsReadAndOnlyIt() throws Exception {
        Path outside = Files.writeString(tmp.resolve("ca.pem"), "-----BEGIN-----\n");
        Path dir = spec("CERT: ${file:%s}\n".formatted(outside));
        Spec spec = SpecLoader.load(dir.resolve("tl-engine.yaml"), new SpecInputs(Map.of(), null, Set.of(outside), false));
        assertEquals("-----BEGIN-----", spec.environments().get(0).sharedVariables().get("CERT").value().reveal());
    }

    @Test
    void anEmptyOrBlankReferenceIsAnErrorUnlessAllowed() {
        Path dir = spec("""
                DATABASE_URL: ${env:PRODUCTION_DATABASE_URL}
                REDIS_URL: ${env:PRODUCTION_REDIS_URL}
                OPTIONAL_HOOK: {value: "${env:HOOK}", allowEmpty: true}
                """);
        Map<String, String> env = Map.of("PRODUCTION_DATABASE_URL", "", "PRODUCTION_REDIS_URL", "  \t", "HOOK", "");
        SpecException e = assertThrows(SpecException.class, () -> SpecLoader.load(dir.resolve("tl-engine.yaml"), env));
        assertEquals(List.of("6 | the value of DATABASE_URL is empty", "7 | the value of REDIS_URL is empty"), errors(e));
        assertEquals("${env:PRODUCTION_DATABASE_URL} gives an empty value (or only whitespace), which would replace the"
                + " value on Railway with nothing. Set it, or, if an empty value is meant, write DATABASE_URL: {value:"
                + " \"${env:PRODUCTION_DATABASE_URL}\", allowEmpty: true}.", e.errors().get(0).detail());

        Spec spec = SpecLoader.load(dir.resolve("tl-engine.yaml"), Map.of("PRODUCTION_DATABASE_URL", "postgresql://x",
                "PRODUCTION_REDIS_URL", "redis://y", "HOOK", ""));
        assertEquals("", spec.environments().get(0).sharedVariables().get("OPTIONAL_HOOK").value().reveal());
    }

    @Test
    void sandboxModeNeverReadsTheShellNorAnyFile() throws Exception {
        Path dir = spec("""
                DATABASE_URL: ${env:PRODUCTION_DATABASE_URL}
                CERT: ${file:ca.pem}
                """);
        Files.writeString(dir.resolve("ca.pem"), "fake-s3cr3t-MARKER-file\n");
        SpecInputs sandbox = new SpecInputs(Map.of(), null, Set.of(), true);
        Spec spec = SpecLoader.load(dir.resolve("tl-engine.yaml"), sandbox);
        Map<String, VariableSpec> shared = spec.environments().get(0).sharedVariables();
        assertEquals("sandbox-fake-PRODUCTION_DATABASE_URL", shared.get("DATABASE_URL").value().reveal());
        assertEquals("sandbox-fake-file", shared.get("CERT").value().reveal());
        Diagnostic warning = spec.warnings().stream().filter(w -> w.summary().contains("invented")).findFirst().orElseThrow();
        assertEquals("2 references have no value in sandbox mode: the sandbox gets invented ones", warning.summary());
        assertTrue(warning.detail().startsWith("${env:PRODUCTION_DATABASE_URL}, ${file:ca.pem}."), warning.detail());
    }
}
