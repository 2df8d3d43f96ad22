package dev.tastebot.discord;

import dev.tastebot.chat.ChatService;
import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.Reaction;
import dev.tastebot.chat.Reply;
import dev.tastebot.fairuse.Allowance;
import dev.tastebot.fairuse.Limit;
import dev.tastebot.fairuse.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the core's replies in order, each after the previous one arrived; puts the reactions under
 * a song card and registers the card with the core once its message exists. What keeps going wrong
 * in one place (reactions refused, a channel tastebot may not post in) is told to the user once a
 * day there, not under every card.
 */
final class ReplyPoster {
    /** How often one user hears the same notice about one channel. */
    static final Duration NOTICE_INTERVAL = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(ReplyPoster.class);

    private final ChatService chat;
    private final Worker worker;
    /** Keyed by what the notice is about, whom it tells and where: see {@link #firstNotice}. */
    private final RateLimiter notices;

    /** @param clock times the notices, so that each is told at most once per {@link #NOTICE_INTERVAL} */
    ReplyPoster(ChatService chat, Worker worker, Clock clock) {
        this.chat = chat;
        this.worker = worker;
        this.notices = new RateLimiter(new Limit(1, NOTICE_INTERVAL), clock);
    }

    /** @param owner the user the replies answer; song cards are registered for them */
    void post(List<Reply> replies, ChatUser owner, ReplyTarget target) {
        if (DiscordMessages.render(replies).isEmpty()) {
            target.placeholderRemoval().ifPresent(removal -> RestActions.queue(() -> removal, done -> { },
                    failure -> log.debug("Could not remove the reply placeholder for {}: {}", owner.userId(), failure.toString())));
            return;
        }
        send(replies, owner, target).whenComplete((done, failure) -> {
            if (failure != null) {
                sendFailed(failure, owner, target);
            }
        });
    }

    /**
     * Sends the replies as {@link #post} does, without logging a failure: the caller is told.
     *
     * @return completes once Discord has every message (their reactions may still be on the way),
     *     or exceptionally with the failure that stopped the rest
     */
    CompletableFuture<Void> send(List<Reply> replies, ChatUser owner, ReplyTarget target) {
        return send(replies, owner, target, () -> { });
    }

