package dev.tlctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** What {@link Printable} lets through to a terminal, and what it shows escaped. */
class PrintableTest {

    @Test
    void plainTextIsReturnedAsItIs() {
        String text = "staging/engine-api/variable/DATABASE_URL = \"postgres://…\" ünïcödé";
        assertSame(text, Printable.of(text));
    }

    @Test
    void escapeSequencesAndLineBreaksAreShownNotExecuted() {
        assertEquals("a\\u001b[2Jb\\u000ac\\u2028d\\u0007", Printable.of("a\u001b[2Jb\nc\u2028d\u0007"));
    }

    @Test
    void everyBidirectionalControlIsShownSoThatNoLineReadsReordered() {
        String controls = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069";
        StringBuilder expected = new StringBuilder();
        for (char c : controls.toCharArray()) {
            expected.append("x").append(String.format("\\u%04x", (int) c));
        }
        StringBuilder input = new StringBuilder();
        for (char c : controls.toCharArray()) {
            input.append("x").append(c);
        }
        assertEquals(expected.toString(), Printable.of(input.toString()));
        // "Trojan Source": the override would show 'deleted' as if it were something else.
        assertEquals("= \"safe\\u202e detaled\"", Printable.of("= \"safe\u202e detaled\""));
    }

    @Test
    void otherFormatCharactersStayAsTheyAre() {
        String family = "\uD83D\uDC69\u200D\uD83D\uDC67"; // woman, zero-width joiner, girl
        assertSame(family, Printable.of(family));
        assertEquals("soft\u00adhyphen", Printable.of("soft\u00adhyphen"));
    }
}
