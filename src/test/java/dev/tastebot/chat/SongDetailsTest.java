package dev.tastebot.chat;

import dev.tastebot.features.FeatureValues;
import dev.tastebot.features.NumericFeature;
import dev.tastebot.store.Track;
import dev.tastebot.text.RichText;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class SongDetailsTest {

    private static Track track(Optional<String> album, OptionalInt year, Optional<String> genre, OptionalLong durationMs) {
        return new Track("4uLU6hMCjMI75M1A2tKUQC", "Amber Skyline", List.of("Otto"), album, year, Optional.empty(),
                OptionalInt.empty(), durationMs, genre);
    }

    @Test
    void aCardSaysAlbumYearGenreAndDurationThenASketchOfTheSound() {
        Track track = track(Optional.of("Night Drive"), OptionalInt.of(2019), Optional.of("indie pop"), OptionalLong.of(225_400));
        FeatureValues features = FeatureValues.of(Map.of(NumericFeature.TEMPO, 172.0, NumericFeature.LOUDNESS, -3.5,
                NumericFeature.DANCEABILITY, 0.81, NumericFeature.ENERGY, 0.6, NumericFeature.VALENCE, 0.5));

        RichText about = SongDetails.of(track, features);

        assertThat(about.plain()).isEqualTo("Night Drive · 2019 · indie pop · 3:45\nfast, loud, danceable");
        assertThat(about.spans()).filteredOn(RichText.Span.Outside.class::isInstance).hasSize(2);
    }

    @Test
    void theSketchNamesOnlyTheStrongestTraitsStrongestFirst() {
        FeatureValues calmAcoustic = FeatureValues.of(Map.of(NumericFeature.ENERGY, 0.05, NumericFeature.ACOUSTICNESS, 0.99,
                NumericFeature.TEMPO, 80.0, NumericFeature.VALENCE, 0.2, NumericFeature.LOUDNESS, -20.0));
        FeatureValues ordinary = FeatureValues.of(Map.of(NumericFeature.ENERGY, 0.5, NumericFeature.TEMPO, 110.0,
                NumericFeature.DANCEABILITY, 0.5, NumericFeature.LOUDNESS, -8.0));

        assertThat(SongDetails.sketch(calmAcoustic)).isEqualTo("acoustic, quiet, calm");
        assertThat(SongDetails.sketch(ordinary)).isEmpty();
        assertThat(SongDetails.sketch(FeatureValues.none())).isEmpty();
    }

    @Test
    void onlyWhatIsKnownIsShown() {
        Track yearOnly = track(Optional.empty(), OptionalInt.of(1977), Optional.empty(), OptionalLong.empty());
        Track nothing = track(Optional.empty(), OptionalInt.empty(), Optional.empty(), OptionalLong.empty());
        FeatureValues slow = FeatureValues.of(Map.of(NumericFeature.TEMPO, 62.0));

        assertThat(SongDetails.of(yearOnly, FeatureValues.none()).plain()).isEqualTo("1977");
        assertThat(SongDetails.of(nothing, slow).plain()).isEqualTo("slow");
        assertThat(SongDetails.of(nothing, FeatureValues.none()).isBlank()).isTrue();
    }

    @Test
    void durationsReadAsAClockDoes() {
        assertThat(SongDetails.duration(59_600)).isEqualTo("1:00");
        assertThat(SongDetails.duration(5_000)).isEqualTo("0:05");
        assertThat(SongDetails.duration(3_727_000)).isEqualTo("1:02:07");
    }
}
