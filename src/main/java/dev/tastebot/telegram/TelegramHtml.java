package dev.tastebot.telegram;

import dev.tastebot.chat.Reply;
import dev.tastebot.text.RichText;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link RichText} as Telegram messages in HTML parse mode. Our emphasis becomes {@code <b>},
 * commands {@code <code>}, our links {@code <a href>}; {@code < > &} are escaped in every span, so no
 * text can open a tag or an entity. Telegram also turns bare addresses, {@code @names},
 * {@code #tags}, {@code $tags} and {@code /commands} into links, mentions and buttons by itself: in
 * text from outside an invisible zero-width space breaks each of those, so a title never links,
 * mentions or sends a command. Commands are written as Telegram spells them ({@code /will_i_like}),
 * also where our own words name one, so tapping it sends it.
 *
 * <p>A message holds at most {@link #MAX_MESSAGE_LENGTH} characters as Telegram counts them (the
 * text a reader sees); a longer text is split at line ends where it can be, and one answer takes
 * at most {@link Reply#MAX_MESSAGES} messages, the last ending in "… (shortened)" when there was more.
 */
final class TelegramHtml {
    /** Telegram's limit on a message's text, after its entities are parsed. */
    static final int MAX_MESSAGE_LENGTH = 4096;
    static final char ZERO_WIDTH_SPACE = '\u200B';
    private static final String SHORTENED_LINE = "\n" + RichText.SHORTENED;

    private enum Kind { WORDS, STRONG, CODE, LINK }

    /** A run of text shown one way; {@code shown} is what a reader sees, before escaping. */
    private record Piece(Kind kind, String shown) {
    }

    private TelegramHtml() {
    }

    /** The whole text as one message's HTML, whatever its length. */
    static String render(RichText text) {
        return html(pieces(text));
    }

    /** The text as at most {@link Reply#MAX_MESSAGES} messages of at most {@link #MAX_MESSAGE_LENGTH} characters; none blank. */
    static List<String> messages(RichText text) {
        return messages(text, MAX_MESSAGE_LENGTH, Reply.MAX_MESSAGES);
    }

    /** The text as one message, cut to fit and saying so. */
    static String oneMessage(RichText text) {
        List<String> one = messages(text, MAX_MESSAGE_LENGTH, 1);
        return one.isEmpty() ? "" : one.getFirst();
    }

    static List<String> messages(RichText text, int maxLength, int maxMessages) {
        List<List<Piece>> chunks = split(pieces(text), maxLength);
        chunks.removeIf(chunk -> chunk.stream().allMatch(piece -> piece.shown().isBlank()));
        if (chunks.size() > maxMessages) {
            List<List<Piece>> kept = new ArrayList<>(chunks.subList(0, maxMessages - 1));
            List<Piece> last = split(chunks.get(maxMessages - 1), maxLength - SHORTENED_LINE.length()).getFirst();
            List<Piece> marked = new ArrayList<>(last);
            marked.add(new Piece(Kind.WORDS, SHORTENED_LINE));
            kept.add(marked);
            chunks = kept;
        }
        return chunks.stream().map(TelegramHtml::html).toList();
    }

    private static List<Piece> pieces(RichText text) {
        List<Piece> pieces = new ArrayList<>();
        for (RichText.Span span : text.spans()) {
            pieces.add(switch (span) {
                case RichText.Span.Words words -> new Piece(words.strong() ? Kind.STRONG : Kind.WORDS,
                        TelegramCommands.onTelegram(words.text()));
                case RichText.Span.Outside outside -> new Piece(outside.strong() ? Kind.STRONG : Kind.WORDS,
                        inert(outside.text()));
                case RichText.Span.Code code -> new Piece(Kind.CODE, code.text());
                case RichText.Span.Command command -> new Piece(Kind.WORDS, "/" + TelegramCommands.NAMING.written(command.name()));
                case RichText.Span.Verdict verdict -> new Piece(Kind.WORDS, verdict.kind().emoji());
                case RichText.Span.Link link -> new Piece(Kind.LINK, link.url());
            });
        }
        return pieces;
    }

    /**
     * {@code text} with a zero-width space after every character that could start something Telegram
     * detects by itself: {@code @ # $ /}, and a {@code .} or {@code :} directly before a letter or digit
     * (a domain, an address's scheme).
     */
    static String inert(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            boolean starts = c == '@' || c == '#' || c == '$' || c == '/';
            boolean joins = (c == '.' || c == ':') && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1));
            if (starts || joins) {
                out.append(ZERO_WIDTH_SPACE);
            }
        }
        return out.toString();
    }

    /**
     * Packs whole lines into chunks of at most {@code max} characters; a line longer than that is cut
     * between characters (never inside a surrogate pair or a link, which moves on whole).
     */
    private static List<List<Piece>> split(List<Piece> pieces, int max) {
        List<List<Piece>> chunks = new ArrayList<>();
        List<Piece> chunk = new ArrayList<>();
        int length = 0;
        for (List<Piece> line : lines(pieces)) {
            int lineLength = length(line);
            if (length + lineLength > max && !chunk.isEmpty()) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                length = 0;
            }
            for (Piece piece : line) {
                String rest = piece.shown();
                while (length + rest.length() > max) {
                    if (piece.kind() == Kind.LINK) {
                        break;
                    }
                    int cut = max - length;
                    if (cut > 0 && Character.isHighSurrogate(rest.charAt(cut - 1))) {
                        cut--;
                    }
                    if (cut > 0) {
                        chunk.add(new Piece(piece.kind(), rest.substring(0, cut)));
                    }
                    chunks.add(chunk);
                    chunk = new ArrayList<>();
                    length = 0;
                    rest = rest.substring(cut);
                }
                if (length + rest.length() > max && !chunk.isEmpty()) {
                    chunks.add(chunk);
                    chunk = new ArrayList<>();
                    length = 0;
                }
                if (!rest.isEmpty()) {
                    chunk.add(new Piece(piece.kind(), rest));
                    length += rest.length();
                }
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    /** The pieces cut at line breaks, each line keeping its {@code \n}. */
    private static List<List<Piece>> lines(List<Piece> pieces) {
        List<List<Piece>> lines = new ArrayList<>();
        List<Piece> line = new ArrayList<>();
        for (Piece piece : pieces) {
            String text = piece.shown();
            int start = 0;
            int newline;
            while (piece.kind() != Kind.LINK && (newline = text.indexOf('\n', start)) >= 0) {
                line.add(new Piece(piece.kind(), text.substring(start, newline + 1)));
                lines.add(line);
                line = new ArrayList<>();
                start = newline + 1;
            }
            if (start < text.length()) {
                line.add(new Piece(piece.kind(), text.substring(start)));
            }
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    private static int length(List<Piece> pieces) {
        return pieces.stream().mapToInt(piece -> piece.shown().length()).sum();
    }

    private static String html(List<Piece> pieces) {
        StringBuilder out = new StringBuilder();
        for (Piece piece : pieces) {
            switch (piece.kind()) {
                case WORDS -> out.append(escape(piece.shown()));
                case STRONG -> out.append("<b>").append(escape(piece.shown())).append("</b>");
                case CODE -> out.append("<code>").append(escape(piece.shown())).append("</code>");
                case LINK -> out.append("<a href=\"").append(escape(piece.shown()).replace("\"", "&quot;")).append("\">")
                        .append(escape(piece.shown())).append("</a>");
            }
        }
        return out.toString().strip();
    }

    /** What Telegram's HTML needs escaped outside tags: every {@code <}, {@code >} and {@code &}. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
