package dev.tastebot.chat;

import dev.tastebot.library.ImportOutcome;
import dev.tastebot.library.LibraryImporter;
import dev.tastebot.training.RetrainOnNewRatings;
import java.util.List;

/** {@code /import}: the saved songs of the user's Spotify privacy export become likes. */
final class ImportCommand {
    private final LibraryImporter importer;
    private final RetrainOnNewRatings retrainer;

    ImportCommand(LibraryImporter importer, RetrainOnNewRatings retrainer) {
        this.importer = importer;
        this.retrainer = retrainer;
    }

    List<Reply> answer(ChatUser user, ChatCommand.Import file) {
        ImportOutcome outcome = importer.importLikes(user.userId(), file.fileName(), file.content());
        if (outcome instanceof ImportOutcome.Imported imported && imported.newLikes() > 0) {
            retrainer.ratingsChanged(user.userId());
        }
        return List.of(new Reply.Text(outcome.message()));
    }
}
