package org.goalpost.shared.text;

/**
 * What text people type may hold where it is shown to others or written into mail: a name is one
 * line of printable characters; a message may break lines, nothing more. Control characters (NUL,
 * line breaks in a name, escapes), unpaired surrogates (not text at all) and the bidirectional
 * overrides that reorder what a reader sees are refused: a receipt or a donor wall cannot be
 * shaped by what a donor typed.
 */
public final class PlainText {

    private PlainText() {}

    /** One line of printable text (a name). */
    public static boolean isLine(String text) {
        return text == null || text.codePoints().allMatch(PlainText::printable) && whole(text);
    }

    /** Printable text that may break lines (a message): line feeds and carriage returns are its only controls. */
    public static boolean isText(String text) {
        return text == null || text.codePoints().allMatch(c -> c == '\n' || c == '\r' || printable(c)) && whole(text);
    }

    /**
     * The text with what {@link #isLine} refuses taken out (for names that come from a payment provider, not
     * from a form).
     */
    public static String line(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(PlainText::printable).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean printable(int c) {
        return !Character.isISOControl(c)
                && !(c >= 0x202A && c <= 0x202E)
                && !(c >= 0x2066 && c <= 0x2069)
                && c != 0xFEFF
                && Character.getType(c) != Character.UNASSIGNED
                && !(Character.getType(c) == Character.SURROGATE);
    }

    /** No unpaired surrogate: Java strings may hold them, and they are not characters. */
    private static boolean whole(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
