package dev.tastebot.chat;

import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;
import dev.tastebot.library.LibraryExport;
import dev.tastebot.library.LibraryImporter;
import dev.tastebot.measure.SyntheticListener;
import dev.tastebot.recommend.CatalogCandidates;
import dev.tastebot.store.CandidatePoolStore;
import dev.tastebot.store.Database;
import dev.tastebot.store.FeatureStore;
import dev.tastebot.store.ModelStore;
import dev.tastebot.store.PostedSongStore;
import dev.tastebot.store.RatingSessionStore;
import dev.tastebot.store.RatingStore;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrainingDataStore;
import dev.tastebot.store.UserSettingsStore;
import dev.tastebot.store.UserStore;
import dev.tastebot.taste.ModelCodec;
import dev.tastebot.taste.TasteTrainer;
import dev.tastebot.training.RetrainOnNewRatings;
import dev.tastebot.training.UserModels;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A chat core over a real SQLite file with a small synthetic catalogue, retraining on the calling
 * thread so tests see its effect at once. {@link #reopen()} plays a restart.
 */
final class ChatFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    static final List<String> SOURCES = List.of("catalog");

    final Path file;
    final Map<String, String> lookupAnswers = new HashMap<>();
    Database database;
    ChatCore core;
    /** The hidden taste of the synthetic listener, by track id. */
    final Map<String, Boolean> wouldLike = new HashMap<>();

    ChatFixture(Path folder, int catalogueSize) {
        this.file = folder.resolve("tastebot.db");
        database = Database.open(file);
        TrackStore tracks = new TrackStore(database, Clock.fixed(NOW, ZoneOffset.UTC));
        FeatureStore features = new FeatureStore(database);
        List<RatedTrack> catalogue = SyntheticListener.balanced(77).ratings(catalogueSize);
        for (RatedTrack r : catalogue) {
            TrackData t = r.track();
            tracks.upsert(new Track(t.trackId(), "Song " + t.trackId().substring(t.trackId().lastIndexOf('-') + 1),
                    t.artists(), Optional.empty(), OptionalInt.empty(), Optional.empty(), OptionalInt.empty(),
                    OptionalLong.empty(), t.genre()));
            features.put(t.trackId(), "catalog", t.features(), NOW);
            wouldLike.put(t.trackId(), r.liked());
        }
        core = build(database);
    }

    private ChatCore build(Database db) {
        ChatStores stores = new ChatStores(new UserStore(db), new RatingStore(db), new TrackStore(db, clock()),
                new TrainingDataStore(db), new PostedSongStore(db), new RatingSessionStore(db), new UserSettingsStore(db),
                new ModelStore(db));
        UserModels userModels = new UserModels(stores.trainingData(), stores.models(),
                new TasteTrainer(TasteTrainer.Options.defaults()), new ModelCodec(), SOURCES, clock());
        RetrainOnNewRatings retrainer = new RetrainOnNewRatings(userModels, stores.ratings(), stores.models(),
                TasteTrainer.Options.DEFAULT_MIN_RATINGS, Runnable::run);
        CatalogCandidates candidates = new CatalogCandidates(new CandidatePoolStore(db), stores.posted(),
                stores.trainingData(), SOURCES);
        LibraryImporter importer = new LibraryImporter(new LibraryExport(), stores.tracks(), stores.ratings(), clock(), ids -> { });
        return new ChatCore(stores, userModels, retrainer, candidates, lookup(), importer, SpotifyAccounts.NOT_CONFIGURED,
                SOURCES, clock());
    }

    /** Finds tracks by exact id; other text answers as {@link #lookupAnswers} says, else "not found". */
    private TrackLookup lookup() {
        return new TrackLookup() {
            @Override
            public Lookup resolve(String typed) {
                if (wouldLike.containsKey(typed)) {
                    return new Lookup.Found(typed);
                }
                if (typed.equals("several")) {
                    return new Lookup.Several(List.of(new ChatService.Choice("A - One", "a1"), new ChatService.Choice("A - Two", "a2")));
                }
                return new Lookup.Problem(lookupAnswers.getOrDefault(typed, "I don't know that track yet."));
            }

            @Override
            public List<ChatService.Choice> suggest(String typed, int limit) {
                return List.of(new ChatService.Choice("suggested " + typed, typed));
            }
        };
    }

    static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    void reopen() {
        database.close();
        database = Database.open(file);
        core = build(database);
    }

    RatingStore ratings() {
        return new RatingStore(database);
    }

    @Override
    public void close() {
        database.close();
    }
}
