package dev.tastebot.discord;

import dev.tastebot.chat.ChatCommand;
import dev.tastebot.chat.ChatService;
import dev.tastebot.chat.Reply;
import dev.tastebot.text.OutsideText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;

/**
 * A choice among matches as Discord buttons under the question, and a pressed button read back.
 * A button's custom id is {@code pick:} and the choice's value; a modified client can send any
 * custom id, so a press is read only through {@link Reply.Choices#command}, which takes a track id
 * and nothing else.
 */
final class ChoiceButtons {
    /** Discord's limit: five rows of five buttons. */
    static final int MAX_BUTTONS = 25;
    private static final String PICK = "pick:";

    private ChoiceButtons() {
    }

    /**
     * One button per choice, five to a row. A label is shown as plain text (no Markdown, no
     * mentions) but comes from outside: one clean line, shortened with an ellipsis. A value too long
     * for a custom id gets no button, since Discord would refuse the whole message.
     */
    static List<ActionRow> of(Reply.Choices choices) {
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < choices.choices().size() && buttons.size() < MAX_BUTTONS; i++) {
            ChatService.Choice choice = choices.choices().get(i);
            String customId = PICK + choice.value();
            if (customId.length() > Button.ID_MAX_LENGTH) {
                continue;
            }
            String label = OutsideText.oneLine(choice.label(), Button.LABEL_MAX_LENGTH);
            buttons.add(Button.secondary(customId, label.isEmpty() ? "Song " + (i + 1) : label));
        }
        return buttons.isEmpty() ? List.of() : ActionRow.partitionOf(buttons);
    }

    /** What a pressed button asks; empty for a custom id that is not a choice's, or names no track. */
    static Optional<ChatCommand> command(String customId) {
        if (customId == null || !customId.startsWith(PICK)) {
            return Optional.empty();
        }
        return Reply.Choices.command(customId.substring(PICK.length()));
    }
}
