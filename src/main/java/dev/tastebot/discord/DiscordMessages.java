package dev.tastebot.discord;

import dev.tastebot.chat.Reply;
import dev.tastebot.text.RichText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Turns core replies into Discord messages: outside text escaped ({@link DiscordMarkdown}), no
 * pings, at most 2000 characters each, a text answer in at most {@link Reply#MAX_MESSAGES}
 * messages, a song card always in one, which carries its reactions, and a choice among matches as
 * its question with one button per match ({@link ChoiceButtons}).
 */
final class DiscordMessages {
    private static final String SHORTENED_LINE = "\n" + RichText.SHORTENED;

    /** One message to send; {@code card} is set on the message that carries a song's reactions. */
    record Outgoing(MessageCreateData message, Optional<Reply.SongCard> card) {
    }

    private DiscordMessages() {
    }

    static List<Outgoing> render(List<Reply> replies) {
        List<Outgoing> out = new ArrayList<>();
        for (Reply reply : replies) {
            switch (reply) {
                case Reply.Text text -> capped(chunks(DiscordMarkdown.render(text.content())))
                        .forEach(chunk -> out.add(new Outgoing(message(chunk), Optional.empty())));
                case Reply.Choices choices -> {
                    String prompt = chunks(DiscordMarkdown.render(choices.prompt())).stream().findFirst().orElse("");
                    out.add(new Outgoing(new MessageCreateBuilder().setContent(prompt).setAllowedMentions(List.of())
                            .setComponents(ChoiceButtons.of(choices)).build(), Optional.empty()));
                }
                case Reply.SongCard card -> {
                    String content = cardText(card);
                    if (!content.isEmpty()) {
                        out.add(new Outgoing(message(content), Optional.of(card)));
                    }
                }
            }
        }
        return out;
    }

    /** A message from the adapter itself. */
    static MessageCreateData message(String content) {
        // Titles and names come from outside: a song called "@everyone" must not ping a server.
        return new MessageCreateBuilder().setContent(content).setAllowedMentions(List.of()).build();
    }

    /**
     * Title and artists, what else is known about it, why it was picked, then the link alone on the last line, which is what
     * makes Discord show its Spotify player. Always one message: a reason too long for it is cut.
     */
    static String cardText(Reply.SongCard card) {
        List<String> lines = new ArrayList<>();
        String heading = DiscordMarkdown.render(card.heading(" — "));
        if (!heading.isBlank()) {
            lines.add(heading);
        }
        String about = DiscordMarkdown.render(card.about()).strip();
        if (!about.isEmpty()) {
            lines.add(about);
        }
        String why = DiscordMarkdown.render(card.why()).strip();
        if (!why.isEmpty()) {
            lines.add(why);
        }
        String body = String.join("\n", lines);
        String link = card.url().isBlank() ? "" : card.url().strip();
        int room = Message.MAX_CONTENT_LENGTH - (link.isEmpty() || body.isEmpty() ? link.length() : link.length() + 1);
        if (body.length() > room) {
            body = chunks(body, room - SHORTENED_LINE.length()).getFirst() + SHORTENED_LINE;
        }
        return body.isEmpty() ? link : link.isEmpty() ? body : body + "\n" + link;
    }

    /** The first {@link Reply#MAX_MESSAGES} chunks; when there were more, the last kept one says the rest was cut. */
    static List<String> capped(List<String> chunks) {
        if (chunks.size() <= Reply.MAX_MESSAGES) {
            return chunks;
        }
        List<String> kept = new ArrayList<>(chunks.subList(0, Reply.MAX_MESSAGES - 1));
        String last = chunks.get(Reply.MAX_MESSAGES - 1);
        kept.add(chunks(last, Message.MAX_CONTENT_LENGTH - SHORTENED_LINE.length()).getFirst() + SHORTENED_LINE);
        return kept;
    }

    static List<String> chunks(String text) {
        return chunks(text, Message.MAX_CONTENT_LENGTH);
    }

    /**
     * Splits at line ends where possible; blank text makes no message (Discord refuses empty ones).
     * A line longer than a message is cut where no escape, emoji or block syntax is split.
     */
    static List<String> chunks(String text, int max) {
        List<String> chunks = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            boolean midLine = cut <= 0;
            if (midLine) {
                cut = safeCut(rest, max);
            }
            chunks.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
            if (midLine) {
                // The rest of the line now starts a message, where "# " or "- " would be markup.
                rest = DiscordMarkdown.lineStart(rest);
            }
        }
        if (!rest.isEmpty()) {
            chunks.add(rest);
        }
        chunks.removeIf(String::isEmpty);
        return chunks;
    }

    /** Before {@code max}, not inside a surrogate pair and not after a backslash, whose escape would be lost. */
    private static int safeCut(String text, int max) {
        int cut = max;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        while (cut > 1 && text.charAt(cut - 1) == '\\') {
            cut--;
        }
        return cut;
    }
}
