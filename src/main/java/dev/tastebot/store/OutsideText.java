package dev.tastebot.store;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Text from outside (a user's export, a catalogue, Spotify) made fit to store and show to others:
 * one line, no control characters or terminal escapes, no bidirectional overrides that make text
 * read backwards, Unicode composed (NFC), and at most so many characters. Markup (markdown, links)
 * is left as written: escaping it is the job of each platform's rendering.
 */
final class OutsideText {
    // ESC [ ... final byte (colours, cursor moves), and ESC ] ... BEL or ESC \ (titles, OSC 8 hyperlinks).
    private static final Pattern TERMINAL_ESCAPE =
            Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?");
    private static final Pattern LINE_BREAKS_AND_SPACES = Pattern.compile("[\\p{Z}\\t\\n\\x0B\\f\\r\\x{85}]+");
    // Controls (NUL, ESC, DEL...), lone surrogates, bidirectional marks and overrides, zero-width
    // spaces and the byte order mark. Joiners (U+200C, U+200D) stay: scripts and emoji need them.
    private static final Pattern INVISIBLE = Pattern.compile(
            "[\\p{Cc}\\p{Cs}\\x{061C}\\x{200B}\\x{200E}\\x{200F}\\x{202A}-\\x{202E}\\x{2060}\\x{2066}-\\x{2069}\\x{FEFF}\\x{FFFE}\\x{FFFF}]");
    private static final String ELLIPSIS = "…";

    private OutsideText() {
    }

    /**
     * The text on one line, cleaned, and cut to {@code maxCharacters} code points (the last one an
     * ellipsis) when longer. Cleaning it again changes nothing.
     */
    static String oneLine(String text, int maxCharacters) {
        // Whatever lies far beyond the cap cannot reach the result: do not make the patterns read it.
        String head = text.length() > maxCharacters * 4 + 64 ? text.substring(0, maxCharacters * 4 + 64) : text;
        String cleaned = TERMINAL_ESCAPE.matcher(head).replaceAll("");
        cleaned = LINE_BREAKS_AND_SPACES.matcher(cleaned).replaceAll(" ");
        cleaned = INVISIBLE.matcher(cleaned).replaceAll("");
        cleaned = Normalizer.normalize(cleaned, Normalizer.Form.NFC).strip();
        if (cleaned.codePointCount(0, cleaned.length()) <= maxCharacters) {
            return cleaned;
        }
        int end = cleaned.offsetByCodePoints(0, maxCharacters - 1);
        return cleaned.substring(0, end).stripTrailing() + ELLIPSIS;
    }
}
