package dev.tastebot.taste;

import dev.tastebot.features.FeatureValues;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.tastebot.taste.TasteFixtures.disliked;
import static dev.tastebot.taste.TasteFixtures.liked;
import static dev.tastebot.taste.TasteFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;

class TasteProfileTest {

    @Test
    void countsLikesPerArtistIgnoringCase() {
        // GIVEN three rated songs by one artist, spelled two ways, and one by another
        TasteProfile profile = TasteProfile.of(List.of(
                liked("a", "Daft Punk", 0.5), liked("b", "daft punk ", 0.5), disliked("c", "Daft Punk", 0.5),
                disliked("d", "Other", 0.5)));

        // THEN the artist's tally joins both spellings, and the overall tally counts everything
        assertThat(profile.artist("DAFT PUNK")).isEqualTo(new Tally(2, 3));
        assertThat(profile.artistEvidence(track("new", "Daft Punk", 0.1))).isEqualTo(new Tally(2, 3));
        assertThat(profile.overall()).isEqualTo(new Tally(2, 4));
    }

    @Test
    void anArtistNamedTwiceOnOneTrackCountsOnce() {
        TrackData duet = new TrackData("x", List.of("A", "a"), FeatureValues.none(), List.of());
        TasteProfile profile = TasteProfile.of(List.of(new RatedTrack(duet, true)));

        assertThat(profile.artist("A")).isEqualTo(new Tally(1, 1));
        assertThat(profile.artistEvidence(duet)).isEqualTo(new Tally(1, 1));
    }

    @Test
    void genreEvidenceAndBestKnownArtist() {
        TrackData rock = new TrackData("r", List.of("Known", "Unknown"), FeatureValues.none(), List.of("Rock"));
        TasteProfile profile = TasteProfile.of(List.of(
                new RatedTrack(new TrackData("1", List.of("Known"), FeatureValues.none(), List.of("rock")), true),
                new RatedTrack(new TrackData("2", List.of("Known"), FeatureValues.none(), List.of("pop")), false)));

        assertThat(profile.genreEvidence(rock)).isEqualTo(new Tally(1, 1));
        assertThat(profile.bestKnownArtist(rock)).contains("Known");
    }

    @Test
    void favouriteArtistsAreThoseWithTheMostLikesShownAsFirstSpelled() {
        TasteProfile profile = TasteProfile.of(List.of(
                liked("1", "Daft Punk", 0.5), liked("2", "daft punk", 0.5), liked("3", "Air", 0.5),
                disliked("4", "Air", 0.5), liked("5", "Justice", 0.5), disliked("6", "Hated", 0.5)));

        assertThat(profile.favouriteArtists(3)).containsExactly(
                new TasteProfile.ArtistTally("Daft Punk", new Tally(2, 2)),
                new TasteProfile.ArtistTally("Justice", new Tally(1, 1)),
                new TasteProfile.ArtistTally("Air", new Tally(1, 2)));
    }

    @Test
    void smoothingPullsSmallEvidenceTowardThePrior() {
        assertThat(new Tally(1, 1).smoothedRate(0.5, 2)).isEqualTo((1 + 1.0) / 3);
        assertThat(new Tally(0, 0).smoothedRate(0.8, 2)).isEqualTo(0.8);
        assertThat(new Tally(70, 80).smoothedRate(0.5, 2)).isCloseTo(0.866, org.assertj.core.data.Offset.offset(0.001));
    }
}
