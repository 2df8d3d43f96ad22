package dev.tastebot.chat;

import dev.tastebot.features.TrackData;
import dev.tastebot.library.ImportOutcome;
import dev.tastebot.library.LibraryImporter;
import dev.tastebot.recommend.Candidate;
import dev.tastebot.recommend.CandidatePicker;
import dev.tastebot.store.DailySetting;
import dev.tastebot.store.DatabaseBusyException;
import dev.tastebot.store.LastRetraining;
import dev.tastebot.store.ModelInfo;
import dev.tastebot.store.PostedSong;
import dev.tastebot.store.Rating;
import dev.tastebot.store.RatingOutcome;
import dev.tastebot.store.RatingSession;
import dev.tastebot.store.SourceCounts;
import dev.tastebot.store.Track;
import dev.tastebot.store.UserDeletion;
import dev.tastebot.store.WithdrawalOutcome;
import dev.tastebot.taste.Prediction;
import dev.tastebot.taste.TasteProfile;
import dev.tastebot.taste.TrainedModel;
import dev.tastebot.taste.TrainingReport;
import dev.tastebot.text.Limit;
import dev.tastebot.text.RichText;
import dev.tastebot.training.RetrainOnNewRatings;
import dev.tastebot.training.RetrainOutcome;
import dev.tastebot.training.UserModels;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The bot itself, platform-neutral: answers commands, runs rating sessions, turns reactions into
 * ratings. Every rating is written to the store before anything is answered or posted next.
 */
public final class ChatCore implements ChatService {
    static final String CHAT_SOURCE = "chat";
    static final String DAILY_SOURCE = "daily";
    private static final int MAX_QUERY = 300;
    static final RichText NOTHING_LEFT_TO_RATE = RichText.builder().words("You have rated every song in my catalogue. "
            + "An operator can import a bigger one with ").code("tastebot import-catalog FILE")
            .words("; meanwhile, ask me about any song with /will-i-like.").build();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    /** Longer than any platform's user id; longer input is not an id at all. */
    private static final int MAX_USER_ID = 100;

    private final ChatStores stores;
    private final UserModels userModels;
    private final RetrainOnNewRatings retrainer;
    private final CandidatePicker candidates;
    private final TrackLookup lookup;
    private final LibraryImporter libraryImport;
    private final SpotifyAccounts spotify;
    private final PlaylistCommand playlist;
    private final List<String> featureSources;
    private final Clock clock;
    private final Admins admins;
    private final List<UserForgetting> forgetting;
    private final FairUse fairUse;

    /** @param forgetting what else keeps something about users (tokens, queued work), told by /forget-me */
    public ChatCore(ChatStores stores, UserModels userModels, RetrainOnNewRatings retrainer, CandidatePicker candidates,
                    TrackLookup lookup, LibraryImporter libraryImport, SpotifyAccounts spotify, List<String> featureSources,
                    Clock clock, Admins admins, FairUse fairUse, List<UserForgetting> forgetting) {
        this.stores = stores;
        this.userModels = userModels;
        this.retrainer = retrainer;
        this.candidates = candidates;
        this.lookup = lookup;
        this.libraryImport = libraryImport;
        this.spotify = spotify;
        this.playlist = new PlaylistCommand(candidates, stores.tracks(), spotify);
        this.featureSources = List.copyOf(featureSources);
        this.clock = clock;
        this.admins = admins;
        this.forgetting = List.copyOf(forgetting);
        this.fairUse = fairUse;
    }

    @Override
    public List<Reply> handle(ChatUser user, ChatCommand command) {
        return switch (command) {
            case ChatCommand.Rate r -> rate(user);
            case ChatCommand.StopRating s -> stopRating(user);
            case ChatCommand.Playlist p -> fairUse.playlist(user.userId(), () -> playlist.answer(user.userId()));
            case ChatCommand.WillILike w -> willILike(user, w.query());
            case ChatCommand.Stats s -> stats(user);
            case ChatCommand.Daily d -> daily(user, d);
            case ChatCommand.ForgetMe f -> forgetMe(user, f.confirmed());
            case ChatCommand.Help h -> List.of(new Reply.Text(HelpText.TEXT));
            case ChatCommand.Link link -> List.of(new Reply.Text(spotify.link(user, link.pastedUrl())));
            case ChatCommand.Unlink u -> List.of(new Reply.Text(spotify.unlink(user.userId())));
            case ChatCommand.Import i -> fairUse.importing(user.userId(), () -> importLibrary(user, i));
            case ChatCommand.Retrain r -> retrain(user, r.userId());
        };
    }

