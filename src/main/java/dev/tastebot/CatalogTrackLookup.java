package dev.tastebot;

import dev.tastebot.catalog.CatalogSearch;
import dev.tastebot.catalog.Match;
import dev.tastebot.catalog.RemoteTrackLookup;
import dev.tastebot.catalog.TrackFinder;
import dev.tastebot.catalog.TrackResolution;
import dev.tastebot.chat.ChatService;
import dev.tastebot.chat.TrackLookup;
import dev.tastebot.store.Database;

import java.util.List;
import java.util.Optional;

/** The chat's track lookup, answered from the local catalogue (Spotify lookups plug into the finder later). */
final class CatalogTrackLookup implements TrackLookup {
    private final TrackFinder finder;
    private final CatalogSearch search;

    private CatalogTrackLookup(TrackFinder finder, CatalogSearch search) {
        this.finder = finder;
        this.search = search;
    }

    static TrackLookup over(Database database, Optional<RemoteTrackLookup> remote) {
        CatalogSearch search = new CatalogSearch(database);
        return new CatalogTrackLookup(new TrackFinder(search, remote), search);
    }

    @Override
    public Lookup resolve(String typed) {
        return switch (finder.resolve(typed)) {
            case TrackResolution.Found found -> new Lookup.Found(found.match().trackId());
            case TrackResolution.Choices choices -> new Lookup.Several(choices.matches().stream().map(CatalogTrackLookup::choice).toList());
            case TrackResolution.NotFound notFound -> new Lookup.Problem(notFound.message());
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
