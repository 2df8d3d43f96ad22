package dev.tastebot.chat;

import java.util.function.Supplier;
import dev.tastebot.store.CommunityStore;
import dev.tastebot.store.DailyDeliveryStore;
import dev.tastebot.store.Database;
import dev.tastebot.store.ModelStore;
import dev.tastebot.store.PostedSongStore;
import dev.tastebot.store.RatingSessionStore;
import dev.tastebot.store.RatingStore;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrainingDataStore;
import dev.tastebot.store.UserSettingsStore;
import dev.tastebot.store.UserStore;

/**
 * The stores the chat core reads and writes, passed as one, over {@code database}, in which several
 * of their writes can be made one.
 */
public record ChatStores(UserStore users, RatingStore ratings, TrackStore tracks, TrainingDataStore trainingData,
                         PostedSongStore posted, RatingSessionStore sessions, UserSettingsStore settings,
                         ModelStore models, CommunityStore communities, DailyDeliveryStore dailyDeliveries,
                         Database database) {

    /**
     * Runs {@code work}, whose store calls then commit together or not at all: one disk sync instead
     * of one per store, under one hold of the database. Busy-database handling is the store's:
     * the whole of {@code work} may run twice.
     */
    public <T> T atomically(Supplier<T> work) {
        return database.inTransaction(connection -> work.get());
    }
}
