package dev.tastebot;

import dev.tastebot.catalog.Match;
import dev.tastebot.chat.ChatService;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The labels of autocomplete choices: plain text from the catalogue, made fit for any platform's option list. */
class CatalogTrackLookupTest {

    @Test
    void aLabelNamesArtistsThenTitle() {
        ChatService.Choice choice = CatalogTrackLookup.choice(new Match("4uLU6hMCjMI75M1A2tKUQC", "Memories", List.of("Maroon 5")));

        assertThat(choice).isEqualTo(new ChatService.Choice("Maroon 5 - Memories", "4uLU6hMCjMI75M1A2tKUQC"));
    }

    @Test
    void aHostileSongsLabelIsOneCleanLineWithinAHundredCharacters() {
        // GIVEN a song with a 10,000-character title holding escapes and line breaks, by five long-named artists
        Match match = new Match("id-1", "\u001B[31mTitle\r\n" + "t".repeat(10_000),
                List.of("A".repeat(200), "B".repeat(200), "C", "D", "E"));

        // WHEN it is offered as a choice
        ChatService.Choice choice = CatalogTrackLookup.choice(match);

        // THEN its label fits, keeps the start of the title, and holds nothing but printable text
        assertThat(choice.label()).hasSizeLessThanOrEqualTo(ChatService.Choice.MAX_LABEL)
                .startsWith("AAA").contains(" - Title ttt").endsWith("…").doesNotContain("\u001B").doesNotContain("\n");
        assertThat(choice.label()).isEqualTo("A".repeat(36) + "… - Title " + "t".repeat(53) + "…");
        assertThat(choice.value()).isEqualTo("id-1");
    }
}
