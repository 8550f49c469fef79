package dev.tlctl.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dotenv files that {@code --env-file} reads. */
class DotEnvTest {
    @TempDir
    Path tmp;

    private Path write(String text) throws Exception {
        return Files.writeString(tmp.resolve("test.env"), text);
    }

    @Test
    void readsExportQuotesEscapesAndComments() throws Exception {
        Map<String, String> values = DotEnv.read(write("""
                # a comment
                PLAIN=value
                export EXPORTED=yes
                  SPACED = around  \s
                SINGLE='no \\n escapes # here'
                DOUBLE="line1\\nline2\\t\\"quoted\\" \\\\ # kept"
                INLINE=value # a comment
                HASH=a#b
                EMPTY=
                EMPTY_QUOTES=""
                EQUALS=a=b=c
                URL=postgresql://u:pw@db:5432/x?sslmode=require
                dotted.name=ok

                LAST=wins
                LAST=really
                """));
        assertEquals("value", values.get("PLAIN"));
        assertEquals("yes", values.get("EXPORTED"));
        assertEquals("around", values.get("SPACED"));
        assertEquals("no \\n escapes # here", values.get("SINGLE"));
        assertEquals("line1\nline2\t\"quoted\" \\ # kept", values.get("DOUBLE"));
        assertEquals("value", values.get("INLINE"));
        assertEquals("a#b", values.get("HASH"));
        assertEquals("", values.get("EMPTY"));
        assertEquals("", values.get("EMPTY_QUOTES"));
        assertEquals("a=b=c", values.get("EQUALS"));
        assertEquals("postgresql://u:pw@db:5432/x?sslmode=require", values.get("URL"));
        assertEquals("ok", values.get("dotted.name"));
        assertEquals("really", values.get("LAST"));
        assertEquals(13, values.size());
    }

    @Test
    void reportsEveryBadLineWithItsNumberAndNoValue() throws Exception {
        Path file = write("""
                GOOD=1
                just some words
                1BAD=x
                DATABASE_URL postgresql://u:fake-s3cr3t-MARKER@db/x?sslmode=require
                OPEN="never closed
                =nothing
                OK='fine'
                """);
        SpecException e = assertThrows(SpecException.class, () -> DotEnv.read(file));
        String f = file.toString();
        assertEquals(java.util.List.of(
                f + ":2:1: error: expected KEY=value",
                f + ":3:1: error: invalid variable name before '='",
                f + ":4:1: error: invalid variable name before '='",
                f + ":5:1: error: unterminated quote in the value of OPEN",
                f + ":6:1: error: expected KEY=value"),
                e.errors().stream().map(d -> d.format().lines().findFirst().orElseThrow()).toList());
        e.errors().forEach(d -> assertFalse(d.format().contains(SpecFixture.LEAK), d.format()));
    }

    @Test
    void aMissingFileIsOneError() {
        Path missing = tmp.resolve("nope.env");
        SpecException e = assertThrows(SpecException.class, () -> DotEnv.read(missing));
        assertEquals(1, e.errors().size());
        assertEquals("cannot read the env file", e.errors().get(0).summary());
        assertEquals(missing.toString(), e.errors().get(0).location().file());
    }

    @Test
    void aFileThatIsNotUtf8IsOneErrorAtItsFirstBadByteAndEchoesNoValue() throws Exception {
        Path file = tmp.resolve("bad.env");
        Files.write(file, "A=1\nSECRET=s3cr\u00e9t-".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.write(file, new byte[] {(byte) 0xff, 'x'}, java.nio.file.StandardOpenOption.APPEND);
        SpecException e = assertThrows(SpecException.class, () -> DotEnv.read(file));
        assertEquals(java.util.List.of(file + ":2:15: error: the file is not valid UTF-8"),
                e.errors().stream().map(d -> d.location().file() + ":" + d.location().line() + ":" + d.location().column()
                        + ": error: " + d.summary()).toList());
        assertFalse(e.errors().get(0).format().contains("s3cr"), e.errors().get(0).format());
    }

    @Test
    void aFileOverOneMebibyteIsRefusedUnread() throws Exception {
        Path file = tmp.resolve("huge.env");
        Files.writeString(file, "HUGE=" + "x".repeat(DotEnv.MAX_BYTES) + "\n");
        SpecException e = assertThrows(SpecException.class, () -> DotEnv.read(file));
        assertEquals(1, e.errors().size());
        assertEquals("the env file is too large", e.errors().get(0).summary());
        assertEquals(true, e.errors().get(0).format().contains("at most 1048576 bytes"), e.errors().get(0).format());
        Files.writeString(file, "AT_THE_LIMIT=" + "x".repeat(DotEnv.MAX_BYTES - "AT_THE_LIMIT=\n".length()) + "\n");
        assertEquals(DotEnv.MAX_BYTES - "AT_THE_LIMIT=\n".length(), DotEnv.read(file).get("AT_THE_LIMIT").length());
    }

    @Test
    void theSandboxFileHoldsTheSixFakeUrls() {
        Map<String, String> values = DotEnv.read(Path.of("environments/sandbox.env"));
        assertEquals(6, values.size());
        values.forEach((k, v) -> assertEquals(true, v.contains("fake-") && v.contains(".invalid"), k));
    }
}
