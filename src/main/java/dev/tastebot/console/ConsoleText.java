package dev.tastebot.console;

import dev.tastebot.text.OutsideText;
import dev.tastebot.text.RichText;

/**
 * {@link RichText} for a terminal: no markup at all (emphasis and code show as their words), and
 * nothing a terminal would obey. Outside text is already one clean line; our own words keep their
 * lines, and lose any control character that slipped in.
 */
final class ConsoleText {
    private ConsoleText() {
    }

    static String render(RichText text) {
        StringBuilder out = new StringBuilder();
        for (RichText.Span span : text.spans()) {
            switch (span) {
                case RichText.Span.Words words -> out.append(OutsideText.printable(words.text()));
                case RichText.Span.Outside outside -> out.append(outside.text());
                case RichText.Span.Code code -> out.append(OutsideText.printable(code.text()));
                case RichText.Span.Command command -> out.append(command.plain());
                case RichText.Span.Verdict verdict -> out.append(verdict.kind().typed());
                case RichText.Span.Link link -> out.append(link.url());
            }
        }
        return out.toString();
    }
}
