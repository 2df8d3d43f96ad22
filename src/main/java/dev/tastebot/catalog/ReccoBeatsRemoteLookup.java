package dev.tastebot.catalog;

import dev.tastebot.features.sources.FeatureSourceException;
import dev.tastebot.features.sources.ReccoBeatsApi;
import dev.tastebot.features.sources.ReccoBeatsArtist;
import dev.tastebot.features.sources.ReccoBeatsTrack;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrustedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Asks ReccoBeats, free and without any key, for tracks the local catalogue lacks: a Spotify id
 * through its track endpoint, free text through its artist search and that artist's tracks. Every
 * track it names is stored as a trusted source's (ReccoBeats answers the same for every user), so
 * it can be scored and rated like any other, and {@code featuresWanted} hears its id.
 */
public final class ReccoBeatsRemoteLookup implements RemoteTrackLookup {
    /** Artists whose tracks are read for one search, at most: each costs a request. */
    static final int ARTISTS_PER_SEARCH = 2;
    private static final int ARTISTS_FOUND = 5;
    private static final Logger log = LoggerFactory.getLogger(ReccoBeatsRemoteLookup.class);

    private final ReccoBeatsApi api;
    private final TrackStore tracks;
    private final Consumer<List<String>> featuresWanted;

    public ReccoBeatsRemoteLookup(ReccoBeatsApi api, TrackStore tracks, Consumer<List<String>> featuresWanted) {
        this.api = api;
        this.tracks = tracks;
        this.featuresWanted = featuresWanted;
    }

    @Override
    public String name() {
        return "ReccoBeats";
    }

    @Override
    public Optional<Match> byId(String id) {
        try {
            return stored(api.tracks(List.of(id)).values()).stream().findFirst();
        } catch (FeatureSourceException e) {
            // A lookup that fails is a lookup that found nothing; the chat says "unknown track".
            log.warn("ReccoBeats lookup failed: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * "artist - title" is looked for among the tracks of the artists named like its first part, then
     * (people write it both ways) of its second; other text is taken as an artist's name, whose
     * most popular tracks are offered.
     */
    @Override
    public List<Match> search(String text, int limit) {
        TrackReference.Search search = TrackReference.Search.of(text);
        try {
            List<ReccoBeatsTrack> found = search.artistAndTitle()
                    .map(parts -> {
                        List<ReccoBeatsTrack> byArtist = byArtist(parts.artist(), parts.title());
                        return byArtist.isEmpty() ? byArtist(parts.title(), parts.artist()) : byArtist;
                    })
                    .orElseGet(() -> byArtist(search.text(), ""));
            return stored(found.stream().limit(limit).toList());
        } catch (FeatureSourceException e) {
            log.warn("ReccoBeats search failed: {}", e.getMessage());
            return List.of();
        }
    }

    /** The tracks of the artists named {@code artist} whose title has every word of {@code title}, best first. */
    private List<ReccoBeatsTrack> byArtist(String artist, String title) {
        List<String> titleWords = SearchWords.of(SearchWords.comparable(title));
        String wantedArtist = SearchWords.comparable(artist);
        List<ReccoBeatsArtist> artists = api.searchArtists(artist, ARTISTS_FOUND).stream()
                // The artist named exactly so first: a search for "Queen" also finds "Queens of the Stone Age".
                .sorted(Comparator.comparing(a -> !SearchWords.comparable(a.name()).equals(wantedArtist)))
                .limit(ARTISTS_PER_SEARCH)
                .toList();
        Map<String, ReccoBeatsTrack> found = new LinkedHashMap<>();
        for (ReccoBeatsArtist candidate : artists) {
            for (ReccoBeatsTrack track : api.artistTracks(candidate.reccoBeatsId(), 0, ReccoBeatsApi.MAX_PAGE_SIZE)) {
                if (SearchWords.of(SearchWords.comparable(track.title())).containsAll(titleWords)) {
                    found.putIfAbsent(track.spotifyId(), track);
                }
            }
        }
        String wantedTitle = SearchWords.comparable(title);
        return found.values().stream()
                .sorted(Comparator.<ReccoBeatsTrack, Boolean>comparing(t -> !SearchWords.comparable(t.title()).equals(wantedTitle))
                        .thenComparing(t -> -t.popularity().orElse(0)))
                .toList();
    }

    private List<Match> stored(Collection<ReccoBeatsTrack> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        List<Track> described = new ArrayList<>();
        for (ReccoBeatsTrack t : found) {
            described.add(track(t));
        }
        tracks.writeTrusted(TrustedSource.RECCOBEATS, described);
        featuresWanted.accept(described.stream().map(Track::id).toList());
        return described.stream().map(t -> new Match(t.id(), t.title(), t.artists())).toList();
    }

    static Track track(ReccoBeatsTrack t) {
        return new Track(t.spotifyId(), t.title(), t.artists(), Optional.empty(), OptionalInt.empty(),
                Optional.empty(), t.popularity(), t.durationMs(), Optional.empty());
    }
}
