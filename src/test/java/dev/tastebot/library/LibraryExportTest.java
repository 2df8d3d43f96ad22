package dev.tastebot.library;

import dev.tastebot.text.Limit;
import dev.tastebot.text.RichText;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LibraryExportTest {
    private final LibraryExport export = new LibraryExport();

    private LibraryExport.Parsed parse(String json) {
        return export.parse("YourLibrary.json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheSavedTracksOfARealShapedExport() {
        LibraryExport.Parsed parsed = parse("""
                {"tracks": [{"artist": "Daft Punk", "album": "Discovery", "track": "One More Time",
                             "uri": "spotify:track:0DiWol3AO6WpXZgp0goxAV"},
                            {"artist": "Me", "album": "", "track": "Demo", "uri": "spotify:local:Me::Demo:120"}],
                 "albums": [], "shows": [], "episodes": [], "bannedTracks": [], "artists": [], "other": []}""");

        assertThat(parsed).isEqualTo(new LibraryExport.Parsed.Tracks(java.util.List.of(
                new LibraryExport.SavedTrack(Optional.of("0DiWol3AO6WpXZgp0goxAV"), "One More Time", "Daft Punk", "Discovery"),
                new LibraryExport.SavedTrack(Optional.empty(), "Demo", "Me", ""))));
    }

    @Test
    void refusesWhatIsNotALibraryExport() {
        assertThat(parse("[1, 2]")).isInstanceOf(LibraryExport.Parsed.NotAnExport.class);
        assertThat(((LibraryExport.Parsed.NotAnExport) parse("{\"items\": []}")).reason().plain()).isEqualTo(
                "YourLibrary.json doesn't look like Spotify's YourLibrary.json: it has no \"tracks\" list. "
                        + "It is in the \"Account data\" part of your privacy export.");
        assertThat(((LibraryExport.Parsed.NotAnExport) parse("{\"tracks\": [}")).reason().plain())
                .startsWith("YourLibrary.json isn't valid JSON (").doesNotContain("\n");
        assertThat(((LibraryExport.Parsed.NotAnExport) parse("")).reason().plain()).isEqualTo("YourLibrary.json is empty.");
    }

    @Test
    void theUploadersFileNameIsQuotedAsOutsideTextShortened() {
        LibraryExport.Parsed refused = export.parse("**free** <@1>\n" + "n".repeat(100) + ".json", new byte[0]);

        assertThat(refused).isEqualTo(new LibraryExport.Parsed.NotAnExport(RichText.builder()
                .outside("**free** <@1> " + "n".repeat(45) + "…", Limit.FILE_NAME).words(" is empty.").build()));
    }

    @Test
    void refusesAHugeFileWithoutParsingIt() {
        byte[] huge = new byte[LibraryExport.MAX_BYTES + 1];

        assertThat(((LibraryExport.Parsed.NotAnExport) export.parse("big.json", huge)).reason().plain())
                .startsWith("big.json is 20 MB; a library export is much smaller");
    }

    @Test
    void readsALargeLibraryQuickly() {
        StringBuilder json = new StringBuilder("{\"tracks\": [");
        for (int i = 0; i < 20_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"artist\": \"A").append(i).append("\", \"album\": \"B\", \"track\": \"T")
                    .append(i).append("\", \"uri\": \"spotify:track:").append(String.format("%022d", i)).append("\"}");
        }
        LibraryExport.Parsed parsed = parse(json.append("]}").toString());

        assertThat(((LibraryExport.Parsed.Tracks) parsed).tracks()).hasSize(20_000);
    }
}
