package dev.tastebot.chat;

import dev.tastebot.features.TrackData;
import dev.tastebot.store.Rating;
import dev.tastebot.store.Track;
import dev.tastebot.taste.Prediction;
import dev.tastebot.text.RichText;
import dev.tastebot.training.UserModels;
import java.util.List;
import java.util.Optional;

/** {@code /will-i-like}: finds the song the user means and says whether their model expects them to like it. */
final class WillILikeCommand {
    static final String SEVERAL = "Several songs match; which one do you mean?";

    private final ChatStores stores;
    private final TrackLookup lookup;
    private final UserModels userModels;
    private final List<String> featureSources;

    WillILikeCommand(ChatStores stores, TrackLookup lookup, UserModels userModels, List<String> featureSources) {
        this.stores = stores;
        this.lookup = lookup;
        this.userModels = userModels;
        this.featureSources = List.copyOf(featureSources);
    }

    List<Reply> answer(ChatUser user, String query) {
        if (query == null || query.isBlank()) {
            return List.of(new Reply.Text(RichText.builder().words("Which song? Send a Spotify track link, a spotify:track: URI, or "
                    + "\"artist - title\", e.g. ").command(ChatCommands.WILL_I_LIKE).words(" Daft Punk - One More Time").build()));
        }
        if (query.length() > ChatCommands.MAX_QUERY) {
            return List.of(new Reply.Text("That is too long for a song name (" + query.length()
                    + " characters); send a link or \"artist - title\"."));
        }
        return switch (lookup.resolve(user.userId(), query.strip())) {
            case TrackLookup.Lookup.Found found -> prediction(user, found.trackId());
            case TrackLookup.Lookup.Several several -> List.of(new Reply.Choices(RichText.of(SEVERAL),
                    several.choices().stream().limit(Reply.Choices.MAX_CHOICES).toList()));
            case TrackLookup.Lookup.Problem problem -> List.of(new Reply.Text(problem.message()));
        };
    }

    /** Suggestions as the user types: the catalogue's, never a remote lookup. */
    List<ChatService.Choice> suggest(String typed, int limit) {
        if (typed.isBlank() || typed.length() > ChatCommands.MAX_QUERY) {
            return List.of();
        }
        return lookup.suggest(typed.strip(), limit);
    }

    private List<Reply> prediction(ChatUser user, String trackId) {
        Optional<Track> track = stores.tracks().find(trackId);
        Optional<TrackData> data = stores.trainingData().track(trackId, featureSources);
        if (track.isEmpty() || data.isEmpty()) {
            return List.of(new Reply.Text("I don't know that track yet."));
        }
        // A card, so that the asker can rate the song there and then: on a bot with no Spotify app and
        // no catalogue, a song someone loves, found by its link, is how real songs to rate begin.
        if (stores.ratings().countsBySource(user.userId()).stream().allMatch(counts -> counts.total() == 0)) {
            return List.of(SongCards.of(track.get(), data.get().features(), KNOW_NOTHING_YET, Reply.Purpose.ASKED));
        }
        Prediction prediction = userModels.predict(user.userId(), data.get());
        Optional<Rating> rated = stores.ratings().current(user.userId(), trackId);
        return List.of(SongCards.of(track.get(), data.get().features(), PredictionText.answer(prediction, rated),
                Reply.Purpose.ASKED));
    }

    /** With no rating at all any verdict would be a coin toss dressed as an answer. */
    private static final RichText KNOW_NOTHING_YET = RichText.builder()
            .words("I know nothing about your taste yet, so I can't tell. Rate this one ").verdict(Reaction.LIKE.verdict())
            .words(" or ").verdict(Reaction.DISLIKE.verdict()).words(", rate a few more with ").command(ChatCommands.RATE)
            .words(", or send your Spotify library with ").command(ChatCommands.IMPORT).words(", then ask again.").build();
}