    @Override
    public void posted(ChatUser owner, String messageId, Reply.SongCard card) {
        String qualified = qualify(owner.platform(), messageId);
        stores.atomically(() -> {
            stores.posted().save(new PostedSong(qualified, owner.userId(), card.trackId(),
                    storedPurpose(card.purpose()), clock.instant()));
            if (card.inSession()) {
                stores.sessions().awaiting(owner.userId(), qualified);
            }
            return null;
        });
    }

    @Override
    public List<Reply> reacted(String platform, String messageId, ChatUser reactor, Reaction reaction, boolean added) {
        String qualified = qualify(platform, messageId);
        Optional<PostedSong> song = stores.posted().find(qualified);
        if (song.isEmpty() || !song.get().userId().equals(reactor.userId())) {
            return List.of();
        }
        String userId = reactor.userId();
        String trackId = song.get().trackId();
        if (reaction == Reaction.STOP) {
            return added ? stopRating(reactor) : List.of();
        }
        boolean liked = reaction == Reaction.LIKE;
        String source = PostedSong.DAILY.equals(song.get().purpose()) ? DAILY_SOURCE : CHAT_SOURCE;
        if (!added) {
            return takenBack(reactor, qualified, trackId, reaction, source);
        }
        RatingOutcome outcome;
        try {
            outcome = stores.atomically(() -> {
                stores.posted().reactionAdded(qualified, liked, clock.instant());
                return stores.ratings().rate(userId, trackId, liked, source, clock.instant());
            });
        } catch (DatabaseBusyException e) {
            return List.of(new Reply.Text(RichText.builder().words("Your " + reaction.emoji() + " on ")
                    .append(songName(trackId)).words(" was not saved: the database is busy, try again.").build()));
        }
        retrainer.ratingsChanged(userId);
        boolean awaited = stores.sessions().current(userId)
                .flatMap(RatingSession::currentMessageId).filter(qualified::equals).isPresent();
        if (outcome instanceof RatingOutcome.Created && awaited) {
            return nextSong(reactor);
        }
        return List.of();
    }

    @Override
    public Optional<PostedCard> postedCard(String platform, String messageId) {
        return stores.posted().find(qualify(platform, messageId)).map(song -> new PostedCard(song.userId(),
                stores.ratings().current(song.userId(), song.trackId())
                        .map(rating -> rating.liked() ? Reaction.LIKE : Reaction.DISLIKE)));
    }

    /**
     * A reaction taken back: the rating follows the reaction still shown under the song, if one is
     * (👍 and 👎 can both stand on Discord: taking 👎 back from under both leaves a 👍 that counts);
     * otherwise it is taken back, but only if it is the removed reaction's verdict: switching 👍 to 👎
     * on Discord adds 👎 before it removes 👍, and that removal must leave the 👎.
     */
    private List<Reply> takenBack(ChatUser reactor, String messageId, String trackId, Reaction removed, String source) {
        String userId = reactor.userId();
        boolean changed;
        try {
            changed = stores.atomically(() -> {
                Optional<Boolean> stillShown = stores.posted().reactionRemoved(messageId, removed == Reaction.LIKE);
                return stillShown.isPresent()
                        ? !(stores.ratings().rate(userId, trackId, stillShown.get(), source, clock.instant())
                                instanceof RatingOutcome.Unchanged)
                        : stores.ratings().withdraw(userId, trackId, removed == Reaction.LIKE, clock.instant())
                                instanceof WithdrawalOutcome.Withdrawn;
            });
        } catch (DatabaseBusyException e) {
            return List.of(new Reply.Text(RichText.builder().words("Taking back your " + removed.emoji() + " on ")
                    .append(songName(trackId)).words(" was not saved: the database is busy, try again.").build()));
        }
        if (changed) {
            retrainer.ratingsChanged(userId);
        }
        return List.of();
    }

    private RichText songName(String trackId) {
        return stores.tracks().find(trackId).map(SongCards::byline).orElse(RichText.of("that song"));
    }

    @Override
    public void seenIn(ChatUser user, String community) {
        stores.communities().seen(user.userId(), qualify(user.platform(), community), clock.instant());
    }

    @Override
    public Optional<String> importRefusal(ChatUser user) {
        return fairUse.importRefusal(user.userId());
    }

    @Override
    public List<Choice> suggestTracks(ChatUser user, String typed, int limit) {
        if (typed.isBlank() || typed.length() > MAX_QUERY) {
            return List.of();
        }
        return lookup.suggest(typed.strip(), limit);
    }

