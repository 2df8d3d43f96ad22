package dev.tastebot.chat;

import dev.tastebot.recommend.Candidate;
import dev.tastebot.recommend.CandidatePicker;
import dev.tastebot.store.RatingSession;
import dev.tastebot.store.Track;
import dev.tastebot.text.RichText;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code /rate}: a session of songs posted one at a time, each rated before the next comes. */
final class RatingSessions {
    static final RichText NOTHING_LEFT_TO_RATE = RichText.builder().words("You have rated every song in my catalogue. "
            + "An operator can import a bigger one with ").code("tastebot import-catalog FILE")
            .words("; meanwhile, ask me about any song with ").command(ChatCommands.WILL_I_LIKE).words(".").build();

    private final ChatStores stores;
    private final CandidatePicker candidates;
    private final Clock clock;

    RatingSessions(ChatStores stores, CandidatePicker candidates, Clock clock) {
        this.stores = stores;
        this.candidates = candidates;
        this.clock = clock;
    }

    List<Reply> start(ChatUser user) {
        boolean started = stores.sessions().start(user.userId(), clock.instant());
        List<Reply> replies = new ArrayList<>();
        if (started) {
            replies.add(new Reply.Text(RichText.builder().words("Rating session started: rate each song with ")
                    .verdict(Reaction.LIKE.verdict()).words(" if you like it, ").verdict(Reaction.DISLIKE.verdict())
                    .words(" if you don't; ").verdict(Reaction.STOP.verdict())
                    .words(" ends the session. Every rating is saved at once. Dislikes teach me the most!").build()));
        }
        replies.addAll(nextSong(user));
        return replies;
    }

    /** The session's next song, or the end of the session when none is left to rate. */
    List<Reply> nextSong(ChatUser user) {
        Optional<Candidate> candidate = candidates.next(user.userId());
        Optional<Track> track = candidate.flatMap(c -> stores.tracks().find(c.trackId()));
        if (track.isEmpty()) {
            stores.sessions().stop(user.userId());
            return List.of(new Reply.Text(NOTHING_LEFT_TO_RATE));
        }
        return List.of(SongCards.of(track.get(), candidate.get().features(), candidate.get().why(), Reply.Purpose.SESSION));
    }

    List<Reply> stop(ChatUser user) {
        Optional<RatingSession> stopped = stores.sessions().stop(user.userId());
        if (stopped.isEmpty()) {
            return List.of(new Reply.Text(RichText.builder().words("No rating session is open. Start one with ")
                    .command(ChatCommands.RATE).words(".").build()));
        }
        long rated = stores.ratings().all(user.userId()).stream()
                .filter(r -> !r.ratedAt().isBefore(stopped.get().startedAt())).count();
        return List.of(new Reply.Text(RichText.builder().words("Rating session stopped: " + rated
                + (rated == 1 ? " song" : " songs") + " rated. Ask me about a song with ").command(ChatCommands.WILL_I_LIKE)
                .words(", or see ").command(ChatCommands.STATS).words(".").build()));
    }
}
