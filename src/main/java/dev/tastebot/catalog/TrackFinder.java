package dev.tastebot.catalog;

import dev.tastebot.fairuse.Allowance;
import dev.tastebot.fairuse.RateLimiter;
import dev.tastebot.store.Track;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what a user typed to name a track (a link, an id, "artist - title" or a few words) into that
 * track, a short list to choose from, or a short message saying why not. It looks in the local
 * catalogue first, then in the remote lookup when there is one (ReccoBeats, then Spotify), as often
 * as the user's limit on remote lookups allows: the catalogue is free, a remote lookup costs the
 * remote service's patience.
 */
public final class TrackFinder {
    /** Choices offered for free text at most. */
    public static final int CHOICES = 5;

    static final String HOW_TO_NAME_A_TRACK = "send a Spotify track link or type artist - title.";
    static final String NOTHING_TYPED = "Which track? Send a Spotify track link or type artist - title.";
    static final String UNKNOWN_HERE =
            "I don't know that track yet: it isn't in this bot's catalogue, and Spotify lookups are not set up here.";

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private final CatalogSearch catalog;
    private final Optional<RemoteTrackLookup> remote;
    private final RateLimiter remoteLookups;

    /** @param remoteLookups how often each user may have the remote lookup asked */
    public TrackFinder(CatalogSearch catalog, Optional<RemoteTrackLookup> remote, RateLimiter remoteLookups) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.remote = Objects.requireNonNull(remote, "remote");
        this.remoteLookups = Objects.requireNonNull(remoteLookups, "remoteLookups");
    }

    /** @param userId who asks: a remote lookup counts against their limit */
    public TrackResolution resolve(String userId, String typed) {
        Optional<Match> byCatalogueId = catalogueId(typed);
        if (byCatalogueId.isPresent()) {
            return new TrackResolution.Found(byCatalogueId.get());
        }
        return switch (TrackReference.parse(typed)) {
            case TrackReference.Empty empty -> new TrackResolution.Invalid(NOTHING_TYPED);
            case TrackReference.Malformed malformed ->
                    new TrackResolution.Invalid("I can't read that: " + malformed.reason() + "; " + HOW_TO_NAME_A_TRACK);
            case TrackReference.NotATrack other ->
                    new TrackResolution.NotATrack("That's " + withArticle(other.kind()) + " link; send a track link instead.");
            case TrackReference.TrackId id -> byId(userId, id.id());
            case TrackReference.Search search -> bySearch(userId, search);
        };
    }

    /**
     * The catalogue's track whose id is exactly what was typed: a choice picked from a list, or an
     * autocompletion, sends back the id of a catalogue imported with ids of its own (ISRCs, UUIDs),
     * which would otherwise be searched for as a word.
     */
    private Optional<Match> catalogueId(String typed) {
        String text = typed.strip();
        return Track.isValidId(text) ? catalog.find(text) : Optional.empty();
    }

    private TrackResolution byId(String userId, String id) {
        Optional<Match> inCatalogue = catalog.find(id);
        if (inCatalogue.isEmpty() && remote.isPresent()) {
            Optional<TrackResolution> later = overLimit(userId);
            if (later.isPresent()) {
                return later.get();
            }
        }
        Optional<Match> found = inCatalogue.or(() -> remote.flatMap(lookup -> lookup.byId(id)));
        return found.<TrackResolution>map(TrackResolution.Found::new).orElseGet(this::notFound);
    }

    private TrackResolution bySearch(String userId, TrackReference.Search search) {
        // More than offered, so that repeated songs left out still leave a full list.
        List<Match> matches = catalog.search(search, 2 * CHOICES);
        if (matches.isEmpty() && remote.isPresent()) {
            Optional<TrackResolution> later = overLimit(userId);
            if (later.isPresent()) {
                return later.get();
            }
            matches = remote.get().search(search.text(), 2 * CHOICES);
        }
        List<Match> distinct = withoutRepeatedSongs(matches).stream().limit(CHOICES).toList();
        if (distinct.isEmpty()) {
            return notFound();
        }
        if (distinct.size() == 1) {
            return new TrackResolution.Found(distinct.getFirst());
        }
        return search.artistAndTitle()
                .flatMap(parts -> theOnlyExactMatch(distinct, parts))
                .<TrackResolution>map(TrackResolution.Found::new)
                .orElseGet(() -> new TrackResolution.Choices(distinct));
    }

    /** Counts a remote lookup against the user's limit; the answer to give instead when over it. */
    private Optional<TrackResolution> overLimit(String userId) {
        return switch (remoteLookups.take(userId)) {
            case Allowance.Allowed allowed -> Optional.empty();
            case Allowance.WaitUntil wait -> Optional.of(new TrackResolution.Later("That song isn't in my catalogue, and "
                    + "you can have me look songs up on " + remote.map(RemoteTrackLookup::name).orElse("Spotify")
                    + " again in " + wait.leftInWords()
                    + ". Songs in the catalogue work meanwhile."));
        };
    }

    private TrackResolution notFound() {
        return new TrackResolution.NotFound(remote
                .map(lookup -> "I couldn't find that track, neither here nor on " + lookup.name() + ".")
                .orElse(UNKNOWN_HERE));
    }

    /**
     * Catalogues list one song under several ids (single, album, compilation); offering it twice
     * would only confuse, so the first (the best ranked) stands for all.
     */
    private static List<Match> withoutRepeatedSongs(List<Match> matches) {
        Set<List<String>> seen = new HashSet<>();
        List<Match> distinct = new ArrayList<>();
        for (Match match : matches) {
            List<String> song = new ArrayList<>();
            song.add(SearchWords.folded(match.title()));
            match.artists().stream().map(SearchWords::folded).forEach(song::add);
            if (seen.add(song)) {
                distinct.add(match);
            }
        }
        return distinct;
    }

    /**
     * "Maroon 5 - Memories" names one song when exactly one match has that very title and artist
     * (either way round), or all its artists as listed ("Daft Punk, Pharrell Williams - Get Lucky"),
     * whatever the case and the spacing.
     */
    private static Optional<Match> theOnlyExactMatch(List<Match> matches, TrackReference.ArtistAndTitle parts) {
        List<Match> exact = matches.stream()
                .filter(match -> isExactly(match, parts.artist(), parts.title()) || isExactly(match, parts.title(), parts.artist()))
                .toList();
        return exact.size() == 1 ? Optional.of(exact.getFirst()) : Optional.empty();
    }

    private static boolean isExactly(Match match, String artist, String title) {
        String wantedArtist = asCompared(artist);
        return asCompared(match.title()).equals(asCompared(title))
                && (match.artists().stream().map(TrackFinder::asCompared).anyMatch(wantedArtist::equals)
                        || asCompared(String.join(", ", match.artists())).equals(wantedArtist));
    }

    /** Case and spacing aside: "daft  punk" is "Daft Punk", "AC / DC" is not "AC/DC". */
    private static String asCompared(String name) {
        return SearchWords.folded(WHITE_SPACE.matcher(name.strip()).replaceAll(" "));
    }

    private static String withArticle(String kind) {
        return ("aeiou".indexOf(Character.toLowerCase(kind.charAt(0))) >= 0 ? "an " : "a ") + kind;
    }
}