    private List<Reply> rate(ChatUser user) {
        boolean started = stores.sessions().start(user.userId(), clock.instant());
        List<Reply> replies = new ArrayList<>();
        if (started) {
            replies.add(new Reply.Text("Rating session started: react " + Reaction.LIKE.emoji() + " if you like a song, "
                    + Reaction.DISLIKE.emoji() + " if you don't, " + Reaction.STOP.emoji()
                    + " to stop. Every rating is saved at once. Dislikes teach me the most!"));
        }
        replies.addAll(nextSong(user));
        return replies;
    }

    private List<Reply> nextSong(ChatUser user) {
        Optional<Candidate> candidate = candidates.next(user.userId());
        Optional<Track> track = candidate.flatMap(c -> stores.tracks().find(c.trackId()));
        if (track.isEmpty()) {
            stores.sessions().stop(user.userId());
            return List.of(new Reply.Text(NOTHING_LEFT_TO_RATE));
        }
        return List.of(SongCards.of(track.get(), candidate.get().why(), Reply.Purpose.SESSION));
    }

    private List<Reply> stopRating(ChatUser user) {
        Optional<RatingSession> stopped = stores.sessions().stop(user.userId());
        if (stopped.isEmpty()) {
            return List.of(new Reply.Text("No rating session is open. Start one with /rate."));
        }
        long rated = stores.ratings().all(user.userId()).stream()
                .filter(r -> !r.ratedAt().isBefore(stopped.get().startedAt())).count();
        return List.of(new Reply.Text("Rating session stopped: " + rated + (rated == 1 ? " song" : " songs")
                + " rated. Ask me about a song with /will-i-like, or see /stats."));
    }

    private List<Reply> willILike(ChatUser user, String query) {
        if (query == null || query.isBlank()) {
            return List.of(new Reply.Text("Which song? Send a Spotify track link, a spotify:track: URI, or "
                    + "\"artist - title\", e.g. /will-i-like Daft Punk - One More Time"));
        }
        if (query.length() > MAX_QUERY) {
            return List.of(new Reply.Text("That is too long for a song name (" + query.length()
                    + " characters); send a link or \"artist - title\"."));
        }
        return switch (lookup.resolve(user.userId(), query.strip())) {
            case TrackLookup.Lookup.Found found -> answer(user, found.trackId());
            case TrackLookup.Lookup.Several several -> List.of(new Reply.Text(severalText(several.choices())));
            case TrackLookup.Lookup.Problem problem -> List.of(new Reply.Text(problem.message()));
        };
    }

    private List<Reply> answer(ChatUser user, String trackId) {
        Optional<Track> track = stores.tracks().find(trackId);
        Optional<TrackData> data = stores.trainingData().track(trackId, featureSources);
        if (track.isEmpty() || data.isEmpty()) {
            return List.of(new Reply.Text("I don't know that track yet."));
        }
        Prediction prediction = userModels.predict(user.userId(), data.get());
        Optional<Rating> rated = stores.ratings().current(user.userId(), trackId);
        return List.of(new Reply.Text(PredictionText.of(SongCards.byline(track.get()), prediction, rated,
                SongCards.url(trackId))));
    }

    private static RichText severalText(List<Choice> choices) {
        RichText.Builder text = RichText.builder().words("Several songs match; which one do you mean?");
        for (int i = 0; i < choices.size(); i++) {
            text.line().words((i + 1) + ". ").outside(choices.get(i).label(), Limit.TITLE);
        }
        return text.line().words("Ask again with the full \"artist - title\" or a Spotify link.").build();
    }

