package dev.tastebot;

import dev.tastebot.catalog.ChainedRemoteLookup;
import dev.tastebot.catalog.LikedArtistSearch;
import dev.tastebot.catalog.ReccoBeatsRecommendations;
import dev.tastebot.catalog.ReccoBeatsRemoteLookup;
import dev.tastebot.catalog.RemoteTrackLookup;
import dev.tastebot.catalog.SpotifyRemoteLookup;
import dev.tastebot.chat.Admins;
import dev.tastebot.chat.ChatCore;
import dev.tastebot.chat.ChatStores;
import dev.tastebot.chat.DailyMessages;
import dev.tastebot.chat.FairUse;
import dev.tastebot.chat.SpotifyAccounts;
import dev.tastebot.chat.UserLanes;
import dev.tastebot.chat.UserForgetting;
import dev.tastebot.config.DatabaseSync;
import dev.tastebot.config.FeatureSourceKind;
import dev.tastebot.config.Secret;
import dev.tastebot.config.TastebotConfig;
import dev.tastebot.discord.DiscordUsers;
import dev.tastebot.fairuse.HeavyWork;
import dev.tastebot.fairuse.Limit;
import dev.tastebot.fairuse.OneAtATime;
import dev.tastebot.features.sources.ConfiguredSources;
import dev.tastebot.features.sources.FeatureChain;
import dev.tastebot.features.sources.FeatureQueue;
import dev.tastebot.features.sources.ReccoBeatsApi;
import dev.tastebot.library.LibraryExport;
import dev.tastebot.library.LibraryImporter;
import dev.tastebot.library.LibrarySync;
import dev.tastebot.recommend.CatalogCandidates;
import dev.tastebot.recommend.DailyPicker;
import dev.tastebot.schedule.DailyRound;
import dev.tastebot.schedule.DailyScheduler;
import dev.tastebot.schedule.NightlyRetraining;
import dev.tastebot.schedule.NightlyScheduler;
import dev.tastebot.spotify.LinkedSpotifyAccounts;
import dev.tastebot.spotify.SongsToRatePlaylist;
import dev.tastebot.spotify.api.SpotifyWeb;
import dev.tastebot.spotify.api.UserTokens;
import dev.tastebot.spotify.auth.AppTokens;
import dev.tastebot.spotify.auth.LinkStates;
import dev.tastebot.spotify.auth.SpotifyCallback;
import dev.tastebot.spotify.auth.SpotifyLinking;
import dev.tastebot.store.ArtistSearchStore;
import dev.tastebot.store.CandidatePoolStore;
import dev.tastebot.store.CommunityStore;
import dev.tastebot.store.DailyDeliveryStore;
import dev.tastebot.store.Database;
import dev.tastebot.store.FeatureStore;
import dev.tastebot.store.LibrarySyncStore;
import dev.tastebot.store.ModelStore;
import dev.tastebot.store.PostedSongStore;
import dev.tastebot.store.RatingSessionStore;
import dev.tastebot.store.RatingStore;
import dev.tastebot.store.RecommendedSongStore;
import dev.tastebot.store.SpotifyLinkStore;
import dev.tastebot.store.SpotifyPlaylistStore;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrainingDataStore;
import dev.tastebot.store.TrainingRun;
import dev.tastebot.store.TrainingRunStore;
import dev.tastebot.store.UserSettingsStore;
import dev.tastebot.store.UserStore;
import dev.tastebot.telegram.TelegramUsers;
import dev.tastebot.taste.ModelCodec;
import dev.tastebot.taste.TasteTrainer;
import dev.tastebot.training.RetrainOnNewRatings;
import dev.tastebot.training.UserModels;
import dev.tastebot.web.CallbackHandler;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.slf4j.LoggerFactory;

/**
 * The running bot's object graph, built with plain constructors from the configuration: one
 * database, its stores, the taste models and the chat core. Closing it stops the schedulers, lets
 * training in progress finish (within a bound) while dropping what waits, stops fetching audio
 * features within a few seconds and closes the database.
 */
final class Application implements AutoCloseable {
    final Database database;
    final ChatStores stores;
    final FeatureStore features;
    final ChatCore chat;
    /** The web callback that completes Spotify links; empty when Spotify is not configured. */
    final Optional<CallbackHandler> spotifyCallback;
    /** Nightly retraining; started by {@code run}, stopped when the application closes. */
    final NightlyScheduler nightly;
    /** Daily recommendation messages; started by {@code run} with its outbox, stopped when the application closes. */
    final DailyScheduler daily;
    /**
     * Daily messages prepared and sent at once. Preparing is quick and Discord queues what it
     * rate-limits, so a few more than the cores keep both busy without a flood of waiting requests.
     */
    private static final int DAILY_CONCURRENCY = 16;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    /** Training and imports; see {@link HeavyWork#threadsFor}. */
    private final HeavyWork heavy;
    /** Audio features of imported, synced and looked-up songs, fetched in the background. */
    private final FeatureQueue featureQueue;
    /** ReccoBeats' track endpoints, when {@code reccobeats.songs} is on; its request counts are logged at close. */
    private final Optional<ReccoBeatsApi> reccoBeats;
    /**
     * Each chat user's events, one at a time in the platform's order; shared by the chat adapters
     * (user ids name their platform). A person has no reason to have more waiting than this.
     */
    final UserLanes lanes;
    private static final int MAX_WAITING_EVENTS = 50;

