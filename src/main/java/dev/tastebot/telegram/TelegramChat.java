package dev.tastebot.telegram;

import dev.tastebot.chat.ChatCommand;
import dev.tastebot.chat.ChatService;
import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.Reaction;
import dev.tastebot.chat.Reply;
import dev.tastebot.text.Limit;
import dev.tastebot.text.RichText;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.reactions.MessageReactionUpdated;
import org.telegram.telegrambots.meta.api.objects.reactions.ReactionType;
import org.telegram.telegrambots.meta.api.objects.reactions.ReactionTypeEmoji;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * One user's message, button press or reaction, handled in their lane: the core is asked, the
 * rating stored, and only then is the press answered, the card updated and the next song posted.
 */
final class TelegramChat {
    private static final Logger log = LoggerFactory.getLogger(TelegramChat.class);

    private final ChatService chat;
    private final ReplySender sender;
    private final TelegramApi api;
    private final FileDownloads files;
    private final String botUsername;

    TelegramChat(ChatService chat, ReplySender sender, TelegramApi api, FileDownloads files, String botUsername) {
        this.chat = chat;
        this.sender = sender;
        this.api = api;
        this.files = files;
        this.botUsername = botUsername;
    }

    /** A message from {@code user}: a command, or a document to import. */
    void message(ChatUser user, Message message) {
        ChatTarget here = ChatTarget.of(message);
        String text = message.hasText() ? message.getText() : Optional.ofNullable(message.getCaption()).orElse("");
        Document document = message.hasDocument() ? message.getDocument() : null;
        TelegramCommands.Parsed parsed;
        if (text.strip().startsWith("/")) {
            parsed = TelegramCommands.parse(text, botUsername);
        } else if (document != null && !here.group() && TelegramCommands.upload().isPresent()) {
            parsed = TelegramCommands.upload().get();
        } else if (!here.group()) {
            parsed = new TelegramCommands.Parsed.Answer(RichText.of("Send /help to see what I can do."));
        } else {
            return; // people talking in a group
        }
        switch (parsed) {
            case TelegramCommands.Parsed.Run run -> run(user, run.command(), here);
            case TelegramCommands.Parsed.Upload upload -> upload(user, upload, document, here);
            case TelegramCommands.Parsed.Answer answer -> sender.tell(answer.text(), here);
            case TelegramCommands.Parsed.NotOurs notOurs -> {
                if (!here.group()) {
                    sender.tell(RichText.builder().words("I don't know ").outside(notOurs.typed(), Limit.ECHO)
                            .words("; /help lists the commands.").build(), here);
                }
                return;
            }
        }
        seen(user, here);
    }

    /** A press on one of tastebot's buttons: always answered, since the client shows a spinner until it is. */
    void press(ChatUser user, CallbackQuery query) {
        MaybeInaccessibleMessage message = query.getMessage();
        if (message == null) {
            sender.answer(query.getId(), Optional.empty()); // a button sent in inline mode: tastebot sends none
            return;
        }
        ChatTarget here = ChatTarget.of(message);
        Handled handled;
        try {
            handled = switch (CallbackData.read(query.getData())) {
                case CallbackData.Press.Rate rate -> rate(user, here, message.getMessageId(), rate);
                case CallbackData.Press.Forget forget -> forget(user, here, message.getMessageId(), forget.userId(), true);
                case CallbackData.Press.Keep keep -> forget(user, here, message.getMessageId(), keep.userId(), false);
                case CallbackData.Press.Pick pick -> pick(user, here, pick.value());
                case CallbackData.Press.Unknown unknown -> Handled.only(UserMessages.UNKNOWN_BUTTON);
            };
        } catch (RuntimeException e) {
            log.error("A button press by {} failed", user.userId(), e);
            handled = Handled.only(UserMessages.SOMETHING_WENT_WRONG);
        }
        // Answered once the rating is stored, and before the card changes and the next song comes.
        sender.answer(query.getId(), handled.notice());
        try {
            handled.afterwards().run();
        } catch (RuntimeException e) {
            log.error("Following up a button press by {} failed", user.userId(), e);
        }
    }

