package dev.tastebot.discord;

import dev.tastebot.chat.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** Turns core replies into Discord messages: no pings, at most 2000 characters each. */
final class DiscordMessages {

    /** One message to send; {@code card} is set on the message that carries a song's reactions. */
    record Outgoing(MessageCreateData message, Optional<Reply.SongCard> card) {
    }

    private DiscordMessages() {
    }

    static List<Outgoing> render(List<Reply> replies) {
        List<Outgoing> out = new ArrayList<>();
        for (Reply reply : replies) {
            switch (reply) {
                case Reply.Text text -> chunks(text.text()).forEach(chunk -> out.add(new Outgoing(message(chunk), Optional.empty())));
                case Reply.SongCard card -> {
                    List<String> chunks = chunks(cardText(card));
                    for (int i = 0; i < chunks.size(); i++) {
                        boolean last = i == chunks.size() - 1;
                        out.add(new Outgoing(message(chunks.get(i)), last ? Optional.of(card) : Optional.empty()));
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
     * Title and artists, why it was picked, then the link alone on the last line, which is what
     * makes Discord show its Spotify player.
     */
    static String cardText(Reply.SongCard card) {
        List<String> lines = new ArrayList<>();
        List<String> heading = new ArrayList<>();
        if (!card.title().isBlank()) {
            heading.add("**" + MarkdownSanitizer.escape(card.title().strip()) + "**");
        }
        if (!card.artists().isEmpty()) {
            heading.add(MarkdownSanitizer.escape(String.join(", ", card.artists())));
        }
        if (!heading.isEmpty()) {
            lines.add(String.join(" — ", heading));
        }
        if (!card.why().isBlank()) {
            lines.add(card.why().strip());
        }
        if (!card.url().isBlank()) {
            lines.add(card.url().strip());
        }
        return String.join("\n", lines);
    }

    /** Splits at line ends where possible; blank text makes no message (Discord refuses empty ones). */
    static List<String> chunks(String text) {
        int max = Message.MAX_CONTENT_LENGTH;
        List<String> chunks = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            if (cut <= 0) {
                cut = Character.isHighSurrogate(rest.charAt(max - 1)) ? max - 1 : max;
            }
            chunks.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            chunks.add(rest);
        }
        chunks.removeIf(String::isEmpty);
        return chunks;
    }
}
