package dev.tastebot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link Track} makes of outside text, whoever supplied it. */
class TrackTest {
    @Test
    void realTitlesAreKeptAsWritten() {
        for (String title : List.of("I Don't Care (with Justin Bieber) - Loud Luxury Remix", "Björk — Jóga",
                "東京フラッシュ", "👩‍👩‍👧 Family", "**Bold** [text](https://example.org) <@123> @everyone")) {
            assertThat(Track.of("t", title, List.of()).title()).isEqualTo(title);
        }
    }

    @Test
    void whitespaceAndControlsBecomeOneLine() {
        // GIVEN a title over lines, with tabs, a non-breaking space, a line separator and invisible characters
        String messy = "  One\r\n\tTwo\u00A0Three\u2028Four\u200B\uFEFF\u0007 ";

        // THEN it reads as one line of single spaces
        assertThat(Track.of("t", messy, List.of()).title()).isEqualTo("One Two Three Four");
    }

    @Test
    void terminalEscapesIncludingHyperlinksAreRemovedWhole() {
        // GIVEN an OSC 8 terminal hyperlink and a colour, as a console would act on them
        String title = "\u001B]8;;https://evil.example\u0007click\u001B]8;;\u0007 \u001B[1;31mnow\u001B[0m";

        assertThat(Track.of("t", title, List.of()).title()).isEqualTo("click now");
    }

    @Test
    void aCutNeverSplitsACharacterAndEndsWithAnEllipsis() {
        // GIVEN a title of emoji (two chars each in Java) longer than the cap
        String title = "🎵".repeat(Track.MAX_TITLE + 10);

        String stored = Track.of("t", title, List.of()).title();

        assertThat(stored.codePointCount(0, stored.length())).isEqualTo(Track.MAX_TITLE);
        assertThat(stored).endsWith("🎵…").doesNotContain("\uFFFD");
    }

    @Test
    void cleaningIsStableSoAStoredTrackReadsBackEqual() {
        // GIVEN texts cleaned once
        Track once = Track.of("t", "e\u0301 " + "y".repeat(1_000), List.of("  Artist\nName  ", "", " "));

        // WHEN cleaned again
        Track twice = Track.of("t", once.title(), once.artists());

        // THEN nothing changes: composed, capped, blank artists gone
        assertThat(twice).isEqualTo(once);
        assertThat(once.title()).startsWith("é y").hasSize(Track.MAX_TITLE);
        assertThat(once.artists()).containsExactly("Artist Name");
    }
}
