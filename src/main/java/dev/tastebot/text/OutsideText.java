package dev.tastebot.text;

import java.text.BreakIterator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Makes a text from outside fit to show on any platform: one line, no control characters or
 * terminal escape sequences, no bidirectional overrides, and no longer than asked. Escaping for a
 * platform's markup is the renderer's part; this is what every platform needs alike.
 */
public final class OutsideText {
    /** Ends a shortened text. */
    public static final String ELLIPSIS = "…";

    /**
     * ANSI/VT escape sequences, dropped whole so that no "[31m" is left behind: CSI (also its 8-bit
     * form), OSC ending in BEL or ST, DCS/SOS/PM/APC strings, and the remaining two-character escapes.
     */
    private static final Pattern TERMINAL_ESCAPES = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]"
                    + "|\u009B[0-?]*[ -/]*[@-~]"
                    + "|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?"
                    + "|\u001B[PX^_][^\u001B]*(?:\u001B\\\\)?"
                    + "|\u001B[ -~]?");
    private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");

    private OutsideText() {
    }

    /** {@code raw} cleaned (see {@link #clean}) and shortened to {@code maxChars}. */
    public static String oneLine(String raw, int maxChars) {
        return shorten(clean(raw), maxChars);
    }

    /**
     * One line of printable text: terminal escapes and control characters removed (line breaks and
     * tabs become spaces), bidirectional overrides that could reorder the text around it removed,
     * runs of white space made one space, no space at either end.
     */
    public static String clean(String raw) {
        String text = TERMINAL_ESCAPES.matcher(raw).replaceAll("");
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85) {
                kept.append(' ');
            } else if (!hidden(c)) {
                kept.appendCodePoint(c);
            }
        });
        return WHITESPACE.matcher(kept).replaceAll(" ").strip();
    }

    /**
     * At most {@code maxChars} characters: a longer text is cut between two characters as a reader
     * sees them (an emoji or an accented letter stays whole) and ends in {@link #ELLIPSIS}.
     */
    public static String shorten(String text, int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive, got " + maxChars);
        }
        if (text.length() <= maxChars) {
            return text;
        }
        return prefix(text, maxChars - ELLIPSIS.length()).stripTrailing() + ELLIPSIS;
    }

    /** The longest start of {@code text} of at most {@code maxChars} characters that ends between two characters as a reader sees them. */
    static String prefix(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        if (maxChars <= 0) {
            return "";
        }
        BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
        characters.setText(text);
        int end = characters.isBoundary(maxChars) ? maxChars : characters.preceding(maxChars);
        return text.substring(0, Math.max(end, 0));
    }

    /**
     * {@code text} with its lines and spacing kept, and nothing a terminal would obey: escape
     * sequences, control characters other than the line break, and direction overrides removed.
     */
    public static String printable(String text) {
        String withoutEscapes = TERMINAL_ESCAPES.matcher(text).replaceAll("");
        StringBuilder kept = new StringBuilder(withoutEscapes.length());
        withoutEscapes.codePoints().forEach(c -> {
            if (c == '\n') {
                kept.append('\n');
            } else if (c == '\t') {
                kept.append(' ');
            } else if (!hidden(c)) {
                kept.appendCodePoint(c);
            }
        });
        return kept.toString();
    }

    /** Control characters, lone surrogates, and the format characters that change the direction of text. */
    private static boolean hidden(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.SURROGATE
                || c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
