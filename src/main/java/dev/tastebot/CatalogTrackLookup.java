package dev.tastebot;

import dev.tastebot.catalog.CatalogSearch;
import dev.tastebot.catalog.Match;
import dev.tastebot.catalog.RemoteTrackLookup;
import dev.tastebot.catalog.TrackFinder;
import dev.tastebot.catalog.TrackResolution;
import dev.tastebot.chat.ChatService;
import dev.tastebot.chat.TrackLookup;
import dev.tastebot.fairuse.RateLimiter;
import dev.tastebot.store.Database;

import java.util.List;
import java.util.Optional;

/**
 * The chat's track lookup: the local catalogue, then Spotify within the user's limit on remote
 * lookups. Suggestions while typing come from the catalogue alone, so they are free.
 */
final class CatalogTrackLookup implements TrackLookup {
    private final TrackFinder finder;
    private final CatalogSearch search;

    private CatalogTrackLookup(TrackFinder finder, CatalogSearch search) {
        this.finder = finder;
        this.search = search;
    }

    static TrackLookup over(Database database, Optional<RemoteTrackLookup> remote, RateLimiter remoteLookups) {
        CatalogSearch search = new CatalogSearch(database);
        return new CatalogTrackLookup(new TrackFinder(search, remote, remoteLookups), search);
    }

    @Override
    public Lookup resolve(String userId, String typed) {
        return switch (finder.resolve(userId, typed)) {
            case TrackResolution.Found found -> new Lookup.Found(found.match().trackId());
            case TrackResolution.Choices choices -> new Lookup.Several(choices.matches().stream().map(CatalogTrackLookup::choice).toList());
            case TrackResolution.NotFound notFound -> new Lookup.Problem(notFound.message());
            case TrackResolution.Later later -> new Lookup.Problem(later.message());
            case TrackResolution.NotATrack notATrack -> new Lookup.Problem(notATrack.message());
            case TrackResolution.Invalid invalid -> new Lookup.Problem(invalid.message());
        };
    }

    @Override
    public List<ChatService.Choice> suggest(String typed, int limit) {
        return search.search(typed, limit).stream().map(CatalogTrackLookup::choice).toList();
    }

    /** The value sent back is the track id, so picking a suggestion finds exactly that track. */
    private static ChatService.Choice choice(Match match) {
        String label = match.artists().isEmpty() ? match.title() : String.join(", ", match.artists()) + " - " + match.title();
        return new ChatService.Choice(label, match.trackId());
    }
}
