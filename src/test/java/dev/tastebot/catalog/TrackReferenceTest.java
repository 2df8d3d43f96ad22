package dev.tastebot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.catalog.TrackReference.ArtistAndTitle;
import dev.tastebot.catalog.TrackReference.Empty;
import dev.tastebot.catalog.TrackReference.Malformed;
import dev.tastebot.catalog.TrackReference.NotATrack;
import dev.tastebot.catalog.TrackReference.Search;
import dev.tastebot.catalog.TrackReference.TrackId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrackReferenceTest {
    private static final String ID = "4cOdK2wGLETKBW3PvgPWqT";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "https://open.spotify.com/track/4cOdK2wGLETKBW3PvgPWqT",
            "https://open.spotify.com/track/4cOdK2wGLETKBW3PvgPWqT?si=b7c2a0c3e6d54f1a",
            "https://open.spotify.com/track/4cOdK2wGLETKBW3PvgPWqT?si=b7c2a0c3e6d54f1a&context=spotify%3Aplaylist%3A37i9dQZF1DXcBWIGoYBM5M",
            "https://open.spotify.com/intl-de/track/4cOdK2wGLETKBW3PvgPWqT?si=0f1e2d3c4b5a6978",
            "https://open.spotify.com/intl-pt-br/track/4cOdK2wGLETKBW3PvgPWqT",
            "https://open.spotify.com/embed/track/4cOdK2wGLETKBW3PvgPWqT",
            "http://open.spotify.com/track/4cOdK2wGLETKBW3PvgPWqT",
            "open.spotify.com/track/4cOdK2wGLETKBW3PvgPWqT",
            "www.open.spotify.com/track/4cOdK2wGLETKBW3PvgPWqT",
            "https://www.open.spotify.com/track/4cOdK2wGLETKBW3PvgPWqT/",
            "HTTPS://OPEN.SPOTIFY.COM/TRACK/4cOdK2wGLETKBW3PvgPWqT",
            "<https://open.spotify.com/track/4cOdK2wGLETKBW3PvgPWqT>",
            "  https://open.spotify.com/track/4cOdK2wGLETKBW3PvgPWqT  \n",
            "will I like https://open.spotify.com/track/4cOdK2wGLETKBW3PvgPWqT?si=abc ?",
            "listen to this: https://open.spotify.com/track/4cOdK2wGLETKBW3PvgPWqT!",
            "spotify:track:4cOdK2wGLETKBW3PvgPWqT",
            "Spotify:Track:4cOdK2wGLETKBW3PvgPWqT",
            "4cOdK2wGLETKBW3PvgPWqT",
    })
    void everySpellingOfATrackGivesItsId(String typed) {
        assertThat(TrackReference.parse(typed)).isEqualTo(new TrackId(ID));
    }

    @Test
    void aDemoIdIsATrackId() {
        assertThat(TrackReference.parse("demo-0042")).isEqualTo(new TrackId("demo-0042"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://open.spotify.com/album/2noRn2Aes5aoNVsU6iWThc?si=Ls3w                 | album
            https://open.spotify.com/intl-fr/album/2noRn2Aes5aoNVsU6iWThc                | album
            https://open.spotify.com/artist/0TnOYISbd1XYRBk9myaseg                       | artist
            https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M?si=1a2b3c            | playlist
            https://open.spotify.com/user/spotify/playlist/37i9dQZF1DXcBWIGoYBM5M        | playlist
            https://open.spotify.com/episode/512ojhOuo1ktJprKbVcKyQ                      | episode
            https://open.spotify.com/show/2MAi0BvDc6GTFvKFPXnkCL                         | show
            https://open.spotify.com/user/spotify                                        | profile
            spotify:album:2noRn2Aes5aoNVsU6iWThc                                         | album
            spotify:artist:0TnOYISbd1XYRBk9myaseg                                        | artist
            spotify:playlist:37i9dQZF1DXcBWIGoYBM5M                                      | playlist
            spotify:user:spotify:playlist:37i9dQZF1DXcBWIGoYBM5M                         | playlist
            spotify:episode:512ojhOuo1ktJprKbVcKyQ                                       | episode
            spotify:show:2MAi0BvDc6GTFvKFPXnkCL                                          | show
            spotify:local:Daft+Punk:Discovery:One+More+Time:320                          | local file
            """)
    void linksAndUrisToOtherThingsSayWhatTheyName(String typed, String kind) {
        assertThat(TrackReference.parse(typed)).isEqualTo(new NotATrack(kind));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://open.spotify.com/track/4cOdK2wGLETKBW3Pvg                     | the track id in it should be 22 letters and digits
            https://open.spotify.com/track/4cOdK2wGLETKBW3PvgPWqTX                | the track id in it should be 22 letters and digits
            https://open.spotify.com/track/4cOdK2wGLETKBW3PvgPWq-                 | the track id in it should be 22 letters and digits
            https://open.spotify.com/track/                                       | the track id in it should be 22 letters and digits
            spotify:track:4cOdK2wGLETKBW3P                                        | the track id in it should be 22 letters and digits
            https://open.spotify.com/                                             | it is not a link to a track
            https://open.spotify.com/genre/pop-page                               | it is not a link to a track
            https://www.youtube.com/watch?v=dQw4w9WgXcQ                           | it is not a Spotify link
            https://spotify.link/AbCdEf123                                        | spotify.link short links cannot be followed here (open it and copy the open.spotify.com link)
            """)
    void brokenSpotifyLinksAndOtherLinksAreMalformed(String typed, String reason) {
        assertThat(TrackReference.parse(typed)).isEqualTo(new Malformed(reason));
    }

    @Test
    void inputOverThreeHundredCharactersIsTooLong() {
        assertThat(TrackReference.parse("la ".repeat(101))).isEqualTo(new Malformed("too long"));
        assertThat(TrackReference.parse("a".repeat(300))).isInstanceOf(Search.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t"})
    void blankInputIsEmpty(String typed) {
        assertThat(TrackReference.parse(typed)).isEqualTo(new Empty());
    }

    @Test
    void artistDashTitleIsASearchWithBothParts() {
        assertThat(TrackReference.parse("Maroon 5 - Memories - Dillon Francis Remix")).isEqualTo(new Search(
                "Maroon 5 - Memories - Dillon Francis Remix",
                Optional.of(new ArtistAndTitle("Maroon 5", "Memories - Dillon Francis Remix"))));
    }

    @Test
    void theDashesPhonesTypeSeparateArtistAndTitleToo() {
        assertThat(TrackReference.parse("Daft Punk – One More Time")).isEqualTo(new Search(
                "Daft Punk – One More Time", Optional.of(new ArtistAndTitle("Daft Punk", "One More Time"))));
        assertThat(TrackReference.parse("Daft Punk — One More Time")).isEqualTo(new Search(
                "Daft Punk — One More Time", Optional.of(new ArtistAndTitle("Daft Punk", "One More Time"))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bohemian rhapsody     | bohemian rhapsody
            Jay-Z   Empire State  | Jay-Z Empire State
            - Memories            | - Memories
            Memories -            | Memories -
            spotify wrapped       | spotify wrapped
            demo-1                | demo-1
            Supercalifragilistic  | Supercalifragilistic
            """)
    void otherTextIsAPlainSearchWithSpacesCollapsed(String typed, String text) {
        assertThat(TrackReference.parse(typed)).isEqualTo(new Search(text, Optional.empty()));
    }
}