    /** What a press was answered with, and what follows once it is answered. */
    private record Handled(Optional<String> notice, Runnable afterwards) {
        static Handled only(String notice) {
            return new Handled(Optional.of(notice), () -> { });
        }
    }

    /**
     * A 👍 or 👎 set or taken away under a message, as Telegram reports it: the reactions before and
     * after. Added ones count before removed ones, as a switch from 👍 to 👎 is meant.
     */
    void reaction(ChatUser user, MessageReactionUpdated update) {
        ChatTarget here = ChatTarget.of(update.getChat());
        String key = here.messageKey(update.getMessageId());
        Set<Reaction> before = ratings(update.getOldReaction());
        Set<Reaction> after = ratings(update.getNewReaction());
        if (before.equals(after)) {
            return; // another emoji: tastebot reads only 👍 and 👎
        }
        Optional<ChatService.PostedCard> card = chat.postedCard(TelegramUsers.PLATFORM, key);
        if (card.isEmpty() || !card.get().ownerId().equals(user.userId())) {
            return; // not a song of theirs: someone else's reaction, or one under any other message
        }
        List<Reply> replies = new ArrayList<>();
        for (Reaction added : after) {
            if (!before.contains(added)) {
                replies.addAll(chat.reacted(TelegramUsers.PLATFORM, key, user, added, true));
            }
        }
        for (Reaction removed : before) {
            if (!after.contains(removed)) {
                replies.addAll(chat.reacted(TelegramUsers.PLATFORM, key, user, removed, false));
            }
        }
        Optional<String> forWhom = forWhom(user, here);
        sender.editButtons(here, update.getMessageId(), TelegramMessages.ratedKeyboard(rating(key), forWhom));
        sender.post(replies, user, here, forWhom);
        seen(user, here);
    }

    /**
     * A card's button. Only its owner may rate it; a 👍 is stored as Discord's "add 👍, remove 👎",
     * so a press that changes a rating leaves the new one, and the card shows what was stored.
     */
    private Handled rate(ChatUser user, ChatTarget here, int messageId, CallbackData.Press.Rate press) {
        String key = here.messageKey(messageId);
        Optional<ChatService.PostedCard> card = chat.postedCard(TelegramUsers.PLATFORM, key);
        if (card.isEmpty()) {
            return Handled.only(UserMessages.NOT_RATEABLE);
        }
        if (!card.get().ownerId().equals(user.userId())) {
            return Handled.only(press.ownerName().map(UserMessages::someonesSong).orElse(UserMessages.SOMEONE_ELSES));
        }
        Reaction reaction = press.reaction();
        List<Reply> replies = new ArrayList<>(chat.reacted(TelegramUsers.PLATFORM, key, user, reaction, true));
        if (reaction != Reaction.STOP) {
            Reaction other = reaction == Reaction.LIKE ? Reaction.DISLIKE : Reaction.LIKE;
            replies.addAll(chat.reacted(TelegramUsers.PLATFORM, key, user, other, false));
        }
        Optional<Reaction> stored = rating(key);
        String notice = reaction == Reaction.STOP ? "Stopped."
                : stored.filter(reaction::equals).isPresent() ? "Saved: " + reaction.emoji()
                : "Not saved: " + reaction.emoji();
        Optional<String> forWhom = forWhom(user, here);
        return new Handled(Optional.of(notice), () -> {
            sender.editButtons(here, messageId, TelegramMessages.ratedKeyboard(stored, forWhom));
            sender.post(replies, user, here, forWhom);
            seen(user, here);
        });
    }

    /** /forget_me's question answered: only the person it asked may answer it, for their own data. */
    private Handled forget(ChatUser user, ChatTarget here, int messageId, long askedUserId, boolean delete) {
        if (!user.platformId().equals(Long.toString(askedUserId))) {
            return Handled.only(UserMessages.NOT_YOUR_QUESTION);
        }
        return new Handled(Optional.empty(), () -> {
            sender.editButtons(here, messageId, InlineKeyboardMarkup.builder().keyboard(List.of()).build());
            if (delete) {
                handle(user, new ChatCommand.ForgetMe(true), here, Optional.empty());
            } else {
                sender.tell(UserMessages.KEPT, here);
            }
        });
    }

