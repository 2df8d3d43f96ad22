package dev.tastebot.chat;

import dev.tastebot.store.UserDeletion;
import dev.tastebot.text.RichText;
import dev.tastebot.training.RetrainOnNewRatings;
import dev.tastebot.training.UserModels;
import java.util.List;

/** {@code /forget-me}: says what would be deleted, and with confirmation deletes it, in memory too. */
final class ForgetMeCommand {
    private final ChatStores stores;
    private final UserModels userModels;
    private final RetrainOnNewRatings retrainer;
    private final List<UserForgetting> forgetting;

    ForgetMeCommand(ChatStores stores, UserModels userModels, RetrainOnNewRatings retrainer, List<UserForgetting> forgetting) {
        this.stores = stores;
        this.userModels = userModels;
        this.retrainer = retrainer;
        this.forgetting = List.copyOf(forgetting);
    }

    List<Reply> answer(ChatUser user, boolean confirmed) {
        if (!confirmed) {
            int ratings = stores.ratings().all(user.userId()).size();
            return List.of(new Reply.Text(RichText.builder().words("This deletes everything tastebot keeps about you: your "
                    + ratings + " ratings and their history, your models, sessions and settings. It cannot be undone. "
                    + "To go ahead, run ").command(ChatCommands.FORGET_ME).words(" with " + ChatCommands.CONFIRM + ".").build()));
        }
        UserDeletion deleted = stores.users().delete(user.userId());
        userModels.forget(user.userId());
        retrainer.forget(user.userId());
        // The limits' counts stay (they hold only when the user last started something): forgetting
        // must be no way around them.
        // After the rows are gone: what still runs for the user finds them gone and writes nothing back.
        forgetting.forEach(part -> part.forget(user.userId()));
        if (!deleted.removedAnything()) {
            return List.of(new Reply.Text("There was nothing to delete: tastebot keeps no data about you."));
        }
        return List.of(new Reply.Text("Done: deleted " + deleted.ratings() + " ratings, " + deleted.historyEntries()
                + " history entries and " + deleted.models() + " models, with your sessions and settings. "
                + "Nothing about you is left."));
    }
}
