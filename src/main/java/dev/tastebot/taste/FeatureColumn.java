package dev.tastebot.taste;

import dev.tastebot.features.NumericFeature;

import java.io.Serializable;

/**
 * One input column of the model. Columns that belong together (a value and its missing flag, the
 * artist affinity and how much it rests on) share a {@link #group()} so explanations speak of them
 * as one thing.
 */
sealed interface FeatureColumn extends Serializable {

    String name();

    Group group();

    /** The column's value when the track tells us nothing, used to measure what a column contributes. */
    double neutralValue(double prior);

    double value(Inputs inputs);

    /** What one column needs to know about a track. */
    record Inputs(dev.tastebot.features.FeatureValues features, Tally artist, Tally genre, double prior) {
    }

    sealed interface Group extends Serializable {
    }

    record FeatureGroup(NumericFeature feature) implements Group {
    }

    record ArtistGroup() implements Group {
    }

    record GenreGroup() implements Group {
    }

    /** A numeric feature, with unknown values replaced by the training median. */
    record Numeric(NumericFeature feature, double median) implements FeatureColumn {
        public String name() {
            return feature.apiName();
        }

        public Group group() {
            return new FeatureGroup(feature);
        }

        public double neutralValue(double prior) {
            return median;
        }

        public double value(Inputs inputs) {
            double v = inputs.features().get(feature);
            return Double.isNaN(v) ? median : v;
        }
    }

    /** 1 where the feature is unknown: a track without audio features is still scored, and the model may learn that absence means something. */
    record Missing(NumericFeature feature) implements FeatureColumn {
        public String name() {
            return feature.apiName() + "_missing";
        }

        public Group group() {
            return new FeatureGroup(feature);
        }

        public double neutralValue(double prior) {
            return 0;
        }

        public double value(Inputs inputs) {
            return inputs.features().isKnown(feature) ? 0 : 1;
        }
    }

    /** How much the user liked other songs by the track's artists, pulled toward their overall like rate. */
    record ArtistAffinity(double strength) implements FeatureColumn {
        public String name() {
            return "artist_affinity";
        }

        public Group group() {
            return new ArtistGroup();
        }

        public double neutralValue(double prior) {
            return prior;
        }

        public double value(Inputs inputs) {
            return inputs.artist().smoothedRate(inputs.prior(), strength);
        }
    }

    /** How many songs by these artists were rated: affinity from one rating deserves less trust than from twenty. */
    record ArtistSupport() implements FeatureColumn {
        public String name() {
            return "artist_ratings";
        }

        public Group group() {
            return new ArtistGroup();
        }

        public double neutralValue(double prior) {
            return 0;
        }

        public double value(Inputs inputs) {
            return Math.log1p(inputs.artist().total());
        }
    }

    record GenreAffinity(double strength) implements FeatureColumn {
        public String name() {
            return "genre_affinity";
        }

        public Group group() {
            return new GenreGroup();
        }

        public double neutralValue(double prior) {
            return prior;
        }

        public double value(Inputs inputs) {
            return inputs.genre().smoothedRate(inputs.prior(), strength);
        }
    }
}