    Application(TastebotConfig config, Clock clock) {
        this.database = Database.open(config.database().path(), config.database().sync() == DatabaseSync.FULL);
        this.lanes = UserLanes.onVirtualThreads(new UserLanes.Flood(limit(config.limits().events()), MAX_WAITING_EVENTS),
                clock);
        List<String> featureSources = config.features().sources().stream().map(FeatureSourceKind::configName).toList();
        this.stores = new ChatStores(new UserStore(database), new RatingStore(database), new TrackStore(database, clock),
                new TrainingDataStore(database), new PostedSongStore(database), new RatingSessionStore(database),
                new UserSettingsStore(database), new ModelStore(database), new CommunityStore(database),
                new DailyDeliveryStore(database), database);
        this.features = new FeatureStore(database);
        // One client, one connection pool, for Spotify's accounts service: the app token and every user's tokens.
        HttpClient spotifyAccounts = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.heavy = new HeavyWork(HeavyWork.threadsFor(config.training().threads(),
                Runtime.getRuntime().availableProcessors()));
        OneAtATime retraining = new OneAtATime();
        FairUse fairUse = new FairUse(limits(config.limits()), retraining, heavy, clock);
        AppTokens appTokens = new AppTokens(config.spotify().accountsBaseUrl(), config.spotify().clientId(),
                config.spotify().clientSecret().map(Secret::value), spotifyAccounts, clock);
        FeatureChain featureChain = new FeatureChain(ConfiguredSources.of(config, features, appTokens), features, clock);
        // Fetching audio features may wait on remote services: never on the way to an answer.
        this.featureQueue = new FeatureQueue(featureChain::featuresFor);
        Consumer<List<String>> featuresWanted = featureQueue;
        SpotifyWeb spotifyWeb = new SpotifyWeb(config.spotify().apiBaseUrl(), duration -> Thread.sleep(duration),
                Duration.ofSeconds(60));
        Optional<SpotifyRemoteLookup> spotifyLookup = config.spotify().clientId().isPresent()
                ? Optional.of(new SpotifyRemoteLookup(spotifyWeb, appTokens, stores.tracks(), featuresWanted))
                : Optional.empty();
        // ReccoBeats is free and needs no key: asked first, so Spotify (where set up) only about what it lacks.
        this.reccoBeats = config.reccoBeats().songs()
                ? Optional.of(new ReccoBeatsApi(config.reccoBeats().baseUrl()))
                : Optional.empty();
        List<RemoteTrackLookup> remoteLookups = new ArrayList<>();
        reccoBeats.ifPresent(api -> remoteLookups.add(new ReccoBeatsRemoteLookup(api, stores.tracks(), featuresWanted)));
        spotifyLookup.ifPresent(remoteLookups::add);
        Optional<RemoteTrackLookup> remote = ChainedRemoteLookup.of(remoteLookups);
        Optional<ReccoBeatsRecommendations> recommendations = reccoBeats.map(api -> new ReccoBeatsRecommendations(api,
                new RecommendedSongStore(database), stores.tracks(), featuresWanted, background, clock));
        Consumer<String> recommendationsRunningLow = recommendations
                .<Consumer<String>>map(source -> source::requestRefill).orElse(userId -> { });
        // Songs by liked artists are searched for with the same app token, never while someone waits.
        Optional<LikedArtistSearch> likedArtistSearch = spotifyLookup
                .map(lookup -> new LikedArtistSearch(lookup, new ArtistSearchStore(database), background, clock));
        Consumer<String> likedArtistsRunningLow = likedArtistSearch
                .<Consumer<String>>map(search -> search::requestRefill).orElse(userId -> { });
        int minRatings = config.training().minRatings();
        UserModels userModels = new UserModels(stores.trainingData(), stores.ratings(), stores.models(),
                new TasteTrainer(TasteTrainer.Options.withMinRatings(minRatings), clock), new ModelCodec(), featureSources, clock);
        TrainingRunStore trainingRuns = new TrainingRunStore(database);
        NightlyRetraining nightlyRetraining = new NightlyRetraining(userModels::retrainKeepingBetter, stores.ratings(),
                stores.models(), trainingRuns, minRatings, config.training().threads(), clock);
        this.nightly = new NightlyScheduler(clock, ZoneId.systemDefault(), config.training().nightlyTime(),
                Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("tastebot-nightly").daemon().factory()),
                nightlyRetraining::runNow, () -> trainingRuns.latest().map(TrainingRun::startedAt));
        RetrainOnNewRatings retrainer = new RetrainOnNewRatings(userModels, stores.ratings(), stores.models(), minRatings,
                heavy, retraining);
        CatalogCandidates candidates = new CatalogCandidates(new CandidatePoolStore(database), stores.posted(),
                stores.trainingData(), userModels, featureSources, likedArtistsRunningLow, new RecommendedSongStore(database),
                recommendationsRunningLow, clock.millis());
        DailyPicker dailyPicker = new DailyPicker(new CandidatePoolStore(database), stores.tracks(), stores.trainingData(),
                stores.ratings(), stores.posted(), userModels, featureSources, config.daily().songs(),
                config.daily().candidates(), clock.millis());
        DailyRound dailyRound = new DailyRound(stores.dailyDeliveries(), stores.settings(), new DailyMessages(dailyPicker),
                DAILY_CONCURRENCY, clock);
        this.daily = new DailyScheduler(dailyRound, Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("tastebot-daily").daemon().factory()));
        LibraryImporter importer = new LibraryImporter(new LibraryExport(), stores.tracks(), stores.ratings(), clock,
                featuresWanted, config.imports().maxSongs());
        SecureRandom random = new SecureRandom();
        SpotifyLinking linking = new SpotifyLinking(config.spotify(), config.tokenEncryptionKey(),
                new SpotifyLinkStore(database), new LinkStates(random), spotifyAccounts, random, clock);
        UserTokens userTokens = new UserTokens() {
            @Override
            public Optional<String> current(String userId) {
                return linking.accessToken(userId);
            }

            @Override
            public Optional<String> refreshed(String userId) {
                return linking.refreshedAccessToken(userId);
            }
        };
        LibrarySync librarySync = new LibrarySync(spotifyWeb, userTokens, new LibrarySyncStore(database), stores.tracks(),
                stores.ratings(), clock, config.imports().maxSongs());
        SongsToRatePlaylist playlist = new SongsToRatePlaylist(config.spotify().playlists(), linking, userTokens, spotifyWeb,
                new SpotifyPlaylistStore(database), clock);
        LinkedSpotifyAccounts accounts = new LinkedSpotifyAccounts(linking, librarySync, playlist, featuresWanted,
                retrainer::ratingsChanged, background);
        boolean spotifyConfigured = config.spotify().clientId().isPresent();
        this.spotifyCallback = spotifyConfigured
                ? Optional.of(new SpotifyCallback(linking, accounts::syncInBackground))
                : Optional.empty();
        // What /forget-me clears besides the database: tokens, link attempts, a sync waiting to run, refill times.
        List<UserForgetting> forgetting = new ArrayList<>(List.of(accounts));
        likedArtistSearch.ifPresent(search -> forgetting.add(search::forget));
        recommendations.ifPresent(source -> forgetting.add(source::forget));
        this.chat = new ChatCore(stores, userModels, retrainer, candidates,
                CatalogTrackLookup.over(database, remote, fairUse.lookups()), importer,
                spotifyConfigured ? accounts : SpotifyAccounts.NOT_CONFIGURED, featureSources, clock, admins(config), fairUse,
                forgetting);
    }

    private static FairUse.Limits limits(TastebotConfig.Limits limits) {
        return new FairUse.Limits(limit(limits.retrain()), limit(limits.playlist()), limit(limits.imports()),
                limit(limits.lookups()));
    }

    private static Limit limit(TastebotConfig.Rate rate) {
        return new Limit(rate.times(), rate.per());
    }

    /** The configured Discord and Telegram admins, and the console's local user: whoever sits at the terminal runs the bot. */
    private static Admins admins(TastebotConfig config) {
        Set<String> userIds = new HashSet<>();
        config.discord().adminIds().forEach(id -> userIds.add(DiscordUsers.userId(id)));
        config.telegram().adminIds().forEach(id -> userIds.add(TelegramUsers.userId(id)));
        userIds.add(RunCommand.CONSOLE_USER.userId());
        return new Admins(userIds);
    }

    @Override
    public void close() {
        lanes.close();
        // Before the database closes: a run in progress still writes models and its record.
        daily.stop();
        nightly.stop();
        heavy.close();
        featureQueue.close();
        background.close();
        reccoBeats.map(ReccoBeatsApi::requestCounts).filter(counts -> !counts.isEmpty())
                .ifPresent(counts -> LoggerFactory.getLogger(Application.class).info("Requests sent to ReccoBeats: {}", counts));
        database.close();
    }
}