    /** The same, telling {@code messageSent} each time Discord has one of the messages. */
    CompletableFuture<Void> send(List<Reply> replies, ChatUser owner, ReplyTarget target, Runnable messageSent) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        List<DiscordMessages.Outgoing> messages = DiscordMessages.render(replies);
        if (messages.isEmpty()) {
            done.complete(null);
        } else {
            sendFrom(messages, 0, owner, target, messageSent, done);
        }
        return done;
    }

    /** A message from the adapter itself, in place of the core's replies. */
    void tell(String text, ChatUser owner, ReplyTarget target) {
        RestActions.queue(() -> target.send(DiscordMessages.message(text)), sent -> { },
                failure -> sendFailed(failure, owner, target));
    }

    private void sendFrom(List<DiscordMessages.Outgoing> messages, int index, ChatUser owner, ReplyTarget target,
                          Runnable messageSent, CompletableFuture<Void> done) {
        DiscordMessages.Outgoing next = messages.get(index);
        RestActions.queue(() -> target.send(next.message()),
                sent -> {
                    messageSent.run();
                    next.card().ifPresent(card -> cardPosted(sent, card, owner, target));
                    if (index + 1 < messages.size()) {
                        sendFrom(messages, index + 1, owner, target, messageSent, done);
                    } else {
                        done.complete(null);
                    }
                },
                // The rest would fail the same way (closed DMs, lost permission, expired interaction).
                done::completeExceptionally);
    }

    private void cardPosted(Message message, Reply.SongCard card, ChatUser owner, ReplyTarget target) {
        if (message.isEphemeral()) {
            // Discord takes no reactions on a message only one person sees (a private answer to a
            // choice someone else offered): it stays an answer, not a card to rate.
            return;
        }
        addReactions(message, card.reactions(), owner, target);
        String messageId = message.getId();
        // In the owner's lane, queued as soon as the message exists: before any reaction to it can arrive.
        worker.submitFor(owner, "registering song card " + messageId, () -> {
            try {
                chat.posted(owner, messageId, card);
            } catch (RuntimeException e) {
                log.error("Could not register song card {} (track {}) for {}", messageId, card.trackId(), owner.userId(), e);
                tell(UserMessages.SOMETHING_WENT_WRONG, owner, target);
            }
        });
    }

    /** One at a time, so that they appear in order and a missing permission is reported once. */
    private void addReactions(Message message, List<Reaction> reactions, ChatUser owner, ReplyTarget target) {
        if (reactions.isEmpty()) {
            return;
        }
        RestActions.queue(() -> message.addReaction(Emoji.fromUnicode(reactions.getFirst().emoji())),
                added -> addReactions(message, reactions.subList(1, reactions.size()), owner, target),
                failure -> reactionFailed(failure, message, owner, target));
    }

    private void reactionFailed(Throwable failure, Message message, ChatUser owner, ReplyTarget target) {
        switch (DiscordFailure.of(failure)) {
            case MISSING_PERMISSION -> {
                log.warn("No permission to add reactions under message {}: {}", message.getId(), failure.toString());
                notice(UserMessages.CANNOT_REACT, "reactions", message, owner, target);
            }
            case REACTION_BLOCKED -> {
                log.warn("Discord blocked tastebot's reactions under message {}", message.getId());
                notice(UserMessages.REACTIONS_BLOCKED, "blocked reactions", message, owner, target);
            }
            case GONE -> log.warn("Message {} was deleted before its reactions were added", message.getId());
            default -> log.warn("Could not add a reaction under message {}", message.getId(), failure);
        }
    }

    /** Tells the owner what keeps their reactions from appearing, the first time it happens in that channel. */
    private void notice(String text, String about, Message message, ChatUser owner, ReplyTarget target) {
        if (!firstNotice(about, owner, message.getChannelId())) {
            return;
        }
        RestActions.queue(() -> target.sendNotice(DiscordMessages.message(text)), sent -> { },
                noticeFailure -> log.warn("Could not tell {} about the {} either: {}", owner.userId(), about,
                        noticeFailure.toString()));
    }

    /** Whether this is the first such notice to the owner about that channel within {@link #NOTICE_INTERVAL}. */
    private boolean firstNotice(String about, ChatUser owner, String channelId) {
        return notices.take(about + " " + owner.userId() + " " + channelId) instanceof Allowance.Allowed;
    }

    private void sendFailed(Throwable failure, ChatUser owner, ReplyTarget target) {
        logSendFailure(failure, owner);
        if (DiscordFailure.of(failure) == DiscordFailure.MISSING_PERMISSION) {
            target.serverChannel().ifPresent(channel -> cannotPostIn(channel, owner));
        }
    }

    /**
     * Where tastebot may not post, it cannot say so there either: the owner hears it once a day by
     * direct message, which they can answer by going on right there. When their DMs are closed, too,
     * only the log knows.
     */
    private void cannotPostIn(GuildChannel channel, ChatUser owner) {
        if (!firstNotice("channel", owner, channel.getId())) {
            return;
        }
        long userId;
        try {
            userId = Long.parseUnsignedLong(owner.platformId());
        } catch (NumberFormatException e) {
            return;
        }
        String text = UserMessages.cannotPostIn(channel.getAsMention(), missingIn(channel));
        RestActions.queue(() -> channel.getJDA().openPrivateChannelById(userId),
                dm -> RestActions.queue(() -> dm.sendMessage(DiscordMessages.message(text)), sent -> { },
                        failure -> logUntold(failure, owner)),
                failure -> logUntold(failure, owner));
    }

    private static List<Permission> missingIn(GuildChannel channel) {
        try {
            return SongChannels.missing(channel);
        } catch (RuntimeException e) {
            return List.of(); // Discord refused, though JDA's cache saw no reason: said without names
        }
    }

    private static void logUntold(Throwable failure, ChatUser owner) {
        log.warn("Could not tell {} by direct message that tastebot may not post in that channel either: {}",
                owner.userId(), failure.toString());
    }

    private static void logSendFailure(Throwable failure, ChatUser owner) {
        switch (DiscordFailure.of(failure)) {
            case CLOSED_DMS -> log.warn("Could not answer {}: they accept no direct messages from tastebot", owner.userId());
            case NO_SHARED_SERVER -> log.warn("Could not answer {}: they share no server with tastebot any more", owner.userId());
            case DMS_TOO_FAST -> log.warn("Could not answer {}: Discord says tastebot opens direct messages too fast", owner.userId());
            case SHUT_DOWN -> log.warn("Could not answer {}: tastebot is shutting down", owner.userId());
            case UNKNOWN_USER -> log.warn("Could not answer {}: Discord knows no such user", owner.userId());
            case MISSING_PERMISSION -> log.warn("Could not answer {}: no permission to post in that channel ({})", owner.userId(), failure.toString());
            case INTERACTION_EXPIRED -> log.warn("Could not answer {}: the interaction expired first", owner.userId());
            case GONE -> log.warn("Could not answer {}: the channel is gone", owner.userId());
            case REACTION_BLOCKED, OTHER -> log.warn("Could not answer {}", owner.userId(), failure);
        }
    }
}
