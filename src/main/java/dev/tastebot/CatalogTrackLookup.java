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
import dev.tastebot.text.OutsideText;
import dev.tastebot.text.RichText;

import java.util.List;
import java.util.Optional;

/**
 * The chat's track lookup: the local catalogue, then Spotify within the user's limit on remote
 * lookups. Suggestions while typing come from the catalogue alone, so they are free.
 */
final class CatalogTrackLookup implements TrackLookup {
    /** Leaves the artists at least a third of a label. */
    private static final int TITLE_IN_LABEL = 60;

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

    /**
     * "A, B - Title", cleaned and short enough for any platform's list of options; the value sent
     * back is the track id, so picking a suggestion finds exactly that track.
     */
    static ChatService.Choice choice(Match match) {
        String title = OutsideText.oneLine(match.title(), TITLE_IN_LABEL);
        String artists = RichText.builder().names(match.artists()).build().plain();
        String label = artists.isEmpty() ? title
                : OutsideText.shorten(artists, ChatService.Choice.MAX_LABEL - title.length() - 3) + " - " + title;
        return new ChatService.Choice(label, match.trackId());
    }
}
