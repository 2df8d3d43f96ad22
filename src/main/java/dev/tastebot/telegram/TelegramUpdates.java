package dev.tastebot.telegram;

import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.UserLanes;
import dev.tastebot.fairuse.Allowance;
import dev.tastebot.fairuse.Limit;
import dev.tastebot.fairuse.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.reactions.MessageReactionUpdated;

/**
 * Hands Telegram's updates to the users' lanes. TelegramBots calls it on its one polling thread
 * with each batch, in the order Telegram delivered them, so a user's updates reach the core in
 * that order. Here an update is only read and queued; the work runs in the lane. It never throws:
 * the library polls from a scheduled task, which an exception would end for good.
 */
final class TelegramUpdates implements LongPollingUpdateConsumer {
    private static final Logger log = LoggerFactory.getLogger(TelegramUpdates.class);

    private final TelegramChat chat;
    private final UserLanes lanes;
    private final ReplySender sender;
    /** Tells refused users to slow down, off the polling thread. */
    private final Executor notices;
    /** A user refused for sending too much is told so at most this often, not once per refused update. */
    private final RateLimiter slowDownNotices;

    TelegramUpdates(TelegramChat chat, UserLanes lanes, ReplySender sender, Executor notices, Clock clock) {
        this.chat = chat;
        this.lanes = lanes;
        this.sender = sender;
        this.notices = notices;
        this.slowDownNotices = new RateLimiter(new Limit(1, Duration.ofMinutes(1)), clock);
    }

    @Override
    public void consume(List<Update> updates) {
        updates.stream().sorted(Comparator.comparing(Update::getUpdateId)).forEach(update -> {
            try {
                route(update);
            } catch (RuntimeException e) {
                log.error("Could not read Telegram update {}", update.getUpdateId(), e);
            }
        });
    }

    private void route(Update update) {
        if (update.hasMessage()) {
            message(update.getMessage());
        } else if (update.hasCallbackQuery()) {
            press(update.getCallbackQuery());
        } else if (update.getMessageReaction() != null) {
            reaction(update.getMessageReaction());
        }
    }

    private void message(Message message) {
        Optional<ChatUser> user = person(message.getFrom());
        if (user.isEmpty()) {
            return; // a channel post, an anonymous admin or another bot: nobody to keep data for
        }
        boolean queued = submit(user.get(), "message from " + user.get().userId(), () -> chat.message(user.get(), message));
        if (!queued && slowDownNotices.take(user.get().userId()) instanceof Allowance.Allowed) {
            ChatTarget here = ChatTarget.of(message);
            notify("slow-down notice for " + user.get().userId(), () -> sender.tell(UserMessages.SLOW_DOWN, here));
        }
    }

    private void press(CallbackQuery query) {
        Optional<ChatUser> user = person(query.getFrom());
        if (user.isEmpty()) {
            return;
        }
        boolean queued = submit(user.get(), "button press by " + user.get().userId(), () -> chat.press(user.get(), query));
        if (!queued) {
            // Every press is answered, a refused one too: the client shows a spinner until it is.
            notify("refused press of " + user.get().userId(),
                    () -> sender.answer(query.getId(), Optional.of(UserMessages.SLOW_DOWN_SHORT)));
        }
    }

    private void reaction(MessageReactionUpdated reaction) {
        Optional<ChatUser> user = person(reaction.getUser());
        if (user.isEmpty()) {
            return; // anonymous: on behalf of a chat
        }
        // A refused reaction is not told: in a group it may well be under anybody's message.
        submit(user.get(), "reaction by " + user.get().userId(), () -> chat.reaction(user.get(), reaction));
    }

    /** @return whether it was queued; not when the user sends more than their flood limit allows */
    private boolean submit(ChatUser user, String what, Runnable task) {
        CompletableFuture<Void> queued = lanes.submit(user, what, task);
        return !(queued.isCompletedExceptionally() && queued.exceptionNow() instanceof UserLanes.Refused);
    }

    private void notify(String what, Runnable notice) {
        try {
            notices.execute(() -> {
                try {
                    notice.run();
                } catch (RuntimeException e) {
                    log.warn("{} failed", what, e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("Dropped {}: shutting down", what);
        }
    }

    private static Optional<ChatUser> person(User user) {
        return user == null || Boolean.TRUE.equals(user.getIsBot()) ? Optional.empty() : Optional.of(TelegramUsers.of(user));
    }
}
