package dev.tastebot.discord;

import dev.tastebot.text.RichText;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;

/**
 * {@link RichText} as Discord message content. Our emphasis becomes {@code **bold**}, commands
 * {@code `code`}, our links bare addresses (Discord links them, and shows a player for a Spotify
 * song alone on the last line). Every other character is meant literally.
 *
 * <p>JDA's {@link MarkdownSanitizer#escape(String, boolean)} (the form that escapes every token, so
 * that a lone {@code *} in a title cannot pair with one of ours) covers {@code * _ `} and quotes.
 * It leaves the rest of what Discord reads as markup, which is neutralised here: backslashes
 * themselves, lone {@code |} and {@code ~} (which could pair across spans), headings, subtext and
 * lists at the start of a line, masked links {@code [x](url)}, bare addresses (Discord links any
 * {@code scheme://}), and the {@code <...>} and {@code @} syntax of mentions, channels, slash commands,
 * custom emoji and timestamps. A zero-width space is invisible, and breaks each of those.
 *
 * <p>Our own words go through the same escaping (it changes nothing a reader sees): markup comes
 * from the kind of span alone, so a reply built by pasting strings together still cannot format.
 */
final class DiscordMarkdown {
    static final char ZERO_WIDTH_SPACE = '\u200B';
    private static final String BOLD = "**";

    private DiscordMarkdown() {
    }

    static String render(RichText text) {
        StringBuilder out = new StringBuilder();
        boolean bold = false;
        for (RichText.Span span : text.spans()) {
            boolean strong = switch (span) {
                case RichText.Span.Words words -> words.strong();
                case RichText.Span.Outside outside -> outside.strong();
                case RichText.Span.Code code -> false;
                case RichText.Span.Command command -> false;
                case RichText.Span.Verdict verdict -> false;
                case RichText.Span.Link link -> false;
            };
            if (strong != bold) {
                out.append(BOLD);
                bold = strong;
            }
            switch (span) {
                case RichText.Span.Words words -> out.append(literal(words.text(), atLineStart(out)));
                case RichText.Span.Outside outside -> out.append(literal(outside.text(), atLineStart(out)));
                case RichText.Span.Code code -> out.append('`').append(code.text()).append('`');
                case RichText.Span.Command command -> out.append(command.plain());
                case RichText.Span.Verdict verdict -> out.append(verdict.kind().emoji());
                case RichText.Span.Link link -> out.append(link.url());
            }
        }
        if (bold) {
            out.append(BOLD);
        }
        return out.toString();
    }

    /**
     * {@code text} so that Discord shows it as it is.
     *
     * @param lineStart whether it begins a line, where {@code #}, {@code -} or {@code 1.} would start a block
     */
    static String literal(String text, boolean lineStart) {
        String escaped = text.replace("\\", "\\\\").replace("|", "\\|").replace("~", "\\~");
        escaped = MarkdownSanitizer.escape(escaped, true);
        escaped = escaped.replace("://", ":" + ZERO_WIDTH_SPACE + "//")
                .replace("](", "]" + ZERO_WIDTH_SPACE + "(")
                .replace("<", "<" + ZERO_WIDTH_SPACE)
                .replace("@", "@" + ZERO_WIDTH_SPACE);
        String[] lines = escaped.split("\n", -1);
        StringBuilder out = new StringBuilder(escaped.length() + 8);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(i > 0 || lineStart ? lineStart(lines[i]) : lines[i]);
        }
        return out.toString();
    }

    /** A line as Discord shows it, not as a heading, subtext, list item or quote it would start. */
    static String lineStart(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        if (i == line.length()) {
            return line;
        }
        char first = line.charAt(i);
        boolean marker = first == '#' || first == '>'
                || (first == '-' || first == '+') && i + 1 < line.length() && (line.charAt(i + 1) == ' ' || line.charAt(i + 1) == '#');
        if (marker) {
            return line.substring(0, i) + "\\" + line.substring(i);
        }
        int digits = i;
        while (digits < line.length() && Character.isDigit(line.charAt(digits))) {
            digits++;
        }
        if (digits > i && digits + 1 < line.length() && (line.charAt(digits) == '.' || line.charAt(digits) == ')')
                && line.charAt(digits + 1) == ' ') {
            return line.substring(0, digits) + "\\" + line.substring(digits);
        }
        return line;
    }

    private static boolean atLineStart(StringBuilder out) {
        return out.isEmpty() || out.charAt(out.length() - 1) == '\n';
    }
}
