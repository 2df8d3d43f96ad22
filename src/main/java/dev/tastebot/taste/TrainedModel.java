package dev.tastebot.taste;

import dev.tastebot.features.TrackData;
import dev.tastebot.text.RichText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A model fitted to one user's ratings, with the calibration and decision threshold chosen by
 * cross-validation. Explanations measure how much each input moved the probability: the input is
 * set to a neutral value (the training median, or no artist evidence) and the model asked again.
 */
public final class TrainedModel implements TastePredictor {
    private static final long serialVersionUID = 1L;
    private static final int MAX_REASONS = 3;
    /** Inputs that moved the probability by less than this are not worth mentioning. */
    private static final double NOTABLE_SHIFT = 0.01;

    private final FeatureEncoder encoder;
    private final Scorer scorer;
    private final ModelChoice choice;
    private final FeatureReference reference;
    private final TasteProfile trainingProfile;
    private final long fitMillis;

    TrainedModel(FeatureEncoder encoder, Scorer scorer, ModelChoice choice, FeatureReference reference,
                 TasteProfile trainingProfile, long fitMillis) {
        this.encoder = encoder;
        this.scorer = scorer;
        this.choice = choice;
        this.reference = reference;
        this.trainingProfile = trainingProfile;
        this.fitMillis = fitMillis;
    }

    @Override
    public Prediction predict(TrackData track, TasteProfile profile) {
        FeatureColumn.Inputs inputs = encoder.inputs(track, profile);
        double[] row = encoder.encode(inputs);
        double probability = probability(row);
        double threshold = choice.threshold();
        Prediction.Verdict verdict = probability >= threshold ? Prediction.Verdict.LIKE : Prediction.Verdict.DISLIKE;
        return new Prediction(probability, verdict, Prediction.certaintyOf(probability, threshold),
                reasons(track, profile, row, probability), Optional.empty(), choice.kind().label());
    }

    /** The calibrated probability alone, for ranking many tracks where no one reads the reasons. */
    public double probability(TrackData track, TasteProfile profile) {
        return probability(encoder.encode(track, profile));
    }

    public double threshold() {
        return choice.threshold();
    }

    /** The choice this model was fitted with, to refit later without choosing again. */
    public ModelChoice choice() {
        return choice;
    }

    @Override
    public TasteProfile trainingProfile() {
        return trainingProfile;
    }

    @Override
    public TrainingReport report() {
        Tally overall = trainingProfile.overall();
        return new TrainingReport(choice.kind().label(), overall.likes(), overall.dislikes(),
                OptionalDouble.of(choice.cvAuc()), OptionalDouble.of(choice.cvBalancedAccuracy()), choice.threshold(),
                choice.candidateAuc(), choice.selectionMillis(), fitMillis);
    }

    private double probability(double[] row) {
        return choice.calibration().scale(scorer.score(row));
    }

    private List<Prediction.Reason> reasons(TrackData track, TasteProfile profile, double[] row, double probability) {
        Map<FeatureColumn.Group, List<Integer>> groups = new LinkedHashMap<>();
        List<FeatureColumn> columns = encoder.columns();
        for (int j = 0; j < columns.size(); j++) {
            groups.computeIfAbsent(columns.get(j).group(), g -> new ArrayList<>()).add(j);
        }
        double prior = profile.likeRate();
        List<Prediction.Reason> reasons = new ArrayList<>();
        for (var entry : groups.entrySet()) {
            double[] neutral = row.clone();
            for (int j : entry.getValue()) {
                neutral[j] = columns.get(j).neutralValue(prior);
            }
            double shift = probability - probability(neutral);
            if (Math.abs(shift) < NOTABLE_SHIFT) {
                continue;
            }
            phrase(entry.getKey(), track, profile, shift > 0)
                    .ifPresent(text -> reasons.add(new Prediction.Reason(text, shift > 0, shift)));
        }
        reasons.sort(Comparator.comparingDouble((Prediction.Reason r) -> Math.abs(r.weight())).reversed());
        return reasons.subList(0, Math.min(MAX_REASONS, reasons.size()));
    }

    private Optional<RichText> phrase(FeatureColumn.Group group, TrackData track, TasteProfile profile, boolean forLike) {
        return switch (group) {
            case FeatureColumn.ArtistGroup a -> Optional.of(Explanations.artistReason(track, profile, forLike).text());
            case FeatureColumn.GenreGroup g -> Optional.of(Explanations.genreReason(track, profile, forLike).text());
            case FeatureColumn.FeatureGroup f ->
                    Explanations.featurePhrase(f.feature(), track.features().get(f.feature()), reference).map(RichText::of);
        };
    }
}
