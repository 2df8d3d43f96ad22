package dev.tastebot.chat;

import dev.tastebot.catalog.CatalogSearch;
import dev.tastebot.catalog.TrackFinder;
import dev.tastebot.catalog.TrackResolution;
import dev.tastebot.fairuse.HeavyWork;
import dev.tastebot.fairuse.Limit;
import dev.tastebot.fairuse.OneAtATime;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;
import dev.tastebot.library.LibraryExport;
import dev.tastebot.library.LibraryImporter;
import dev.tastebot.measure.SyntheticListener;
import dev.tastebot.recommend.CatalogCandidates;
import dev.tastebot.recommend.DailyPicker;
import dev.tastebot.store.BusyWait;
import dev.tastebot.store.CandidatePoolStore;
import dev.tastebot.store.RecommendedSongStore;
import dev.tastebot.store.CommunityStore;
import dev.tastebot.store.DailyDeliveryStore;
import dev.tastebot.store.Database;
import dev.tastebot.store.FeatureStore;
import dev.tastebot.store.ModelStore;
import dev.tastebot.store.PostedSongStore;
import dev.tastebot.store.RatingSessionStore;
import dev.tastebot.store.RatingStore;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrainingDataStore;
import dev.tastebot.store.TrustedSource;
import dev.tastebot.store.UserSettingsStore;
import dev.tastebot.store.UserStore;
import dev.tastebot.taste.ModelCodec;
import dev.tastebot.taste.TasteTrainer;
import dev.tastebot.training.RetrainOnNewRatings;
import dev.tastebot.training.UserModels;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * A chat core over a real SQLite file with a small synthetic catalogue, retraining on the calling
 * thread so tests see its effect at once. {@link #reopen()} plays a restart. Shared by the core's
 * tests and the adapters' tests that run against the real core.
 */
public final class ChatFixture implements AutoCloseable {
    public static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    public static final List<String> SOURCES = List.of("catalog");
    /** The one admin: may retrain other users' models. */
    public static final ChatUser ADMIN = new ChatUser("discord", "900", "Operator");
    /** Limits no test of other things reaches. */
    public static final FairUse.Limits GENEROUS = new FairUse.Limits(new Limit(10_000, Duration.ofSeconds(1)),
            new Limit(10_000, Duration.ofSeconds(1)), new Limit(10_000, Duration.ofSeconds(1)),
            new Limit(10_000, Duration.ofSeconds(1)));

    private final Path file;
    private final Clock clock;
    private final Map<String, Boolean> wouldLike = new LinkedHashMap<>();
    private final Function<Database, SpotifyAccounts> spotify;
    private final BusyWait busyWait;
    private final FairUse.Limits limits;
    private final HeavyWork heavy = new HeavyWork(2);
    private Database database;
    private UserModels userModels;
    private FairUse fairUse;
    private ChatCore core;

    /** Creates {@code tastebot.db} in {@code folder} with {@code catalogueSize} synthetic tracks and their features. */
    public ChatFixture(Path folder, int catalogueSize) {
        this(folder, catalogueSize, clock(), db -> SpotifyAccounts.NOT_CONFIGURED);
    }

    /** The same, with the core and its stores on {@code clock} (e.g. one the test moves). */
    public ChatFixture(Path folder, int catalogueSize, Clock clock) {
        this(folder, catalogueSize, clock, db -> SpotifyAccounts.NOT_CONFIGURED);
    }

    /** @param spotify the user's Spotify accounts over the fixture's database */
    public ChatFixture(Path folder, int catalogueSize, Function<Database, SpotifyAccounts> spotify) {
        this(folder, catalogueSize, clock(), spotify);
    }

    public ChatFixture(Path folder, int catalogueSize, Clock clock, Function<Database, SpotifyAccounts> spotify) {
        this(folder, catalogueSize, clock, spotify, GENEROUS, BusyWait.standard());
    }

    /** @param busyWait how the database waits while another connection holds its write lock */
    public ChatFixture(Path folder, int catalogueSize, BusyWait busyWait) {
        this(folder, catalogueSize, clock(), db -> SpotifyAccounts.NOT_CONFIGURED, GENEROUS, busyWait);
    }

    /** @param limits on the users' expensive commands, with {@code clock} telling their time */
    public ChatFixture(Path folder, int catalogueSize, Clock clock, Function<Database, SpotifyAccounts> spotify,
                       FairUse.Limits limits) {
        this(folder, catalogueSize, clock, spotify, limits, BusyWait.standard());
    }

    private ChatFixture(Path folder, int catalogueSize, Clock clock, Function<Database, SpotifyAccounts> spotify,
                        FairUse.Limits limits, BusyWait busyWait) {
        this.file = folder.resolve("tastebot.db");
        this.clock = clock;
        this.spotify = spotify;
        this.limits = limits;
        this.busyWait = busyWait;
        database = Database.open(file, busyWait);
        TrackStore tracks = new TrackStore(database, clock);
        FeatureStore features = new FeatureStore(database);
        List<RatedTrack> catalogue = SyntheticListener.balanced(77).ratings(catalogueSize);
        for (RatedTrack r : catalogue) {
            TrackData t = r.track();
            tracks.writeTrusted(TrustedSource.CATALOG,
                    List.of(new Track(t.trackId(), "Song " + t.trackId().substring(t.trackId().lastIndexOf('-') + 1),
                    t.artists(), Optional.empty(), OptionalInt.empty(), Optional.empty(), OptionalInt.empty(),
                    OptionalLong.empty(), t.genres().stream().findFirst())));
            features.put(t.trackId(), "catalog", t.features(), NOW);
            wouldLike.put(t.trackId(), r.liked());
        }
        build();
    }

    private void build() {
        Database db = database;
        ChatStores stores = new ChatStores(new UserStore(db), new RatingStore(db), new TrackStore(db, clock),
                new TrainingDataStore(db), new PostedSongStore(db), new RatingSessionStore(db), new UserSettingsStore(db),
                new ModelStore(db), new CommunityStore(db), new DailyDeliveryStore(db), db);
        userModels = new UserModels(stores.trainingData(), stores.ratings(), stores.models(),
                new TasteTrainer(TasteTrainer.Options.defaults()), new ModelCodec(), SOURCES, clock);
        OneAtATime retraining = new OneAtATime();
        RetrainOnNewRatings retrainer = new RetrainOnNewRatings(userModels, stores.ratings(), stores.models(),
                TasteTrainer.Options.DEFAULT_MIN_RATINGS, Runnable::run, retraining);
        fairUse = new FairUse(limits, retraining, heavy, clock);
        CatalogCandidates candidates = new CatalogCandidates(new CandidatePoolStore(db), stores.posted(),
                stores.trainingData(), userModels, SOURCES, userId -> { }, new RecommendedSongStore(db), userId -> { }, 1);
        LibraryImporter importer = new LibraryImporter(new LibraryExport(), stores.tracks(), stores.ratings(), clock, ids -> { },
                50_000);
        SpotifyAccounts accounts = spotify.apply(db);
        // As the application wires it: Spotify accounts that keep something in memory forget it with the user.
        List<UserForgetting> forgetting = accounts instanceof UserForgetting keeping ? List.of(keeping) : List.of();
        core = new ChatCore(stores, userModels, retrainer, candidates, lookup(db, fairUse), importer, accounts,
                SOURCES, clock, new Admins(java.util.Set.of(ADMIN.userId())), fairUse, forgetting);
    }

    /**
     * Finds the synthetic tracks by their exact id (the value Discord's autocompletion sends back),
     * answers "several" with two choices, and leaves everything else to the real track finder over
     * the catalogue (album links, unknown tracks...).
     */
    private static TrackLookup lookup(Database db, FairUse fairUse) {
        CatalogSearch search = new CatalogSearch(db);
        TrackFinder finder = new TrackFinder(search, Optional.empty(), fairUse.lookups());
        return new TrackLookup() {
            @Override
            public Lookup resolve(String userId, String typed) {
                if (search.find(typed).isPresent()) {
                    return new Lookup.Found(typed);
                }
                if (typed.equals("several")) {
                    return new Lookup.Several(List.of(new ChatService.Choice("A - One", "a1"), new ChatService.Choice("A - Two", "a2")));
                }
                return switch (finder.resolve(userId, typed)) {
                    case TrackResolution.Found found -> new Lookup.Found(found.match().trackId());
                    case TrackResolution.Choices choices -> new Lookup.Several(choices.matches().stream()
                            .map(m -> new ChatService.Choice(m.title(), m.trackId())).toList());
                    case TrackResolution.NotFound notFound -> new Lookup.Problem(notFound.message());
                    case TrackResolution.Later later -> new Lookup.Problem(later.message());
                    case TrackResolution.NotATrack notATrack -> new Lookup.Problem(notATrack.message());
                    case TrackResolution.Invalid invalid -> new Lookup.Problem(invalid.message());
                };
            }

            @Override
            public List<ChatService.Choice> suggest(String typed, int limit) {
                return List.of(new ChatService.Choice("suggested " + typed, typed));
            }
        };
    }

    /**
     * Stores a track with this title, artists and genre (as a catalogue import would, outside words
     * and all), with the audio features of the first synthetic track, so it can be scored at once.
     */
    public void addTrack(String trackId, String title, List<String> artists, Optional<String> genre) {
        TrackData model = new TrainingDataStore(database).track(wouldLike.keySet().iterator().next(), SOURCES).orElseThrow();
        tracks().writeTrusted(TrustedSource.CATALOG, List.of(new Track(trackId, title, artists, Optional.empty(),
                OptionalInt.empty(), Optional.empty(), OptionalInt.empty(), OptionalLong.empty(), genre)));
        new FeatureStore(database).put(trackId, "catalog", model.features(), NOW);
    }

    public static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    /** The core's limits on expensive commands; a new one after {@link #reopen()}. */
    public FairUse fairUse() {
        return fairUse;
    }

    /** The core over the database as it is now; a new one after {@link #reopen()}. */
    public ChatCore core() {
        return core;
    }

    /** The hidden taste of the synthetic listener, by track id, in catalogue order. */
    public Map<String, Boolean> wouldLike() {
        return Collections.unmodifiableMap(wouldLike);
    }

    /** Plays a restart: closes the database, opens the same file again and builds a new core over it. */
    public void reopen() {
        database.close();
        database = Database.open(file, busyWait);
        build();
    }

    /** The database as it is now; a new one after {@link #reopen()}. */
    public Database database() {
        return database;
    }

    /** The core's taste models: {@code retrain} gives a user a model at once. */
    public UserModels userModels() {
        return userModels;
    }

    /**
     * Daily messages of {@code songs} songs over the database as it is now, each round drawing the
     * whole synthetic catalogue as its sample so the test knows what can be picked.
     */
    public DailyMessages dailyMessages(int songs) {
        return new DailyMessages(new DailyPicker(new CandidatePoolStore(database), tracks(), new TrainingDataStore(database),
                ratings(), posted(), userModels, SOURCES, songs, wouldLike.size(), 7));
    }

    public RatingStore ratings() {
        return new RatingStore(database);
    }

    public PostedSongStore posted() {
        return new PostedSongStore(database);
    }

    public TrackStore tracks() {
        return new TrackStore(database, clock);
    }

    public RatingSessionStore sessions() {
        return new RatingSessionStore(database);
    }

    public UserSettingsStore settings() {
        return new UserSettingsStore(database);
    }

    public UserStore users() {
        return new UserStore(database);
    }

    public CommunityStore communities() {
        return new CommunityStore(database);
    }

    public CandidatePoolStore candidatePool() {
        return new CandidatePoolStore(database);
    }

    public ModelStore models() {
        return new ModelStore(database);
    }

    @Override
    public void close() {
        heavy.close();
        database.close();
    }
}
