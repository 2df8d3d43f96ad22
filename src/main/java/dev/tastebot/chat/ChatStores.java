package dev.tastebot.chat;

import dev.tastebot.store.CommunityStore;
import dev.tastebot.store.DailyDeliveryStore;
import dev.tastebot.store.ModelStore;
import dev.tastebot.store.PostedSongStore;
import dev.tastebot.store.RatingSessionStore;
import dev.tastebot.store.RatingStore;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrainingDataStore;
import dev.tastebot.store.UserSettingsStore;
import dev.tastebot.store.UserStore;

/** The stores the chat core reads and writes, passed as one. */
public record ChatStores(UserStore users, RatingStore ratings, TrackStore tracks, TrainingDataStore trainingData,
                         PostedSongStore posted, RatingSessionStore sessions, UserSettingsStore settings,
                         ModelStore models, CommunityStore communities, DailyDeliveryStore dailyDeliveries) {
}
