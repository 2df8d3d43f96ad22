package dev.tastebot.chat;

import dev.tastebot.library.LibraryImporter;
import dev.tastebot.recommend.CandidatePicker;
import dev.tastebot.training.RetrainOnNewRatings;
import dev.tastebot.training.UserModels;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The bot itself, platform-neutral: hands each command to the class that answers it, and
 * reactions to {@link Reactions}. Every rating is written to the store before anything is
 * answered or posted next.
 */
public final class ChatCore implements ChatService {
    private final ChatStores stores;
    private final SpotifyAccounts spotify;
    private final FairUse fairUse;
    private final Clock clock;
    private final RatingSessions sessions;
    private final Reactions reactions;
    private final WillILikeCommand willILike;
    private final StatsCommand stats;
    private final DailyCommand daily;
    private final ForgetMeCommand forgetMe;
    private final RetrainCommand retrain;
    private final ImportCommand importLibrary;
    private final PlaylistCommand playlist;

    /** @param forgetting what else keeps something about users (tokens, queued work), told by /forget-me */
    public ChatCore(ChatStores stores, UserModels userModels, RetrainOnNewRatings retrainer, CandidatePicker candidates,
                    TrackLookup lookup, LibraryImporter libraryImport, SpotifyAccounts spotify, List<String> featureSources,
                    Clock clock, Admins admins, FairUse fairUse, List<UserForgetting> forgetting) {
        this.stores = stores;
        this.spotify = spotify;
        this.fairUse = fairUse;
        this.clock = clock;
        this.sessions = new RatingSessions(stores, candidates, clock);
        this.reactions = new Reactions(stores, retrainer, sessions, clock);
        this.willILike = new WillILikeCommand(stores, lookup, userModels, featureSources);
        this.stats = new StatsCommand(stores, userModels, featureSources);
        this.daily = new DailyCommand(stores, clock);
        this.forgetMe = new ForgetMeCommand(stores, userModels, retrainer, forgetting);
        this.retrain = new RetrainCommand(stores, userModels, admins, fairUse);
        this.importLibrary = new ImportCommand(libraryImport, retrainer);
        this.playlist = new PlaylistCommand(candidates, stores.tracks(), spotify);
    }

    @Override
    public List<Reply> handle(ChatUser user, ChatCommand command) {
        return switch (command) {
            case ChatCommand.Rate r -> sessions.start(user);
            case ChatCommand.StopRating s -> sessions.stop(user);
            case ChatCommand.Playlist p -> fairUse.playlist(user.userId(), () -> playlist.answer(user.userId()));
            case ChatCommand.WillILike w -> willILike.answer(user, w.query());
            case ChatCommand.Stats s -> stats.answer(user);
            case ChatCommand.Daily d -> daily.answer(user, d);
            case ChatCommand.ShowDaily s -> daily.show(user);
            case ChatCommand.ForgetMe f -> forgetMe.answer(user, f.confirmed());
            case ChatCommand.Help h -> List.of(new Reply.Text(HelpText.of(h.naming())));
            case ChatCommand.Link link -> List.of(new Reply.Text(spotify.link(user, link.pastedUrl())));
            case ChatCommand.Unlink u -> List.of(new Reply.Text(spotify.unlink(user.userId())));
            case ChatCommand.Import i -> fairUse.importing(user.userId(), () -> importLibrary.answer(user, i));
            case ChatCommand.Retrain r -> retrain.answer(user, r.userId());
        };
    }

    @Override
    public void posted(ChatUser owner, String messageId, Reply.SongCard card) {
        reactions.posted(owner, messageId, card);
    }

    @Override
    public List<Reply> reacted(String platform, String messageId, ChatUser reactor, Reaction reaction, boolean added) {
        return reactions.reacted(platform, messageId, reactor, reaction, added);
    }

    @Override
    public Optional<PostedCard> postedCard(String platform, String messageId) {
        return stores.posted().find(Reactions.qualify(platform, messageId)).map(song -> new PostedCard(song.userId(),
                stores.ratings().current(song.userId(), song.trackId())
                        .map(rating -> rating.liked() ? Reaction.LIKE : Reaction.DISLIKE)));
    }

    @Override
    public void seenIn(ChatUser user, String community) {
        stores.communities().seen(user.userId(), Reactions.qualify(user.platform(), community), clock.instant());
    }

    @Override
    public Optional<String> importRefusal(ChatUser user) {
        return fairUse.importRefusal(user.userId());
    }

    @Override
    public List<Choice> suggestTracks(ChatUser user, String typed, int limit) {
        return willILike.suggest(typed, limit);
    }
}
