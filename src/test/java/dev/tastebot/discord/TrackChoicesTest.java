package dev.tastebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.chat.ChatService;
import java.util.List;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.junit.jupiter.api.Test;

class TrackChoicesTest {

    @Test
    void labelsAndValuesAreCutToDiscordsHundredCharacters() {
        String longLabel = "L".repeat(150);
        String longValue = "v".repeat(120);

        List<Command.Choice> choices = TrackChoices.of(List.of(new ChatService.Choice(longLabel, longValue)));

        assertThat(choices).singleElement().satisfies(choice -> {
            assertThat(choice.getName()).hasSize(100).endsWith("…").startsWith("LLL");
            assertThat(choice.getAsString()).isEqualTo("v".repeat(100));
        });
    }

    @Test
    void aCutNeverSplitsAnEmoji() {
        String label = "a".repeat(98) + "🎸" + "tail";

        Command.Choice choice = TrackChoices.of(List.of(new ChatService.Choice(label, "id"))).getFirst();

        assertThat(choice.getName()).isEqualTo("a".repeat(98) + "…");
    }

    @Test
    void atMost25ChoicesAndNoneWithoutAValue() {
        List<ChatService.Choice> suggestions = IntStream.range(0, 30)
                .mapToObj(i -> new ChatService.Choice("Song " + i, i == 0 ? " " : "id" + i)).toList();

        List<Command.Choice> choices = TrackChoices.of(suggestions);

        assertThat(choices).hasSize(25);
        assertThat(choices.getFirst().getAsString()).isEqualTo("id1");
    }

    @Test
    void aLabelIsOneLineWithNothingATerminalOrClientWouldObey() {
        Command.Choice choice = TrackChoices.of(List.of(new ChatService.Choice("\u001B[31mA\r\nB\u202E - Song", "id"))).getFirst();

        assertThat(choice.getName()).isEqualTo("A B - Song");
    }

    @Test
    void aBlankLabelShowsTheValue() {
        Command.Choice choice = TrackChoices.of(List.of(new ChatService.Choice("", "spotify:track:abc"))).getFirst();

        assertThat(choice.getName()).isEqualTo("spotify:track:abc");
    }
}
