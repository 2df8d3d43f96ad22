package dev.tastebot.evaluation;

import dev.tastebot.features.NumericFeature;
import dev.tastebot.features.TrackData;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Tracks with the user's verdict on each: {@code liked[i]} is the label of {@code tracks.get(i)}.
 *
 * @param featuresPresent the features known for at least one track, in {@link NumericFeature} order
 * @param hasArtists whether at least one track names its artists
 * @param genreColumn the name of the column the genres came from, if there was one
 */
public record LabelledDataset(
        List<TrackData> tracks,
        boolean[] liked,
        List<NumericFeature> featuresPresent,
        boolean hasArtists,
        Optional<String> genreColumn) {

    public LabelledDataset {
        tracks = List.copyOf(tracks);
        liked = liked.clone();
        if (tracks.size() != liked.length) {
            throw new IllegalArgumentException(tracks.size() + " tracks but " + liked.length + " labels");
        }
        featuresPresent = List.copyOf(featuresPresent);
        Objects.requireNonNull(genreColumn, "genreColumn");
    }

    @Override
    public boolean[] liked() {
        return liked.clone();
    }

    public int size() {
        return liked.length;
    }

    public int likes() {
        int likes = 0;
        for (boolean label : liked) {
            likes += label ? 1 : 0;
        }
        return likes;
    }

    public int dislikes() {
        return size() - likes();
    }

    /**
     * Checks that stratified {@code folds}-fold cross-validation can put at least one row of each
     * class into every test fold; otherwise a fold's metrics would be undefined.
     *
     * @throws InvalidDatasetException saying what is short, e.g. {@code only 3 dislikes: need at least
     *     5 (one per fold) for 5-fold cross-validation}
     */
    public void validateFolds(int folds) {
        if (folds < 2) {
            throw new IllegalArgumentException("need at least 2 folds, got " + folds);
        }
        // A song on several rows (the same track id) counts once: its rows always share a fold.
        long songs = tracks.stream().map(TrackData::trackId).distinct().count();
        if (songs < folds) {
            throw shortOf(songs, songs == size() ? "row" : "distinct song", folds);
        }
        long dislikes = songs(false);
        long likes = songs(true);
        if (dislikes < folds && dislikes <= likes) {
            throw shortOf(dislikes, "dislike", folds);
        }
        if (likes < folds) {
            throw shortOf(likes, "like", folds);
        }
    }

    /** Distinct track ids among the likes, or among the dislikes. */
    private long songs(boolean ofLikes) {
        return IntStream.range(0, liked.length).filter(i -> liked[i] == ofLikes).mapToObj(i -> tracks.get(i).trackId())
                .distinct().count();
    }

    private static InvalidDatasetException shortOf(long count, String noun, int folds) {
        String have = count == 0 ? "no " + noun + "s" : "only " + count + " " + noun + (count == 1 ? "" : "s");
        return new InvalidDatasetException(have + ": need at least " + folds + " (one per fold) for " + folds
                + "-fold cross-validation");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelledDataset that
                && tracks.equals(that.tracks)
                && Arrays.equals(liked, that.liked)
                && featuresPresent.equals(that.featuresPresent)
                && hasArtists == that.hasArtists
                && genreColumn.equals(that.genreColumn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tracks, Arrays.hashCode(liked), featuresPresent, hasArtists, genreColumn);
    }

    @Override
    public String toString() {
        return "LabelledDataset[" + size() + " tracks, " + likes() + " likes, " + dislikes() + " dislikes, features="
                + featuresPresent + ", hasArtists=" + hasArtists + ", genreColumn=" + genreColumn + "]";
    }
}