    /**
     * One of several matches picked: whoever presses gets their own answer about that song, where
     * the question was asked (in a group, named, since Telegram does not show who pressed). The value
     * may be forged; the core takes only a track id from it.
     */
    private Handled pick(ChatUser user, ChatTarget here, String value) {
        Optional<ChatCommand> command = Reply.Choices.command(value);
        if (command.isEmpty()) {
            return Handled.only(UserMessages.UNKNOWN_BUTTON);
        }
        return new Handled(Optional.empty(), () -> {
            Optional<ChatTarget> answerTo = answerTarget(user, TelegramCommands.answersPrivately(command.get()),
                    TelegramCommands.written(command.get()), here);
            if (answerTo.isEmpty()) {
                return;
            }
            answerOf(user, command.get()).ifPresentOrElse(
                    replies -> sender.post(answerTo.get().group() ? named(user, replies) : replies, user, answerTo.get(),
                            forWhom(user, answerTo.get())),
                    () -> sender.tell(UserMessages.SOMETHING_WENT_WRONG, answerTo.get()));
            seen(user, here);
        });
    }

    /** "For Ben:" before each text answer, so that a group knows whose answer it is. */
    private static List<Reply> named(ChatUser user, List<Reply> replies) {
        return replies.stream().map(reply -> reply instanceof Reply.Text text
                ? new Reply.Text(RichText.builder().words("For ").outside(user.displayName(), Limit.NAME).words(":").line()
                        .append(text.content()).build())
                : reply).toList();
    }

    private void run(ChatUser user, ChatCommand command, ChatTarget here) {
        Optional<ChatTarget> answerTo = answerTarget(user, TelegramCommands.answersPrivately(command),
                TelegramCommands.written(command), here);
        if (answerTo.isEmpty()) {
            return;
        }
        if (command instanceof ChatCommand.ForgetMe(boolean confirmed) && !confirmed) {
            askToConfirm(user, answerTo.get());
            return;
        }
        handle(user, command, answerTo.get(), forWhom(user, answerTo.get()));
    }

    /** /forget_me without confirmation: what would be deleted, with the buttons that decide. */
    private void askToConfirm(ChatUser user, ChatTarget target) {
        Optional<List<Reply>> replies = answerOf(user, new ChatCommand.ForgetMe(false));
        if (replies.isEmpty()) {
            sender.tell(UserMessages.SOMETHING_WENT_WRONG, target);
            return;
        }
        List<TelegramMessages.Outgoing> messages = new ArrayList<>(TelegramMessages.render(replies.get(), Optional.empty()));
        if (!messages.isEmpty()) {
            TelegramMessages.Outgoing last = messages.removeLast();
            messages.add(new TelegramMessages.Outgoing(last.html(),
                    Optional.of(TelegramMessages.forgetQuestion(Long.parseLong(user.platformId()))), last.card(), false));
        }
        sender.send(messages, user, target).failure()
                .ifPresent(failure -> log.warn("Could not ask {} to confirm: {}", user.userId(), failure.getMessage()));
    }

    /** A command that takes a file, {@code /import}: the document is its file, fetched only if the command may run. */
    private void upload(ChatUser user, TelegramCommands.Parsed.Upload upload, Document document, ChatTarget here) {
        if (document == null) {
            sender.tell(UserMessages.SEND_THE_FILE, here);
            return;
        }
        Optional<ChatTarget> answerTo = answerTarget(user, upload.command().privateAnswer(),
                "/" + TelegramCommands.NAMING.written(upload.command().name()), here);
        if (answerTo.isEmpty()) {
            return;
        }
        // Over the import limit, or with an import still running, the file is not even fetched.
        Optional<String> refusal = chat.importRefusal(user);
        if (refusal.isPresent()) {
            sender.tell(RichText.message(refusal.get()), answerTo.get());
            return;
        }
        switch (files.fetch(document)) {
            case FileDownloads.Download.Ready ready -> {
                switch (TelegramCommands.read(upload.command(), upload.input().withFile(upload.fileOption(), ready.file()))) {
                    case TelegramCommands.Parsed.Run run -> handle(user, run.command(), answerTo.get(), Optional.empty());
                    case TelegramCommands.Parsed.Answer answer -> sender.tell(answer.text(), answerTo.get());
                    case TelegramCommands.Parsed.Upload again -> sender.tell(UserMessages.SEND_THE_FILE, answerTo.get());
                    case TelegramCommands.Parsed.NotOurs notOurs -> sender.tell(UserMessages.SEND_THE_FILE, answerTo.get());
                }
            }
            case FileDownloads.Download.Refused refused -> sender.tell(refused.message(), answerTo.get());
        }
    }

