package dev.tastebot.chat;

import dev.tastebot.store.DatabaseBusyException;
import dev.tastebot.store.PostedSong;
import dev.tastebot.store.RatingOutcome;
import dev.tastebot.store.RatingSession;
import dev.tastebot.store.WithdrawalOutcome;
import dev.tastebot.text.RichText;
import dev.tastebot.training.RetrainOnNewRatings;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Song cards and the reactions under them: a card is registered once posted, so its reactions
 * count after a restart too; a reaction by the person it was posted for is a rating, stored before
 * anything else happens.
 */
final class Reactions {
    static final String CHAT_SOURCE = "chat";
    static final String DAILY_SOURCE = "daily";

    private final ChatStores stores;
    private final RetrainOnNewRatings retrainer;
    private final RatingSessions sessions;
    private final Clock clock;

    Reactions(ChatStores stores, RetrainOnNewRatings retrainer, RatingSessions sessions, Clock clock) {
        this.stores = stores;
        this.retrainer = retrainer;
        this.sessions = sessions;
        this.clock = clock;
    }

    void posted(ChatUser owner, String messageId, Reply.SongCard card) {
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

    List<Reply> reacted(String platform, String messageId, ChatUser reactor, Reaction reaction, boolean added) {
        String qualified = qualify(platform, messageId);
        Optional<PostedSong> song = stores.posted().find(qualified);
        if (song.isEmpty() || !song.get().userId().equals(reactor.userId())) {
            return List.of();
        }
        String userId = reactor.userId();
        String trackId = song.get().trackId();
        if (reaction == Reaction.STOP) {
            return added ? sessions.stop(reactor) : List.of();
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
            return sessions.nextSong(reactor);
        }
        return List.of();
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

    private static String storedPurpose(Reply.Purpose purpose) {
        return switch (purpose) {
            case SESSION -> PostedSong.SESSION;
            case DAILY -> PostedSong.DAILY;
            case PLAYLIST -> PostedSong.PLAYLIST;
            case ASKED -> PostedSong.ASKED;
        };
    }

    static String qualify(String platform, String messageId) {
        return platform + ":" + messageId;
    }
}
