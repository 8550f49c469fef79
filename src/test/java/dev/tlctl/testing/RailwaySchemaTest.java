package dev.tlctl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** Where the conformance tests find Railway's schema, and what they say when they cannot. */
class RailwaySchemaTest {
    @TempDir
    Path dir;

    private String property;
    private String basedir;

    @BeforeEach
    void save() {
        property = System.getProperty(RailwaySchema.PROPERTY);
        basedir = System.getProperty("basedir");
    }

    @AfterEach
    void restore() {
        set(RailwaySchema.PROPERTY, property);
        set("basedir", basedir);
    }

    @Test
    void withoutThePropertyTheSchemaBesideTheCheckoutIsUsed() throws IOException {
        Path project = Files.createDirectories(dir.resolve("tlctl"));
        Path schema = Files.createDirectories(dir.resolve("shared/railway")).resolve("schema.graphql");
        Files.writeString(schema, "type Query { me: String }");
        System.setProperty("basedir", project.toString());
        System.setProperty(RailwaySchema.PROPERTY, "");
        assertEquals(Optional.of(schema), RailwaySchema.schemaPath());
        assertEquals(schema, RailwaySchema.requirePath());
    }

    @Test
    void withNeitherTheTestIsSkippedSayingWhereItLooked() throws IOException {
        Path project = Files.createDirectories(dir.resolve("tlctl"));
        System.setProperty("basedir", project.toString());
        System.clearProperty(RailwaySchema.PROPERTY);
        assertEquals(Optional.empty(), RailwaySchema.schemaPath());
        List<String> noted = new ArrayList<>();
        TestAbortedException skipped = assertThrows(TestAbortedException.class, () -> RailwaySchema.requirePath(noted::add));
        assertEquals(List.of(RailwaySchema.skipReason()), noted);
        assertEquals("Railway's schema was not found: -Drailway.schema is not set and "
                + dir.resolve("shared/railway/schema.graphql").toAbsolutePath() + " does not exist; this schema"
                + " conformance check is skipped (put the schema there or pass -Drailway.schema=PATH)",
                skipped.getMessage());
    }

    @Test
    void aPropertyNamingAMissingFileFailsInsteadOfSkipping() {
        System.setProperty(RailwaySchema.PROPERTY, dir.resolve("nowhere.graphql").toString());
        AssertionError failed = assertThrows(AssertionError.class, RailwaySchema::schemaPath);
        assertTrue(failed.getMessage().startsWith("-Drailway.schema=" + dir.resolve("nowhere.graphql") + " names no file"),
                failed.getMessage());
    }

    private static void set(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
