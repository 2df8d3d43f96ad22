package dev.tastebot.taste;

import dev.tastebot.features.TrackData;

import java.io.Serializable;

/** Everything that can answer "will I like this song?" for one user: a trained model or the starter rule. */
public sealed interface TastePredictor extends Serializable permits TrainedModel, StarterRule {

    /** Scores a track with the artist and genre evidence of {@code profile}, usually the user's current ratings. */
    Prediction predict(TrackData track, TasteProfile profile);

    /** Scores a track with the ratings the predictor was trained on. */
    default Prediction predict(TrackData track) {
        return predict(track, trainingProfile());
    }

    TasteProfile trainingProfile();

    TrainingReport report();
}