    private List<Reply> stats(ChatUser user) {
        String userId = user.userId();
        List<SourceCounts> counts = stores.ratings().countsBySource(userId);
        if (counts.isEmpty()) {
            return List.of(new Reply.Text("You haven't rated anything yet. Start with /rate, or /import your Spotify "
                    + "library export."));
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

    private List<Reply> daily(ChatUser user, ChatCommand.Daily command) {
        DailySetting current = stores.settings().daily(user.userId());
        if (!command.on()) {
            stores.settings().saveDaily(user.userId(), new DailySetting(false, current.hour(), current.timeZone()),
                    clock.instant());
            return List.of(new Reply.Text("Daily recommendations are off."));
        }
        int hour = command.hour().orElse(current.hour());
        if (hour < 0 || hour > 23) {
            return List.of(new Reply.Text("The hour must be a whole number from 0 to 23, got " + hour + "."));
        }
        ZoneId zone;
        try {
            zone = command.timeZone().map(String::strip).map(ZoneId::of).orElse(current.timeZone());
        } catch (DateTimeException e) {
            return List.of(new Reply.Text(RichText.builder().words("I don't know the time zone \"")
                    .outside(command.timeZone().orElse(""), Limit.ECHO)
                    .words("\". Use a name like Europe/Paris, America/New_York or UTC.").build()));
        }
        DailySetting setting = new DailySetting(true, hour, zone);
        Instant now = clock.instant();
        stores.settings().saveDaily(user.userId(), setting, now);
        return List.of(new Reply.Text(RichText.builder().words(String.format(Locale.ROOT, "Daily recommendations are on "
                        + "for %02d:00 (", hour)).outside(zone.getId(), Limit.ECHO)
                .words(String.format(Locale.ROOT, "): a few songs you haven't rated, picked by your model, each to rate "
                        + "with %s or %s. %s", Reaction.LIKE.emoji(), Reaction.DISLIKE.emoji(),
                        nextDaily(setting, user.userId(), now))).build()));
    }

    private String nextDaily(DailySetting setting, String userId, Instant now) {
        ZonedDateTime next = setting.nextDue(now, stores.dailyDeliveries().lastClaimed(userId));
        if (!next.toInstant().isAfter(now)) {
            return "Today's hour has passed, so today's message comes within a minute.";
        }
        LocalDate today = setting.localDate(now);
        String day = next.toLocalDate().equals(today) ? "today"
                : next.toLocalDate().equals(today.plusDays(1)) ? "tomorrow" : "on " + next.toLocalDate();
        return "The next one comes " + day + " at " + next.toLocalTime() + ".";
    }

    private List<Reply> forgetMe(ChatUser user, boolean confirmed) {
        if (!confirmed) {
            int ratings = stores.ratings().all(user.userId()).size();
            return List.of(new Reply.Text("This deletes everything tastebot keeps about you: your " + ratings
                    + " ratings and their history, your models, sessions and settings. It cannot be undone. "
                    + "To go ahead, run /forget-me with confirm set to true."));
        }
        UserDeletion deleted = stores.users().delete(user.userId());
        userModels.forget(user.userId());
        retrainer.forget(user.userId());
        // The limits' counts stay (they hold only when the user last started something): forgetting
        // must be no way around them.
        // After the rows are gone: what still runs for the user finds them gone and writes nothing back.
        forgetting.forEach(part -> part.forget(user.userId()));
        if (!deleted.removedAnything()) {
            return List.of(new Reply.Text("There was nothing to delete: tastebot keeps no data about you."));
        }
        return List.of(new Reply.Text("Done: deleted " + deleted.ratings() + " ratings, " + deleted.historyEntries()
                + " history entries and " + deleted.models() + " models, with your sessions and settings. "
                + "Nothing about you is left."));
    }

    /**
     * Retrains a model now, chosen anew. Anyone may retrain their own; only admins someone else's.
     * The retraining itself may take a second or more: adapters answer commands off their event thread.
     */
    private List<Reply> retrain(ChatUser asker, Optional<String> requested) {
        String target = requested.map(String::strip).filter(id -> !id.isEmpty()).orElse(asker.userId());
        boolean own = target.equals(asker.userId());
        if (!own && !admins.includes(asker)) {
            return List.of(new Reply.Text("Only an admin can retrain someone else's model; /retrain on its own retrains yours."));
        }
        if (target.length() > MAX_USER_ID || !target.matches("[a-z]+:\\S+")) {
            return List.of(new Reply.Text("A user id looks like discord:123456789 or console:local."));
        }
        if (!stores.users().exists(target)) {
            return List.of(new Reply.Text(own
                    ? RichText.of("You haven't rated anything yet, so there is no model to retrain. Start with /rate.")
                    : RichText.builder().words("I don't know ").outside(target, Limit.ECHO)
                            .words(": nobody with that id has rated anything here.").build()));
        }
        return fairUse.retrain(asker.userId(), target, () -> List.of(new Reply.Text(
                RetrainText.of(userModels.retrainNow(target), own ? Optional.empty() : Optional.of(target)))));
    }

    private List<Reply> importLibrary(ChatUser user, ChatCommand.Import file) {
        ImportOutcome outcome = libraryImport.importLikes(user.userId(), file.fileName(), file.content());
        if (outcome instanceof ImportOutcome.Imported imported && imported.newLikes() > 0) {
            retrainer.ratingsChanged(user.userId());
        }
        return List.of(new Reply.Text(outcome.message()));
    }

    private static String storedPurpose(Reply.Purpose purpose) {
        return switch (purpose) {
            case SESSION -> PostedSong.SESSION;
            case DAILY -> PostedSong.DAILY;
            case PLAYLIST -> PostedSong.PLAYLIST;
        };
    }

    private static String qualify(String platform, String messageId) {
        return platform + ":" + messageId;
    }
}
