package dev.tastebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.chat.Reply;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Message;
import org.junit.jupiter.api.Test;

class DiscordMessagesTest {
    private static final Reply.SongCard CARD = new Reply.SongCard("4uLU6hMCjMI75M1A2tKUQC", "Never *Gonna* Give You Up",
            List.of("Rick Astley"), "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC", "You liked 3 songs by this artist", Reply.Purpose.SESSION);

    @Test
    void aCardShowsTitleArtistsWhyAndTheLinkAloneOnTheLastLine() {
        String text = DiscordMessages.cardText(CARD);

        assertThat(text.lines().toList()).containsExactly(
                "**Never \\*Gonna\\* Give You Up** — Rick Astley",
                "You liked 3 songs by this artist",
                "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC");
    }

    @Test
    void aCardWithoutUrlIsJustText() {
        Reply.SongCard card = new Reply.SongCard("t1", "Song", List.of("A", "B"), "", "Because", Reply.Purpose.DAILY);

        assertThat(DiscordMessages.cardText(card).lines().toList()).containsExactly("**Song** — A, B", "Because");
    }

    @Test
    void theReactionsGoUnderTheCardsMessageOnly() {
        List<DiscordMessages.Outgoing> out = DiscordMessages.render(List.of(new Reply.Text("Here is one:"), CARD));

        assertThat(out).extracting(DiscordMessages.Outgoing::card).containsExactly(Optional.empty(), Optional.of(CARD));
    }

    @Test
    void noMessagePingsAnyone() {
        List<DiscordMessages.Outgoing> out = DiscordMessages.render(List.of(new Reply.Text("@everyone listen")));

        assertThat(out.getFirst().message().getAllowedMentions()).isEmpty();
    }

    @Test
    void longTextIsSplitAtLineEndsIntoMessagesDiscordAccepts() {
        String line = "x".repeat(150);
        String text = String.join("\n", java.util.Collections.nCopies(30, line)); // 4529 characters

        List<String> chunks = DiscordMessages.chunks(text);

        assertThat(chunks).hasSize(3).allSatisfy(chunk -> assertThat(chunk.length()).isLessThanOrEqualTo(Message.MAX_CONTENT_LENGTH));
        assertThat(String.join("\n", chunks)).isEqualTo(text);
    }

    @Test
    void aLineLongerThanAMessageIsCutWithoutSplittingAnEmoji() {
        String text = "a".repeat(Message.MAX_CONTENT_LENGTH - 1) + "👍" + "b".repeat(10);

        List<String> chunks = DiscordMessages.chunks(text);

        assertThat(chunks).hasSize(2);
        assertThat(chunks.getFirst()).hasSize(Message.MAX_CONTENT_LENGTH - 1);
        assertThat(chunks.get(1)).startsWith("👍");
    }

    @Test
    void blankTextMakesNoMessage() {
        assertThat(DiscordMessages.render(List.of(new Reply.Text("  \n ")))).isEmpty();
    }
}
