package dev.tastebot.chat;

import dev.tastebot.store.LastRetraining;
import dev.tastebot.store.ModelInfo;
import dev.tastebot.store.SourceCounts;
import dev.tastebot.taste.Prediction;
import dev.tastebot.taste.TasteProfile;
import dev.tastebot.taste.TrainedModel;
import dev.tastebot.taste.TrainingReport;
import dev.tastebot.text.Limit;
import dev.tastebot.text.RichText;
import dev.tastebot.training.RetrainOutcome;
import dev.tastebot.training.UserModels;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code /stats}: the user's ratings by source, their model and how good it is, the artists they like most. */
final class StatsCommand {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final ChatStores stores;
    private final UserModels userModels;
    private final List<String> featureSources;

    StatsCommand(ChatStores stores, UserModels userModels, List<String> featureSources) {
        this.stores = stores;
        this.userModels = userModels;
        this.featureSources = List.copyOf(featureSources);
    }

    List<Reply> answer(ChatUser user) {
        String userId = user.userId();
        List<SourceCounts> counts = stores.ratings().countsBySource(userId);
        if (counts.isEmpty()) {
            return List.of(new Reply.Text(RichText.builder().words("You haven't rated anything yet. Start with ")
                    .command(ChatCommands.RATE).words(", or ").command(ChatCommands.IMPORT)
                    .words(" your Spotify library export.").build()));
        }
        int likes = counts.stream().mapToInt(SourceCounts::likes).sum();
        int dislikes = counts.stream().mapToInt(SourceCounts::dislikes).sum();
        RichText.Builder text = RichText.builder().strong("Your ratings").words(": " + likes + " " + Reaction.LIKE.emoji()
                + " and " + dislikes + " " + Reaction.DISLIKE.emoji());
        for (SourceCounts c : counts) {
            text.line().words("• " + c.source() + ": " + c.likes() + " " + Reaction.LIKE.emoji() + " / " + c.dislikes()
                    + " " + Reaction.DISLIKE.emoji());
        }
        Optional<ModelInfo> newest = stores.models().history(userId).stream().findFirst();
        Optional<TrainedModel> model = userModels.currentModel(userId);
        if (newest.isPresent() && model.isPresent()) {
            TrainingReport r = model.get().report();
            int chosenOn = model.get().choice().ratingsSeen();
            String measuredOn = chosenOn == r.trainingSize() ? ""
                    : " (on the " + chosenOn + " you had when it was chosen, " + DAY.format(model.get().choice().selectedAt()) + ")";
            text.line().strong("Model").words(": " + r.method() + ", trained " + WHEN.format(newest.get().createdAt())
                    + " on " + r.trainingSize() + " ratings")
                    .words(String.format(Locale.ROOT, "\n  Measured on your own ratings by cross-validation%s: ROC-AUC %.2f, "
                                    + "balanced accuracy %.2f (1.00 is perfect, 0.50 is guessing)", measuredOn,
                            r.cvAuc().orElse(Double.NaN), r.cvBalancedAccuracy().orElse(Double.NaN)));
            stores.models().lastRetraining(userId).filter(last -> last.result() == LastRetraining.Result.KEPT_OLD)
                    .ifPresent(kept -> text.line().strong("Last retraining").words(" (" + WHEN.format(kept.at())
                            + ") kept your previous model: " + RetrainOutcome.KeptOld.reason(
                                    kept.oldAuc().orElse(Double.NaN), kept.heldOut().orElse(0), kept.newAuc().orElse(Double.NaN))
                            + "."));
        } else {
            text.line().strong("Model").words(": none yet, answers come from a simple starter rule: "
                    + userModels.stillLearning(userId).map(Prediction.StillLearning::advice)
                            .orElse("you have enough ratings, and your first model is being trained"));
        }
        TasteProfile profile = TasteProfile.of(stores.trainingData().labelledTracks(userId, featureSources));
        List<TasteProfile.ArtistTally> favourites = profile.favouriteArtists(5);
        if (!favourites.isEmpty()) {
            text.line().strong("Artists you like most").words(": ");
            for (int i = 0; i < favourites.size(); i++) {
                TasteProfile.ArtistTally a = favourites.get(i);
                text.words(i == 0 ? "" : ", ").outside(a.name(), Limit.NAME)
                        .words(" (" + a.tally().likes() + " of " + a.tally().total() + ")");
            }
        }
        return List.of(new Reply.Text(text.build()));
    }
}
