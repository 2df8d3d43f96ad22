package dev.tastebot.telegram;

import dev.tastebot.chat.ChatService;
import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.Reply;
import dev.tastebot.text.RichText;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * Sends replies one message after the other, each once the previous one arrived, and registers
 * every song card with the core as soon as Telegram has it. Called in the owner's lane, so a press
 * on a card is handled only after the card is registered.
 */
final class ReplySender {
    private static final Logger log = LoggerFactory.getLogger(ReplySender.class);

    private final ChatService chat;
    private final TelegramApi api;

    ReplySender(ChatService chat, TelegramApi api) {
        this.chat = chat;
        this.api = api;
    }

    /**
     * How a sending went.
     *
     * @param messages how many messages Telegram confirmed
     * @param failure  what stopped the rest, if anything did
     */
    record Sent(int messages, Optional<TelegramFailure> failure) {
    }

    /**
     * @param owner   the user the replies answer; song cards are registered for them
     * @param forWhom in a group, the owner's name, shown on each card
     */
    Sent post(List<Reply> replies, ChatUser owner, ChatTarget target, Optional<String> forWhom) {
        Sent sent = send(TelegramMessages.render(replies, forWhom), owner, target);
        sent.failure().ifPresent(failure -> log.warn("Could not answer {}: {}", owner.userId(), failure.getMessage()));
        return sent;
    }

    Sent send(List<TelegramMessages.Outgoing> messages, ChatUser owner, ChatTarget target) {
        int sent = 0;
        for (TelegramMessages.Outgoing outgoing : messages) {
            Message message;
            try {
                message = api.call(sendMessage(target, outgoing));
            } catch (TelegramFailure failure) {
                return new Sent(sent, Optional.of(failure));
            }
            sent++;
            outgoing.card().ifPresent(card -> register(owner, target, target.messageKey(message.getMessageId()), card));
        }
        return new Sent(sent, Optional.empty());
    }

    /** A message of the adapter's own; a failure is only logged. */
    void tell(RichText text, ChatTarget target) {
        try {
            api.call(sendMessage(target, TelegramMessages.text(text)));
        } catch (TelegramFailure failure) {
            log.warn("Could not tell chat {}: {}", target.chatId(), failure.getMessage());
        }
    }

    void tell(String ourWords, ChatTarget target) {
        tell(RichText.of(ourWords), target);
    }

    /** Answers a button press, with a short notice or none; Telegram's clients wait for it. */
    void answer(String callbackQueryId, Optional<String> notice) {
        try {
            api.call(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).text(notice.orElse(null)).build());
        } catch (TelegramFailure failure) {
            if (failure.kind() == TelegramFailure.Kind.EXPIRED) {
                log.debug("A button press was answered too late: {}", failure.getMessage());
            } else {
                log.warn("Could not answer a button press: {}", failure.getMessage());
            }
        }
    }

    /** Replaces the buttons under a message; an empty keyboard takes them away. */
    void editButtons(ChatTarget target, int messageId, InlineKeyboardMarkup keyboard) {
        try {
            api.call(EditMessageReplyMarkup.builder().chatId(target.chatId()).messageId(messageId)
                    .replyMarkup(keyboard).build());
        } catch (TelegramFailure failure) {
            if (failure.kind() != TelegramFailure.Kind.NOT_MODIFIED) {
                log.warn("Could not update the buttons of message {} in chat {}: {}", messageId, target.chatId(),
                        failure.getMessage());
            }
        }
    }

    private void register(ChatUser owner, ChatTarget target, String messageKey, Reply.SongCard card) {
        try {
            chat.posted(owner, messageKey, card);
        } catch (RuntimeException e) {
            log.error("Could not register song card {} (track {}) for {}", messageKey, card.trackId(), owner.userId(), e);
            tell(UserMessages.SOMETHING_WENT_WRONG, target);
        }
    }

    private static SendMessage sendMessage(ChatTarget target, TelegramMessages.Outgoing outgoing) {
        return SendMessage.builder()
                .chatId(target.chatId())
                .messageThreadId(target.threadId().orElse(null))
                .text(outgoing.html())
                .parseMode(ParseMode.HTML)
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(!outgoing.preview()).build())
                .replyMarkup(outgoing.keyboard().orElse(null))
                .build();
    }
}
