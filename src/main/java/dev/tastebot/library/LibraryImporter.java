package dev.tastebot.library;

import dev.tastebot.store.RatingStore;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.UserSource;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns a user's saved songs into likes, keeping every rating they made themselves. The export is
 * the user's own file, so it only adds songs tastebot does not know yet ({@link UserSource#LIBRARY_EXPORT}):
 * a song already known keeps its title, artists and album for everyone, and the user still gets the like.
 * One import takes at most {@code maxSongs} songs, the first in the file; the answer says how many were left out.
 */
public final class LibraryImporter {
    public static final String SOURCE = UserSource.LIBRARY_EXPORT.storedName();

    private final LibraryExport export;
    private final TrackStore tracks;
    private final RatingStore ratings;
    private final Clock clock;
    private final Consumer<List<String>> featuresWanted;
    private final int maxSongs;

    /**
     * @param featuresWanted hears the ids of the imported songs, whose audio features the export lacks
     * @param maxSongs the most songs one import takes ({@code import.max-songs})
     */
    public LibraryImporter(LibraryExport export, TrackStore tracks, RatingStore ratings, Clock clock,
                           Consumer<List<String>> featuresWanted, int maxSongs) {
        if (maxSongs < 1) {
            throw new IllegalArgumentException("maxSongs must be at least 1, got " + maxSongs);
        }
        this.export = export;
        this.tracks = tracks;
        this.ratings = ratings;
        this.clock = clock;
        this.featuresWanted = featuresWanted;
        this.maxSongs = maxSongs;
    }

    public ImportOutcome importLikes(String userId, String fileName, byte[] content) {
        return switch (export.parse(fileName, content)) {
            case LibraryExport.Parsed.NotAnExport refused -> new ImportOutcome.Refused(refused.reason());
            case LibraryExport.Parsed.Tracks parsed -> store(userId, parsed.tracks());
        };
    }

    private ImportOutcome store(String userId, List<LibraryExport.SavedTrack> saved) {
        if (saved.isEmpty()) {
            return new ImportOutcome.Refused("Your library export lists no saved songs, so there is nothing to import.");
        }
        Map<String, Track> byId = new LinkedHashMap<>();
        int skipped = 0;
        Set<String> leftOut = new HashSet<>();
        for (LibraryExport.SavedTrack s : saved) {
            if (s.trackId().isEmpty()) {
                skipped++;
                continue;
            }
            if (byId.size() >= maxSongs && !byId.containsKey(s.trackId().get())) {
                leftOut.add(s.trackId().get());
                continue;
            }
            // Only what the export knows; the catalogue or a feature source may know more and is kept.
            byId.putIfAbsent(s.trackId().get(), new Track(s.trackId().get(), s.title().isBlank() ? "(untitled)" : s.title(),
                    s.artist().isBlank() ? List.of() : List.of(s.artist()),
                    s.album().isBlank() ? Optional.empty() : Optional.of(s.album()),
                    OptionalInt.empty(), Optional.empty(), OptionalInt.empty(), OptionalLong.empty(), Optional.empty()));
        }
        if (byId.isEmpty()) {
            return new ImportOutcome.Refused("None of the " + saved.size()
                    + " entries in your library export has a Spotify track URI, so there is nothing to import.");
        }
        tracks.addUnknown(UserSource.LIBRARY_EXPORT, new ArrayList<>(byId.values()));
        int created = ratings.likeAllUnrated(userId, byId.keySet(), SOURCE, clock.instant());
        featuresWanted.accept(List.copyOf(byId.keySet()));
        return new ImportOutcome.Imported(saved.size(), created, byId.size() - created, skipped, leftOut.size(), maxSongs);
    }
}
