package dev.tastebot.taste;

import dev.tastebot.features.TrackData;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The honest answer while a user has rated too few songs of one kind to learn from: the like rate of
 * the track's artists (or genre), pulled toward the user's overall like rate. It never pretends to
 * be a trained model.
 */
public record StarterRule(TasteProfile trainingProfile, Prediction.StillLearning learning) implements TastePredictor {
    static final String METHOD = "starter rule";
    private static final double STRENGTH = 2.0;

    @Override
    public Prediction predict(TrackData track, TasteProfile profile) {
        double prior = profile.likeRate();
        Tally artist = profile.artistEvidence(track);
        Tally genre = profile.genreEvidence(track);
        double probability = artist.total() > 0 ? artist.smoothedRate(prior, STRENGTH)
                : genre.total() > 0 ? genre.smoothedRate(prior, STRENGTH) : prior;
        List<Prediction.Reason> reasons = new ArrayList<>();
        if (artist.total() > 0) {
            reasons.add(Explanations.artistReason(track, profile, probability >= prior));
        } else if (genre.total() > 0) {
            reasons.add(Explanations.genreReason(track, profile, probability >= prior));
        }
        reasons.add(Explanations.overallReason(profile));
        Prediction.Verdict verdict = probability >= 0.5 ? Prediction.Verdict.LIKE : Prediction.Verdict.DISLIKE;
        return new Prediction(probability, verdict, Prediction.Certainty.LOW, reasons, Optional.of(learning), METHOD);
    }

    @Override
    public TrainingReport report() {
        Tally overall = trainingProfile.overall();
        return new TrainingReport(METHOD, overall.likes(), overall.dislikes(), OptionalDouble.empty(),
                OptionalDouble.empty(), 0.5, java.util.Map.of(), 0, 0);
    }
}
