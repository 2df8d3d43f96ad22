package dev.tastebot.chat;

import dev.tastebot.text.Limit;
import dev.tastebot.text.RichText;
import dev.tastebot.training.UserModels;
import java.util.List;
import java.util.Optional;

/**
 * {@code /retrain [user]}: retrains a model now, chosen anew. Anyone may retrain their own; only
 * admins someone else's. It may take a second or more: adapters answer commands off their event thread.
 */
final class RetrainCommand {
    private final ChatStores stores;
    private final UserModels userModels;
    private final Admins admins;
    private final FairUse fairUse;

    RetrainCommand(ChatStores stores, UserModels userModels, Admins admins, FairUse fairUse) {
        this.stores = stores;
        this.userModels = userModels;
        this.admins = admins;
        this.fairUse = fairUse;
    }

    List<Reply> answer(ChatUser asker, Optional<String> requested) {
        String target = requested.map(String::strip).filter(id -> !id.isEmpty()).orElse(asker.userId());
        boolean own = target.equals(asker.userId());
        if (!own && !admins.includes(asker)) {
            return List.of(new Reply.Text(RichText.builder().words("Only an admin can retrain someone else's model; ")
                    .command(ChatCommands.RETRAIN).words(" on its own retrains yours.").build()));
        }
        if (!CommandDeclaration.isUserId(target)) {
            return List.of(new Reply.Text("A user id looks like discord:123456789 or console:local."));
        }
        if (!stores.users().exists(target)) {
            return List.of(new Reply.Text(own
                    ? RichText.builder().words("You haven't rated anything yet, so there is no model to retrain. Start with ")
                            .command(ChatCommands.RATE).words(".").build()
                    : RichText.builder().words("I don't know ").outside(target, Limit.ECHO)
                            .words(": nobody with that id has rated anything here.").build()));
        }
        return fairUse.retrain(asker.userId(), target, () -> List.of(new Reply.Text(
                RetrainText.of(userModels.retrainNow(target), own ? Optional.empty() : Optional.of(target)))));
    }
}
