package dev.tastebot.chat;

import dev.tastebot.text.RichText;

/** The answer to /help: every declared command in one screen, written the asker's platform's way. */
final class HelpText {
    private HelpText() {
    }

    static RichText of(CommandNaming naming) {
        RichText.Builder text = RichText.builder().strong("tastebot")
                .words(" learns your music taste from your ratings and tells you whether you'll like a song.");
        for (CommandDeclaration command : ChatCommands.ALL) {
            text.line().words(command.usage(naming)).words(": " + command.help());
        }
        // In each platform's own words: the console types + and -, and has no reactions to remove.
        return text.line().words("Changed your mind? Give the song the other rating (").verdict(Reaction.DISLIKE.verdict())
                .words(" instead of ").verdict(Reaction.LIKE.verdict()).words("): the last one counts.").build();
    }
}
