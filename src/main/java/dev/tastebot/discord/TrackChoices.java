package dev.tastebot.discord;

import dev.tastebot.chat.ChatService;
import dev.tastebot.text.OutsideText;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/** Track suggestions as Discord autocomplete choices, within Discord's limits. */
final class TrackChoices {
    private TrackChoices() {
    }

    static List<Command.Choice> of(List<ChatService.Choice> suggestions) {
        return suggestions.stream()
                .filter(s -> s.value() != null && !s.value().isBlank())
                .limit(OptionData.MAX_CHOICES)
                .map(s -> new Command.Choice(
                        label(s.label() == null || OutsideText.clean(s.label()).isEmpty() ? s.value() : s.label()),
                        cut(s.value().strip(), OptionData.MAX_CHOICE_VALUE_LENGTH)))
                .toList();
    }

    /**
     * Discord shows a choice's name as plain text (no markdown, no mentions), but it comes from
     * outside: one clean line, and a shortened one says so with an ellipsis.
     */
    private static String label(String label) {
        return OutsideText.oneLine(label, OptionData.MAX_CHOICE_NAME_LENGTH);
    }

    /** Never splits a surrogate pair, which Discord would reject as invalid text. */
    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
