package dev.tastebot.taste;

import dev.tastebot.features.NumericFeature;

import java.io.Serializable;
import java.util.List;

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

    /**
     * 1 where the features are unknown: a track without audio features is still scored, and the
     * model may learn that absence means something. Features that are unknown for exactly the same
     * training tracks (a track without audio features lacks all twelve) share one flag: twelve
     * copies of one column would tell the model nothing more and cost the tree learners, whose
     * work grows with the number of columns, about a fifth of their time.
     *
     * @param features the features whose absence this flags, in {@link NumericFeature} order
     */
    record Missing(List<NumericFeature> features) implements FeatureColumn {
        public Missing {
            features = List.copyOf(features);
            if (features.isEmpty()) {
                throw new IllegalArgumentException("a missing flag needs a feature");
            }
        }

        public String name() {
            String first = features.getFirst().apiName();
            return features.size() == 1 ? first + "_missing" : first + "_and_" + (features.size() - 1) + "_more_missing";
        }

        /** Explained with the first of its features, like that feature's own value. */
        public Group group() {
            return new FeatureGroup(features.getFirst());
        }

        public double neutralValue(double prior) {
            return 0;
        }

        /** For a track to be scored, unknown when any of them is: they were unknown together in training. */
        public double value(Inputs inputs) {
            for (NumericFeature feature : features) {
                if (!inputs.features().isKnown(feature)) {
                    return 1;
                }
            }
            return 0;
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