    /**
     * Where the answer to {@code command} goes: here, or for answers meant for one person asked in a
     * group, the user's private chat, if the bot may write there (a user must have started it); if
     * not, the group is told how to ask privately, and empty means the command is not run.
     */
    private Optional<ChatTarget> answerTarget(ChatUser user, boolean privateAnswer, String written, ChatTarget here) {
        if (!here.group() || !privateAnswer) {
            return Optional.of(here);
        }
        ChatTarget privately = ChatTarget.privateChat(Long.parseLong(user.platformId()));
        try {
            api.call(SendChatAction.builder().chatId(privately.chatId()).action(ActionType.TYPING.toString()).build());
        } catch (TelegramFailure failure) {
            if (failure.kind() == TelegramFailure.Kind.FORBIDDEN) {
                sender.tell(UserMessages.onlyInPrivate(written, botUsername), here);
                return Optional.empty();
            }
            log.debug("Could not check that {} can be written to privately: {}", user.userId(), failure.getMessage());
        }
        sender.tell(UserMessages.answeredInPrivate(user.displayName()), here);
        return Optional.of(privately);
    }

    private void handle(ChatUser user, ChatCommand command, ChatTarget target, Optional<String> forWhom) {
        answerOf(user, command).ifPresentOrElse(replies -> sender.post(replies, user, target, forWhom),
                () -> sender.tell(UserMessages.SOMETHING_WENT_WRONG, target));
    }

    /** The core's answer; empty when it failed, which is logged. */
    private Optional<List<Reply>> answerOf(ChatUser user, ChatCommand command) {
        try {
            return Optional.of(chat.handle(user, command));
        } catch (RuntimeException e) {
            log.error("{} failed for {}", command.getClass().getSimpleName(), user.userId(), e);
            return Optional.empty();
        }
    }

    private Optional<Reaction> rating(String key) {
        return chat.postedCard(TelegramUsers.PLATFORM, key).flatMap(ChatService.PostedCard::rating);
    }

    /**
     * Tells the core which group the user acted in, after their command or rating was handled: a
     * user who just asked to be forgotten is not recorded again.
     */
    private void seen(ChatUser user, ChatTarget here) {
        if (!here.group()) {
            return;
        }
        try {
            chat.seenIn(user, Long.toString(here.chatId()));
        } catch (RuntimeException e) {
            log.warn("Could not record that {} used tastebot in group {}", user.userId(), here.chatId(), e);
        }
    }

    /** In a group, the name shown on a user's cards, so that everyone sees whose they are. */
    private static Optional<String> forWhom(ChatUser user, ChatTarget target) {
        return target.group() ? Optional.of(user.displayName()) : Optional.empty();
    }

    /** Only 👍 and 👎 as plain emoji count; a custom emoji or a paid star never does. */
    private static Set<Reaction> ratings(List<ReactionType> reactions) {
        Set<Reaction> ratings = EnumSet.noneOf(Reaction.class);
        if (reactions != null) {
            for (ReactionType reaction : reactions) {
                if (reaction instanceof ReactionTypeEmoji emoji && emoji.getEmoji() != null) {
                    Reaction.parse(emoji.getEmoji()).filter(r -> r != Reaction.STOP).ifPresent(ratings::add);
                }
            }
        }
        return ratings;
    }
}
