package dev.tastebot.taste;

import dev.tastebot.features.RatedTrack;
import dev.tastebot.measure.SyntheticListener;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModelCodecTest {
    private final ModelCodec codec = new ModelCodec();

    @Test
    void aStoredModelPredictsExactlyAsTheOriginal() {
        List<RatedTrack> rated = SyntheticListener.balanced(2).ratings(150);
        TastePredictor original = new TasteTrainer(TasteTrainer.Options.defaults()).train(rated);

        TastePredictor loaded = codec.fromBytes(codec.toBytes(original), ModelCodec.FORMAT_VERSION).orElseThrow();

        assertThat(loaded).isInstanceOf(TrainedModel.class);
        assertThat(loaded.report()).isEqualTo(original.report());
        for (RatedTrack r : rated.subList(0, 20)) {
            assertThat(loaded.predict(r.track())).isEqualTo(original.predict(r.track()));
        }
    }

    @Test
    void aModelOf500RatingsIsStoredInUnder40Kilobytes() {
        // GIVEN the blend of boosting and logistic regression fitted to 500 ratings
        List<RatedTrack> rated = SyntheticListener.balanced(5).ratings(500);
        TasteTrainer trainer = new TasteTrainer(TasteTrainer.Options.defaults());
        TrainedModel model = trainer.fit(rated, trainer.choose(rated));

        // WHEN it is turned into bytes for the store
        byte[] bytes = codec.toBytes(model);

        // THEN ten thousand users' three models each take about a gigabyte, not four
        assertThat(bytes.length).isLessThan(40_000);
        TrainedModel loaded = (TrainedModel) codec.fromBytes(bytes, ModelCodec.FORMAT_VERSION).orElseThrow();
        assertThat(loaded.probability(rated.getFirst().track(), loaded.trainingProfile()))
                .isEqualTo(model.probability(rated.getFirst().track(), model.trainingProfile()));
    }

    @Test
    void theStarterRuleRoundTripsToo() {
        List<RatedTrack> rated = SyntheticListener.balanced(2).ratings(6);
        TastePredictor rule = new TasteTrainer(TasteTrainer.Options.defaults()).train(rated);

        assertThat(codec.fromBytes(codec.toBytes(rule), ModelCodec.FORMAT_VERSION)).contains(rule);
    }

    @Test
    void anotherFormatVersionOrDamagedBytesMeanRetrainNotCrash() {
        byte[] bytes = codec.toBytes(new TasteTrainer(TasteTrainer.Options.defaults()).train(SyntheticListener.balanced(2).ratings(6)));

        assertThat(codec.fromBytes(bytes, ModelCodec.FORMAT_VERSION + 1)).isEmpty();
        assertThat(codec.fromBytes(new byte[] {1, 2, 3}, ModelCodec.FORMAT_VERSION)).isEmpty();
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length / 2);
        assertThat(codec.fromBytes(truncated, ModelCodec.FORMAT_VERSION)).isEmpty();
    }

    @Test
    void metricsJsonCarriesTheHonestFigures() {
        TastePredictor model = new TasteTrainer(TasteTrainer.Options.defaults()).train(SyntheticListener.balanced(9).ratings(120));

        String json = codec.metricsJson(model.report());

        assertThat(json).contains("\"method\":\"" + model.report().method() + "\"", "\"cv_auc\":", "\"cv_balanced_accuracy\":",
                "\"likes\":" + model.report().likes(), "\"candidate_auc\":{");
    }
}
