package dev.tastebot.discord;

import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.Outbox;
import dev.tastebot.chat.Reply;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.JDA;

/**
 * Messages tastebot starts itself, in a user's DMs: opens the private channel by the user's id and
 * posts the replies there exactly as answers are posted (song cards with their reactions,
 * registered with the core so the reactions count), then waits for Discord to confirm.
 */
final class DirectMessages {
    /** Discord rate-limits DMs; a delivery still unconfirmed after this long counts as failed. */
    static final Duration CONFIRMATION_WAIT = Duration.ofMinutes(5);

    private final ReplyPoster poster;
    private final Duration confirmationWait;

    DirectMessages(ReplyPoster poster, Duration confirmationWait) {
        this.poster = poster;
        this.confirmationWait = confirmationWait;
    }

    /** @param shard a connected shard: any of them can open a DM channel */
    Outbox.Delivery deliver(JDA shard, ChatUser recipient, List<Reply> message) {
        if (!recipient.platform().equals(DiscordUsers.PLATFORM)) {
            return new Outbox.Delivery.Unreachable(recipient.userId() + " is not a Discord user");
        }
        long userId;
        try {
            userId = Long.parseUnsignedLong(recipient.platformId());
        } catch (NumberFormatException e) {
            return new Outbox.Delivery.Unreachable(recipient.userId() + " is not a Discord user id");
        }
        CompletableFuture<Void> sent = new CompletableFuture<>();
        RestActions.queue(() -> shard.openPrivateChannelById(userId),
                channel -> poster.send(message, recipient, new ReplyTarget.Channel(channel)).whenComplete((done, failure) -> {
                    if (failure != null) {
                        sent.completeExceptionally(failure);
                    } else {
                        sent.complete(null);
                    }
                }),
                sent::completeExceptionally);
        return awaitConfirmation(sent);
    }

    private Outbox.Delivery awaitConfirmation(CompletableFuture<Void> sent) {
        try {
            sent.get(confirmationWait.toMillis(), TimeUnit.MILLISECONDS);
            return new Outbox.Delivery.Delivered();
        } catch (ExecutionException e) {
            Throwable failure = e.getCause();
            return switch (DiscordFailure.of(failure)) {
                case CLOSED_DMS -> new Outbox.Delivery.Unreachable("they accept no direct messages from tastebot");
                case UNKNOWN_USER -> new Outbox.Delivery.Unreachable("Discord knows no such user");
                default -> new Outbox.Delivery.Failed(failure.toString());
            };
        } catch (TimeoutException e) {
            return new Outbox.Delivery.Failed("Discord did not confirm within " + confirmationWait.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outbox.Delivery.Failed("interrupted while waiting for Discord");
        }
    }
}
