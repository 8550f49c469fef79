package dev.tlctl.secret;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How one value is shown, decided once where a result value is first displayed and then
 * rendered alike by every view and format: nothing there, masked (a secret), hidden (not asked
 * for), sealed (Railway never returns it), unreadable (not with this token), or text. Text is checked by {@link SecretText} on the
 * way in, so that a value whose content is a credential is masked even where its declaration says
 * nothing. Its JSON form is null for all but text.
 *
 * @param text what people read; null for {@link Form#NONE}
 * @param json the JSON value of text: a string, number, boolean or list; null otherwise
 */
public record Shown(Form form, String text, Object json) {
    /** What a value not asked for prints as. */
    public static final String HIDDEN_TEXT = "(hidden)";
    /** What a sealed value (never returned by Railway) prints as. */
    public static final String SEALED_TEXT = "(sealed)";
    /** What a value the token may not read prints as. */
    public static final String UNREADABLE_TEXT = "(not readable with this token)";

    /** What is shown. */
    public enum Form { NONE, MASKED, HIDDEN, SEALED, UNREADABLE, TEXT }

    public static final Shown NONE = new Shown(Form.NONE, null, null);
    public static final Shown MASKED = new Shown(Form.MASKED, Secret.MASK, null);
    public static final Shown HIDDEN = new Shown(Form.HIDDEN, HIDDEN_TEXT, null);
    public static final Shown SEALED = new Shown(Form.SEALED, SEALED_TEXT, null);
    public static final Shown UNREADABLE = new Shown(Form.UNREADABLE, UNREADABLE_TEXT, null);

    public Shown {
        Objects.requireNonNull(form, "form");
    }

    /**
     * A value as it may be shown: null is {@link #NONE}; a secret (by {@code secret}, or by its
     * content) is masked; a variable's value ({@link Secret}) is hidden unless {@code showValues};
     * anything else (a setting: text, number, boolean, list of text) is shown as itself.
     */
    public static Shown of(Object value, boolean secret, boolean showValues) {
        if (value == null) {
            return NONE;
        }
        if (secret) {
            return MASKED;
        }
        if (value instanceof Secret s) {
            return showValues ? text(s.reveal()) : HIDDEN;
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (Object item : list) {
                items.add(item);
                texts.add(String.valueOf(item instanceof Number n ? number(n) : item));
            }
            return text(texts.toString(), items);
        }
        if (value instanceof Number n) {
            return text(number(n).toString(), n);
        }
        if (value instanceof Boolean b) {
            return text(b.toString(), b);
        }
        return text(value.toString());
    }

    /** Text shown as itself, unless its content is a credential. */
    public static Shown text(String text) {
        return text(text, text);
    }

    /** Text with its JSON form, unless the text's content is a credential. */
    public static Shown text(String text, Object json) {
        if (text == null) {
            return NONE;
        }
        return SecretText.looksSecret(text) ? MASKED : new Shown(Form.TEXT, text, json);
    }

    /** Whether the value itself is shown. */
    public boolean isText() {
        return form == Form.TEXT;
    }

    /** Whether it is masked as a secret. */
    public boolean isMasked() {
        return form == Form.MASKED;
    }

    /** Whether there is nothing to show. */
    public boolean isNone() {
        return form == Form.NONE;
    }

    /** Whole numbers without a fraction (2.0 is 2), others as written. */
    private static Number number(Number n) {
        BigDecimal d = new BigDecimal(n.toString()).stripTrailingZeros();
        if (d.scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            return d.longValueExact();
        }
        return d;
    }

    @Override
    public String toString() {
        return text == null ? "(none)" : text;
    }
}
