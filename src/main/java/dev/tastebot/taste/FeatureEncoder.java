package dev.tastebot.taste;

import dev.tastebot.features.NumericFeature;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns tracks into model inputs. Fitted on training ratings only: which columns exist, and the
 * medians that stand in for unknown values, come from the training fold and nothing else.
 */
final class FeatureEncoder implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Pseudo-ratings at the user's overall rate added to each artist's and genre's own. */
    static final double AFFINITY_SMOOTHING = 2.0;

    private final List<FeatureColumn> columns;

    private FeatureEncoder(List<FeatureColumn> columns) {
        this.columns = List.copyOf(columns);
    }

    static FeatureEncoder fit(List<RatedTrack> training) {
        List<FeatureColumn> columns = new ArrayList<>();
        for (NumericFeature feature : NumericFeature.values()) {
            double[] known = training.stream()
                    .mapToDouble(r -> r.track().features().get(feature))
                    .filter(v -> !Double.isNaN(v))
                    .toArray();
            if (known.length == 0) {
                continue;
            }
            columns.add(new FeatureColumn.Numeric(feature, median(known)));
            if (known.length < training.size()) {
                columns.add(new FeatureColumn.Missing(feature));
            }
        }
        if (training.stream().anyMatch(r -> !r.track().artists().isEmpty())) {
            columns.add(new FeatureColumn.ArtistAffinity(AFFINITY_SMOOTHING));
            columns.add(new FeatureColumn.ArtistSupport());
        }
        if (training.stream().anyMatch(r -> r.track().genre().isPresent())) {
            columns.add(new FeatureColumn.GenreAffinity(AFFINITY_SMOOTHING));
        }
        return new FeatureEncoder(columns);
    }

    List<FeatureColumn> columns() {
        return columns;
    }

    String[] names() {
        return columns.stream().map(FeatureColumn::name).toArray(String[]::new);
    }

    int width() {
        return columns.size();
    }

    /**
     * Training rows: each track's artist and genre affinity leaves out its own rating, so the model
     * never learns from a column that already contains the answer.
     */
    double[][] encodeTraining(List<RatedTrack> training, TasteProfile profile) {
        double prior = profile.likeRate();
        double[][] rows = new double[training.size()][];
        for (int i = 0; i < rows.length; i++) {
            RatedTrack r = training.get(i);
            rows[i] = encode(new FeatureColumn.Inputs(r.track().features(),
                    profile.artistEvidenceWithout(r), profile.genreEvidenceWithout(r), prior));
        }
        return rows;
    }

    /** A track the model has not been trained on; all of the profile's evidence counts. */
    double[] encode(TrackData track, TasteProfile profile) {
        return encode(inputs(track, profile));
    }

    FeatureColumn.Inputs inputs(TrackData track, TasteProfile profile) {
        return new FeatureColumn.Inputs(track.features(), profile.artistEvidence(track),
                profile.genreEvidence(track), profile.likeRate());
    }

    double[] encode(FeatureColumn.Inputs inputs) {
        double[] row = new double[columns.size()];
        for (int j = 0; j < row.length; j++) {
            row[j] = columns.get(j).value(inputs);
        }
        return row;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
