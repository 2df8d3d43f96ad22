package dev.tastebot.taste;

import dev.tastebot.features.NumericFeature;
import dev.tastebot.features.TrackData;
import dev.tastebot.text.Limit;
import dev.tastebot.text.RichText;

import java.util.Optional;

/** Puts the weightiest inputs of a prediction into the words a listener would use. */
final class Explanations {
    private static final String[] PITCH_CLASSES = {"C", "C♯", "D", "E♭", "E", "F", "F♯", "G", "A♭", "A", "B♭", "B"};

    private Explanations() {
    }

    static Prediction.Reason artistReason(TrackData track, TasteProfile profile, boolean forLike) {
        Optional<String> artist = profile.bestKnownArtist(track);
        Tally tally = profile.artist(artist.orElse("this artist"));
        RichText.Builder text = tally.total() == 0
                ? RichText.builder().words("you haven't rated anything by ")
                : RichText.builder().words("you liked " + tally.likes() + " of " + tally.total() + " " + songs(tally.total()) + " by ");
        return new Prediction.Reason(named(text, artist, "this artist").build(), forLike, 0);
    }

    static Prediction.Reason genreReason(TrackData track, TasteProfile profile, boolean forLike) {
        Optional<String> genre = track.genres().stream().findFirst();
        Tally tally = profile.genre(genre.orElse("this genre"));
        RichText text = tally.total() == 0
                ? named(RichText.builder().words("you haven't rated any "), genre, "this genre").words(" songs yet").build()
                : named(RichText.builder().words("you liked " + tally.likes() + " of " + tally.total() + " "), genre, "this genre")
                        .words(" " + songs(tally.total())).build();
        return new Prediction.Reason(text, forLike, 0);
    }

    static Prediction.Reason overallReason(TasteProfile profile) {
        Tally overall = profile.overall();
        String text = "overall you liked " + overall.likes() + " of the " + overall.total() + " " + songs(overall.total()) + " you rated";
        return new Prediction.Reason(RichText.of(text), overall.likes() * 2 >= overall.total(), 0);
    }

    /** An artist's or genre's name comes from a catalogue or an import: outside text, shortened. */
    private static RichText.Builder named(RichText.Builder text, Optional<String> name, String otherwise) {
        return name.map(n -> text.outside(n, Limit.NAME)).orElseGet(() -> text.words(otherwise));
    }

    /** A phrase for a feature's value; empty when there is nothing worth saying about it. */
    static Optional<String> featurePhrase(NumericFeature feature, double value, FeatureReference reference) {
        if (Double.isNaN(value)) {
            return Optional.of("tastebot doesn't know its " + feature.apiName().replace('_', ' '));
        }
        switch (feature) {
            case KEY -> {
                int pitch = (int) Math.round(value);
                return pitch >= 0 && pitch < 12 ? Optional.of("it's in the key of " + PITCH_CLASSES[pitch]) : Optional.empty();
            }
            case MODE -> {
                return Optional.of(value >= 0.5 ? "it's in a major key" : "it's in a minor key");
            }
            case TIME_SIGNATURE -> {
                return Optional.of("it's in " + Math.round(value) + "/4 time");
            }
            case EXPLICIT -> {
                return Optional.of(value >= 0.5 ? "it has explicit lyrics" : "it has clean lyrics");
            }
            default -> {
                return reference.of(feature).map(stats -> comparison(feature, value, stats));
            }
        }
    }

    private static String comparison(NumericFeature feature, double value, FeatureReference.Stats stats) {
        double z = stats.spread() > 0 ? (value - stats.likedMean()) / stats.spread() : 0;
        String[] words = comparatives(feature);
        if (Math.abs(z) < 0.5) {
            return "it's " + words[2] + " as the songs you like";
        }
        String much = Math.abs(z) >= 1.5 ? "much " : "";
        return "it's " + much + (z > 0 ? words[0] : words[1]) + " than the songs you like";
    }

    /** More, less, and the same, for each continuous feature. */
    private static String[] comparatives(NumericFeature feature) {
        return switch (feature) {
            case DANCEABILITY -> new String[] {"more danceable", "less danceable", "about as danceable"};
            case ENERGY -> new String[] {"more energetic", "less energetic", "about as energetic"};
            case LOUDNESS -> new String[] {"louder", "quieter", "about as loud"};
            case SPEECHINESS -> new String[] {"wordier", "less wordy", "about as wordy"};
            case ACOUSTICNESS -> new String[] {"more acoustic", "less acoustic", "about as acoustic"};
            case INSTRUMENTALNESS -> new String[] {"more instrumental", "less instrumental", "about as instrumental"};
            case LIVENESS -> new String[] {"more live-sounding", "less live-sounding", "about as live-sounding"};
            case VALENCE -> new String[] {"happier-sounding", "gloomier-sounding", "about as cheerful"};
            case TEMPO -> new String[] {"faster", "slower", "about as fast"};
            case DURATION_MS -> new String[] {"longer", "shorter", "about as long"};
            case RELEASE_YEAR -> new String[] {"newer", "older", "about as old"};
            case POPULARITY -> new String[] {"more popular", "less popular", "about as popular"};
            default -> new String[] {"higher in " + feature.apiName(), "lower in " + feature.apiName(), "about as high in " + feature.apiName()};
        };
    }

    private static String songs(int count) {
        return count == 1 ? "song" : "songs";
    }
}
