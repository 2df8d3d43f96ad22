package dev.tastebot.telegram;

import dev.tastebot.chat.ChatService;
import dev.tastebot.chat.Reaction;
import dev.tastebot.chat.Reply;
import dev.tastebot.text.Limit;
import dev.tastebot.text.OutsideText;
import dev.tastebot.text.RichText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Turns core replies into Telegram messages: text answers in HTML ({@link TelegramHtml}), each
 * song card as one message with its buttons (👍 👎, and ⏹️ in a rating session) under it, and a
 * choice among matches as its question with one button per match.
 */
final class TelegramMessages {
    /** Marks the button of the rating a card's owner gave. */
    static final String RATED = " ✓";
    /** Longer button texts are cut by the apps anyway, mid-word. */
    private static final int MAX_BUTTON_TEXT = 64;

    /**
     * One message to send.
     *
     * @param card     set on a song card's message, which is registered with the core once sent
     * @param keyboard the card's buttons, or a question's
     * @param preview  whether Telegram may show a link preview (a song's Spotify page, under its card)
     */
    record Outgoing(String html, Optional<InlineKeyboardMarkup> keyboard, Optional<Reply.SongCard> card, boolean preview) {
    }

    private TelegramMessages() {
    }

    /**
     * @param forWhom in a group, the first name of the person the cards are for: shown on each card, and
     *     carried by its buttons to tell anyone else pressing them whose song it is
     */
    static List<Outgoing> render(List<Reply> replies, Optional<String> forWhom) {
        List<Outgoing> out = new ArrayList<>();
        for (Reply reply : replies) {
            switch (reply) {
                case Reply.Text text -> TelegramHtml.messages(text.content())
                        .forEach(html -> out.add(new Outgoing(html, Optional.empty(), Optional.empty(), false)));
                case Reply.Choices choices -> out.add(new Outgoing(TelegramHtml.oneMessage(choices.prompt()),
                        Optional.of(choiceKeyboard(choices)), Optional.empty(), false));
                case Reply.SongCard card -> {
                    String html = TelegramHtml.oneMessage(cardText(card, forWhom));
                    if (!html.isEmpty()) {
                        out.add(new Outgoing(html, Optional.of(keyboard(card.reactions(), Optional.empty(), forWhom)),
                                Optional.of(card), true));
                    }
                }
            }
        }
        return out;
    }

    /** A message of the adapter's own, in our words. */
    static Outgoing text(RichText text) {
        return new Outgoing(TelegramHtml.oneMessage(text), Optional.empty(), Optional.empty(), false);
    }

    /** "For Ana:" in groups, the title and artists, what else is known about it, why it was picked, and its link on the last line. */
    static RichText cardText(Reply.SongCard card, Optional<String> forWhom) {
        RichText.Builder text = RichText.builder();
        forWhom.ifPresent(name -> text.words("For ").outside(name, Limit.NAME).words(":").line());
        text.append(card.heading(" — "));
        if (!card.about().isBlank()) {
            text.line().append(card.about());
        }
        if (!card.why().isBlank()) {
            text.line().append(card.why());
        }
        if (!card.url().isBlank()) {
            text.line().link(card.url());
        }
        return text.build();
    }

    /** The buttons under a card: one per reaction, the one its owner gave marked. */
    static InlineKeyboardMarkup keyboard(List<Reaction> reactions, Optional<Reaction> rated, Optional<String> forWhom) {
        InlineKeyboardRow row = new InlineKeyboardRow();
        for (Reaction reaction : reactions) {
            String label = reaction.emoji() + (rated.filter(reaction::equals).isPresent() ? RATED : "");
            row.add(InlineKeyboardButton.builder().text(label).callbackData(CallbackData.rate(reaction, forWhom)).build());
        }
        return InlineKeyboardMarkup.builder().keyboardRow(row).build();
    }

    /** A rated card's buttons: 👍 and 👎, the rating stored marked; a session's ⏹️ moves on with the next song. */
    static InlineKeyboardMarkup ratedKeyboard(Optional<Reaction> rated, Optional<String> forWhom) {
        return keyboard(List.of(Reaction.LIKE, Reaction.DISLIKE), rated, forWhom);
    }

    /**
     * One button per match, one per row since labels are long: Telegram shows a button's text as it
     * is (no HTML), so a label is only made one clean, short line.
     */
    static InlineKeyboardMarkup choiceKeyboard(Reply.Choices choices) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (int i = 0; i < choices.choices().size(); i++) {
            ChatService.Choice choice = choices.choices().get(i);
            String label = OutsideText.oneLine(choice.label(), MAX_BUTTON_TEXT);
            String text = label.isEmpty() ? "Song " + (i + 1) : label;
            CallbackData.pick(choice.value()).ifPresent(data -> rows.add(new InlineKeyboardRow(
                    InlineKeyboardButton.builder().text(text).callbackData(data).build())));
        }
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    /** The answer to /forget_me: delete, or keep. */
    static InlineKeyboardMarkup forgetQuestion(long userId) {
        return InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                InlineKeyboardButton.builder().text("Delete everything").callbackData(CallbackData.forget(userId)).build(),
                InlineKeyboardButton.builder().text("Keep it").callbackData(CallbackData.keep(userId)).build())).build();
    }
}
