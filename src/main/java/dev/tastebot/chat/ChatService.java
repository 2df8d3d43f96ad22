package dev.tastebot.chat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The platform-neutral bot, as the adapters see it. Adapters translate platform events into these
 * calls and the returned replies into platform messages; they hold no state of their own that a
 * restart could lose.
 *
 * <p>Adapters hand each user's commands and reactions to it through {@link UserLanes}, submitted
 * on the thread that receives the platform's events and in the platform's order: the core then
 * sees them one at a time and in that order, which it relies on (a 👍 switched to 👎 arrives as
 * "add 👎" then "remove 👍"). Autocompletion ({@link #suggestTracks}) changes nothing and may run
 * beside them.
 */
public interface ChatService {

    /** Answers a command. May take a while (training, imports): adapters call it off their event thread, in the user's lane. */
    List<Reply> handle(ChatUser user, ChatCommand command);

    /**
     * Records that {@code card} was posted for {@code owner} as the platform message
     * {@code messageId}, so reactions to it count, also after a restart.
     */
    void posted(ChatUser owner, String messageId, Reply.SongCard card);

    /**
     * A reaction was added ({@code added}) or removed on a platform message. Reactions by anyone but
     * the user the song was posted for, and on messages tastebot did not post, are ignored (empty
     * list). Returns what to post next, such as the next song of a rating session.
     */
    List<Reply> reacted(String platform, String messageId, ChatUser reactor, Reaction reaction, boolean added);

    /**
     * The song card shown by the platform message {@code messageId}, if tastebot posted one there
     * and still keeps it: for whom, and how they rate its song now. An adapter whose buttons anyone
     * in a group can press tells the others whose song it is, and shows on the card the rating that
     * was stored, not the one that was asked for.
     */
    Optional<PostedCard> postedCard(String platform, String messageId);

    /**
     * A song card as tastebot keeps it.
     *
     * @param ownerId the user the song was posted for, e.g. {@code telegram:42}
     * @param rating  their current rating of the song, {@link Reaction#LIKE} or {@link Reaction#DISLIKE}; empty when none
     */
    record PostedCard(String ownerId, Optional<Reaction> rating) {
        public PostedCard {
            Objects.requireNonNull(ownerId, "ownerId");
            Objects.requireNonNull(rating, "rating");
        }
    }

    /**
     * The user acted (a command, a reaction) in {@code community}, the platform's id of a server or
     * group. Other members' likes may then be offered to them as songs to rate, and theirs to the
     * others, never saying whose. Only users tastebot already keeps data about are recorded.
     */
    void seenIn(ChatUser user, String community);

    /**
     * Why an import by the user would be refused right now (over its limit, or one still running),
     * asked before an adapter fetches a file that may be large; empty when it would start.
     */
    default Optional<String> importRefusal(ChatUser user) {
        return Optional.empty();
    }

    /** Up to {@code limit} tracks matching what the user has typed so far, for autocompletion. */
    List<Choice> suggestTracks(ChatUser user, String typed, int limit);

    /**
     * An autocomplete option: what the user sees (plain text from outside, cleaned), and what is
     * sent back as the query.
     */
    record Choice(String label, String value) {
        /** A label's length that fits every platform's list of options (Discord allows 100). */
        public static final int MAX_LABEL = 100;
    }
}
