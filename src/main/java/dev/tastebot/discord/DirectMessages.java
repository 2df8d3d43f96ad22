package dev.tastebot.discord;

import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.Outbox;
import dev.tastebot.chat.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;

/**
 * Messages tastebot starts itself, in a user's DMs: opens the private channel by the user's id and
 * posts the replies there exactly as answers are posted (song cards with their reactions,
 * registered with the core so the reactions count), then waits for Discord to confirm. A failure
 * says whether any of it may have reached the user, so that a caller retries only what went nowhere.
 */
final class DirectMessages {
    /** Discord rate-limits DMs; a delivery still unconfirmed after this long counts as failed. */
    static final Duration CONFIRMATION_WAIT = Duration.ofMinutes(5);
    /**
     * How long no new DM is opened after Discord said tastebot opens them too fast. Discord names no
     * figure; pressing on with the rest of a daily round is what gets a bot flagged as a spammer.
     * Shorter than the round's retry, so the retried deliveries find it over.
     */
    static final Duration TOO_FAST_PAUSE = Duration.ofMinutes(10);

    private final ReplyPoster poster;
    private final Duration confirmationWait;
    private final Clock clock;
    /** Until when Discord is not asked to open DMs; the epoch when it may be. */
    private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.EPOCH);

    DirectMessages(ReplyPoster poster, Duration confirmationWait, Clock clock) {
        this.poster = poster;
        this.confirmationWait = confirmationWait;
        this.clock = clock;
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
        Instant resume = pausedUntil.get();
        if (clock.instant().isBefore(resume)) {
            return new Outbox.Delivery.Failed(tooFast(resume), false);
        }
        CompletableFuture<Void> sent = new CompletableFuture<>();
        Progress progress = new Progress();
        RestActions.queue(() -> shard.openPrivateChannelById(userId),
                channel -> {
                    if (!progress.startSending()) {
                        return; // given up on while the channel opened: nothing goes out
                    }
                    poster.send(message, recipient, new ReplyTarget.Channel(channel), progress::messageSent)
                            .whenComplete((done, failure) -> {
                                if (failure != null) {
                                    sent.completeExceptionally(failure);
                                } else {
                                    sent.complete(null);
                                }
                            });
                },
                sent::completeExceptionally);
        return awaitConfirmation(sent, progress);
    }

    private Outbox.Delivery awaitConfirmation(CompletableFuture<Void> sent, Progress progress) {
        try {
            sent.get(confirmationWait.toMillis(), TimeUnit.MILLISECONDS);
            return new Outbox.Delivery.Delivered();
        } catch (ExecutionException e) {
            Throwable failure = e.getCause();
            return switch (DiscordFailure.of(failure)) {
                case CLOSED_DMS -> new Outbox.Delivery.Unreachable("they accept no direct messages from tastebot");
                case NO_SHARED_SERVER -> new Outbox.Delivery.Unreachable("they share no server with tastebot any more");
                case UNKNOWN_USER -> new Outbox.Delivery.Unreachable("Discord knows no such user");
                case DMS_TOO_FAST -> {
                    Instant resume = clock.instant().plus(TOO_FAST_PAUSE);
                    pausedUntil.accumulateAndGet(resume, (current, proposed) -> proposed.isAfter(current) ? proposed : current);
                    yield new Outbox.Delivery.Failed(tooFast(resume), progress.anythingSent());
                }
                case SHUT_DOWN -> new Outbox.Delivery.Failed("tastebot is disconnecting from Discord", progress.anythingSent());
                // Discord refused the message that failed: only the ones confirmed before it went out
                default -> new Outbox.Delivery.Failed(failure.toString(), progress.anythingSent());
            };
        } catch (TimeoutException e) {
            return new Outbox.Delivery.Failed("Discord did not confirm within " + confirmationWait.toSeconds() + " s",
                    progress.giveUp());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outbox.Delivery.Failed("interrupted while waiting for Discord", progress.giveUp());
        }
    }

    private static String tooFast(Instant resume) {
        return "Discord says tastebot opens direct messages too fast; no new ones before " + resume;
    }

    /** How far one delivery got: whether sending started, whether Discord confirmed any message. */
    private static final class Progress {
        private enum Stage { OPENING, SENDING, GIVEN_UP }

        private final AtomicReference<Stage> stage = new AtomicReference<>(Stage.OPENING);
        private final AtomicBoolean confirmedOne = new AtomicBoolean();

        /** @return false when the delivery was given up before the channel opened */
        boolean startSending() {
            return stage.compareAndSet(Stage.OPENING, Stage.SENDING);
        }

        void messageSent() {
            confirmedOne.set(true);
        }

        boolean anythingSent() {
            return confirmedOne.get();
        }

        /**
         * Stops a delivery that outlasted the wait. Once sending started, a message JDA still holds
         * in its queue may go out later, so that counts as sent.
         *
         * @return whether anything may have been sent
         */
        boolean giveUp() {
            return !stage.compareAndSet(Stage.OPENING, Stage.GIVEN_UP) || confirmedOne.get();
        }
    }
}
