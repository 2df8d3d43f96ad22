package dev.tastebot;

import dev.tastebot.chat.ChatCore;
import dev.tastebot.chat.ChatStores;
import dev.tastebot.chat.TrackLookup;
import dev.tastebot.config.FeatureSourceKind;
import dev.tastebot.config.TastebotConfig;
import dev.tastebot.library.LibraryExport;
import dev.tastebot.library.LibraryImporter;
import dev.tastebot.recommend.CatalogCandidates;
import dev.tastebot.store.CandidatePoolStore;
import dev.tastebot.store.Database;
import dev.tastebot.store.FeatureStore;
import dev.tastebot.store.ModelStore;
import dev.tastebot.store.PostedSongStore;
import dev.tastebot.store.RatingSessionStore;
import dev.tastebot.store.RatingStore;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrainingDataStore;
import dev.tastebot.store.UserSettingsStore;
import dev.tastebot.store.UserStore;
import dev.tastebot.taste.ModelCodec;
import dev.tastebot.taste.TasteTrainer;
import dev.tastebot.training.RetrainOnNewRatings;
import dev.tastebot.training.UserModels;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The running bot's object graph, built with plain constructors from the configuration: one
 * database, its stores, the taste models and the chat core. Closing it waits for background
 * training and closes the database.
 */
final class Application implements AutoCloseable {
    final Database database;
    final ChatStores stores;
    final FeatureStore features;
    final ChatCore chat;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    /** @param lookupFor builds the track lookup over the opened database */
    Application(TastebotConfig config, Clock clock, Function<Database, TrackLookup> lookupFor) {
        this.database = Database.open(config.database().path());
        List<String> featureSources = config.features().sources().stream().map(FeatureSourceKind::configName).toList();
        this.stores = new ChatStores(new UserStore(database), new RatingStore(database), new TrackStore(database, clock),
                new TrainingDataStore(database), new PostedSongStore(database), new RatingSessionStore(database),
                new UserSettingsStore(database), new ModelStore(database));
        this.features = new FeatureStore(database);
        int minRatings = config.training().minRatings();
        UserModels userModels = new UserModels(stores.trainingData(), stores.models(),
                new TasteTrainer(TasteTrainer.Options.withMinRatings(minRatings)), new ModelCodec(), featureSources, clock);
        RetrainOnNewRatings retrainer = new RetrainOnNewRatings(userModels, stores.ratings(), stores.models(), minRatings,
                background);
        CatalogCandidates candidates = new CatalogCandidates(new CandidatePoolStore(database), stores.posted(),
                stores.trainingData(), featureSources);
        LibraryImporter importer = new LibraryImporter(new LibraryExport(), stores.tracks(), stores.ratings(), clock);
        this.chat = new ChatCore(stores, userModels, retrainer, candidates, lookupFor.apply(database), importer,
                featureSources, clock);
    }

    @Override
    public void close() {
        background.close();
        database.close();
    }
}
