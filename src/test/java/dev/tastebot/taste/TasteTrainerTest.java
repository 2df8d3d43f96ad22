package dev.tastebot.taste;

import dev.tastebot.evaluation.Metrics;
import dev.tastebot.features.FeatureValues;
import dev.tastebot.features.NumericFeature;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;
import dev.tastebot.measure.SyntheticListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.tastebot.taste.TasteFixtures.disliked;
import static dev.tastebot.taste.TasteFixtures.liked;
import static dev.tastebot.taste.TasteFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TasteTrainerTest {
    private final TasteTrainer trainer = new TasteTrainer(TasteTrainer.Options.defaults());

    @Test
    void tooFewDislikesGiveTheLabelledStarterRuleInsteadOfAModel() {
        // GIVEN 6 likes and 2 dislikes
        List<RatedTrack> rated = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rated.add(liked("l" + i, "Loved", 0.8));
        }
        rated.add(liked("l5", "Other", 0.8));
        rated.add(disliked("d1", "Hated", 0.1));
        rated.add(disliked("d2", "Hated", 0.2));

        TastePredictor predictor = trainer.train(rated);

        // THEN it says it is still learning and what would help
        assertThat(predictor).isInstanceOf(StarterRule.class);
        Prediction loved = predictor.predict(track("new", "Loved", 0.5));
        assertThat(loved.method()).isEqualTo("starter rule");
        assertThat(loved.learning()).contains(new Prediction.StillLearning(12, 0, 3));
        assertThat(loved.learning().orElseThrow().advice()).isEqualTo("rate at least 12 more songs, including 3 you don't like");
        assertThat(loved.certainty()).isEqualTo(Prediction.Certainty.LOW);
        // AND the rule follows the artist: 5 of 5 liked versus 0 of 2
        assertThat(loved.verdict()).isEqualTo(Prediction.Verdict.LIKE);
        assertThat(loved.reasons().getFirst().text().plain()).isEqualTo("you liked 5 of 5 songs by Loved");
        Prediction hated = predictor.predict(track("new2", "Hated", 0.5));
        assertThat(hated.verdict()).isEqualTo(Prediction.Verdict.DISLIKE);
        assertThat(hated.probability()).isLessThan(loved.probability());
        assertThat(predictor.report().cvAuc()).isEmpty();
    }

    @Test
    void enoughOfBothKindsButTooFewRatingsInAllIsStillTheStarterRule() {
        List<RatedTrack> rated = SyntheticListener.balanced(1).ratings(14);
        assertThat(trainer.isColdStart(rated)).isTrue();
        assertThat(trainer.isColdStart(SyntheticListener.balanced(1).ratings(40))).isFalse();
    }

    @Test
    void adviceNamesWhatIsMissing() {
        assertThat(new Prediction.StillLearning(1, 0, 0).advice()).isEqualTo("rate at least 1 more song");
        assertThat(new Prediction.StillLearning(0, 2, 3).advice()).isEqualTo("rate at least 5 more songs, including 2 you like and 3 you don't like");
    }

    @Test
    void aUserWithEnoughRatingsGetsACrossValidatedModelThatRanksWell() {
        List<RatedTrack> rated = SyntheticListener.balanced(11).ratings(300);

        TastePredictor predictor = trainer.train(rated);

        assertThat(predictor).isInstanceOf(TrainedModel.class);
        TrainingReport report = predictor.report();
        assertThat(report.trainingSize()).isEqualTo(300);
        assertThat(report.method()).isEqualTo("boosting + logistic blend");
        assertThat(report.candidateAuc()).containsOnlyKeys("gradient boosting", "logistic regression", "boosting + logistic blend");
        // the figure is the blend's own, the one pipeline always used, not the best of the three
        assertThat(report.cvAuc().orElseThrow()).isEqualTo(report.candidateAuc().get("boosting + logistic blend"));
        assertThat(report.cvAuc().orElseThrow()).isGreaterThan(0.8);
        assertThat(report.threshold()).isStrictlyBetween(0.0, 1.0);

        // AND on fresh songs from the same listener it ranks far better than chance
        List<RatedTrack> fresh = SyntheticListener.balanced(11).ratings(400).subList(300, 400);
        double[] scores = fresh.stream().mapToDouble(r -> predictor.predict(r.track(), predictor.trainingProfile()).probability()).toArray();
        boolean[] liked = new boolean[fresh.size()];
        for (int i = 0; i < liked.length; i++) {
            liked[i] = fresh.get(i).liked();
        }
        assertThat(Metrics.rocAuc(scores, liked)).isGreaterThan(0.8);
    }

    @Test
    void onVerdictsNothingPredictsTheCrossValidatedFiguresSayGuessing() {
        // GIVEN 12 users whose likes are coin flips, unrelated to the songs' sound or artists
        List<Double> auc = new ArrayList<>();
        List<Double> balancedAccuracy = new ArrayList<>();
        for (int user = 0; user < 12; user++) {
            java.util.SplittableRandom coin = new java.util.SplittableRandom(100 + user);
            List<RatedTrack> rated = new ArrayList<>();
            for (int song = 0; song < 120; song++) {
                rated.add(new RatedTrack(track("u" + user + "-s" + song, "artist " + coin.nextInt(40), coin.nextDouble()),
                        coin.nextBoolean()));
            }

            // WHEN a model is chosen for each
            ModelChoice choice = trainer.choose(rated);
            auc.add(choice.cvAuc());
            balancedAccuracy.add(choice.cvBalancedAccuracy());
        }

        // THEN the figures /stats shows and the keep-the-better rule compares are those of guessing, on average
        double meanAuc = auc.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double meanBalancedAccuracy = balancedAccuracy.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(meanAuc).as("ROC-AUC per user %s", auc).isBetween(0.44, 0.56);
        assertThat(meanBalancedAccuracy).as("balanced accuracy per user %s", balancedAccuracy).isBetween(0.44, 0.56);
    }

    @Test
    void balancedAccuracyJudgesEachFoldAtAThresholdChosenOnTheOthers() {
        // GIVEN scores that are noise, for 300 songs in 3 folds
        java.util.SplittableRandom noise = new java.util.SplittableRandom(3);
        double[] probabilities = new double[300];
        boolean[] liked = new boolean[300];
        int[] foldOf = new int[300];
        for (int i = 0; i < 300; i++) {
            probabilities[i] = noise.nextDouble();
            liked[i] = noise.nextBoolean();
            foldOf[i] = i % 3;
        }

        // WHEN balanced accuracy is measured cross-fitted, and at the threshold best on all songs
        double crossFitted = TasteTrainer.crossFittedBalancedAccuracy(probabilities, liked, foldOf, 3);
        double[] thresholds = {Metrics.bestBalancedAccuracyThreshold(probabilities, liked)};
        boolean[] atOwn = new boolean[300];
        for (int i = 0; i < 300; i++) {
            atOwn[i] = probabilities[i] >= thresholds[0];
        }

        // THEN the cross-fitted figure is guessing's, while the threshold fitted to the songs it judges claims better
        assertThat(crossFitted).isBetween(0.42, 0.56);
        assertThat(Metrics.balancedAccuracy(atOwn, liked)).isGreaterThan(crossFitted + 0.04);
    }

    @Test
    void underHeavyImbalanceTheThresholdMovesAwayFromOneHalf() {
        // GIVEN about 30 likes per dislike
        List<RatedTrack> rated = new SyntheticListener(5, 0.97, 0.0).ratings(400);

        TrainedModel model = (TrainedModel) trainer.train(rated);

        // THEN dislikes are still found: the threshold sits where balanced accuracy is best, not at 0.5
        assertThat(model.threshold()).isGreaterThan(0.5);
        assertThat(model.report().cvBalancedAccuracy().orElseThrow()).isGreaterThan(0.7);
    }

    @Test
    void trainingIsRepeatableForTheSameSeed() {
        List<RatedTrack> rated = SyntheticListener.balanced(3).ratings(120);
        TrackData probe = rated.getFirst().track();

        double first = trainer.train(rated).predict(probe).probability();
        double second = new TasteTrainer(TasteTrainer.Options.defaults()).train(rated).predict(probe).probability();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void probabilitiesAreCalibratedIntoTheUnitInterval() {
        List<RatedTrack> rated = SyntheticListener.balanced(8).ratings(150);
        TrainedModel model = (TrainedModel) trainer.train(rated);

        for (RatedTrack r : rated) {
            assertThat(model.probability(r.track(), model.trainingProfile())).isBetween(0.0, 1.0);
        }
    }

    @Test
    void tracksWithoutAnyFeaturesAreStillScored() {
        List<RatedTrack> rated = SyntheticListener.balanced(4).ratings(100);
        TastePredictor predictor = trainer.train(rated);

        Prediction prediction = predictor.predict(new TrackData("bare", List.of(), FeatureValues.none(), List.of()));

        assertThat(prediction.probability()).isBetween(0.0, 1.0);
    }

    @Test
    void fittingNeedsBothClasses() {
        List<RatedTrack> onlyLikes = List.of(liked("a", "A", 0.1), liked("b", "B", 0.2), liked("c", "C", 0.3));

        assertThatThrownBy(() -> trainer.choose(onlyLikes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 dislikes");
        assertThat(trainer.train(onlyLikes)).isInstanceOf(StarterRule.class);
    }

    @Test
    void aKeptModelChoiceRefitsWithoutSelectingAgain() {
        List<RatedTrack> rated = SyntheticListener.balanced(21).ratings(200);
        ModelChoice choice = trainer.choose(rated);

        TrainedModel refit = trainer.fit(SyntheticListener.balanced(21).ratings(260), choice);

        assertThat(refit.report().method()).isEqualTo(choice.kind().label());
        assertThat(refit.report().trainingSize()).isEqualTo(260);
        assertThat(refit.threshold()).isEqualTo(choice.threshold());
    }

    @Test
    void explanationsNameTheArtistAndTheSoundInPlainWords() {
        // GIVEN a user who liked 7 of 8 energetic songs by one artist and disliked calm songs by others
        List<RatedTrack> rated = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            rated.add(liked("f" + i, "Favourite", 0.8 + i * 0.01));
        }
        rated.add(disliked("f7", "Favourite", 0.75));
        for (int i = 0; i < 12; i++) {
            rated.add(liked("o" + i, "Band " + i, 0.7 + i * 0.02));
            rated.add(disliked("c" + i, "Calm " + i, 0.1 + i * 0.01));
        }
        TastePredictor predictor = trainer.train(rated);

        // WHEN asked about a new song by the favourite, and a very calm song by a stranger
        Prediction favourite = predictor.predict(track("n1", "Favourite", 0.85));
        Prediction calm = predictor.predict(new TrackData("n2", List.of("Stranger"),
                FeatureValues.of(Map.of(NumericFeature.ENERGY, 0.05)), List.of()));

        // THEN the reasons say so, at most three of them, strongest first
        assertThat(favourite.verdict()).isEqualTo(Prediction.Verdict.LIKE);
        assertThat(favourite.reasons()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(favourite.reasons()).extracting(r -> r.text().plain())
                .anyMatch(t -> t.equals("you liked 7 of 8 songs by Favourite") || t.contains("energetic"));
        assertThat(calm.verdict()).isEqualTo(Prediction.Verdict.DISLIKE);
        assertThat(calm.reasons()).extracting(r -> r.text().plain()).contains("it's much less energetic than the songs you like");
        assertThat(calm.reasons()).filteredOn(r -> r.text().plain().contains("energetic")).allMatch(r -> !r.forLike());
        double[] weights = calm.reasons().stream().mapToDouble(r -> Math.abs(r.weight())).toArray();
        for (int i = 1; i < weights.length; i++) {
            assertThat(weights[i]).isLessThanOrEqualTo(weights[i - 1]);
        }
    }
}
