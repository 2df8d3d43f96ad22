package dev.tastebot.catalog;

import dev.tastebot.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds tracks in the local catalogue (every stored track) by what a user typed. Every word must
 * occur, ignoring case, in the title or in an artist's name; "artist - title" asks the first part of
 * the artists and the second of the title, and if nothing matches, the other way round, and then
 * every word anywhere. Results come best first: a title equal to what was asked, then titles starting
 * with it, then the rest; within each, the more popular first (unknown popularity last).
 *
 * <p>A search reads the whole tracks table (words can occur anywhere in a title, which no ordinary
 * index helps with): 5 to 20 ms for the 28,000 tracks of the TidyTuesday catalogue. SQLite's LIKE
 * ignores the case of ASCII letters only, so words with other cased letters are narrowed by their
 * ASCII part in SQL and checked whole in Java; a query with no ASCII letter at all (Cyrillic, Greek)
 * is checked in Java against every track (about 0.2 s there).
 */
public final class CatalogSearch {
    private static final String MATCH_FIELDS = """
            SELECT t.id, t.title,
                   (SELECT group_concat(a.name, char(31) ORDER BY a.position)
                    FROM track_artists a WHERE a.track_id = t.id) AS artists
            FROM tracks t""";
    private static final String TITLE_HAS = "t.title LIKE ? ESCAPE '\\'";
    // Not a correlated EXISTS: SQLite reads the artists once per word instead of once per track.
    private static final String AN_ARTIST_HAS =
            "t.id IN (SELECT a.track_id FROM track_artists a WHERE a.name LIKE ? ESCAPE '\\')";
    private static final String BEST_FIRST = """
            ORDER BY CASE WHEN t.title LIKE ? ESCAPE '\\' THEN 0 WHEN t.title LIKE ? ESCAPE '\\' THEN 1 ELSE 2 END,
                     t.popularity IS NULL, t.popularity DESC, t.title COLLATE NOCASE, t.id""";
    // The artists of a track travel in one column, joined by the ASCII unit separator, which no name holds.
    private static final String ARTIST_SEPARATOR = "\u001F";
    private static final Pattern LIKE_WILDCARDS = Pattern.compile("([\\\\%_])");

    private final Database database;

    public CatalogSearch(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** At most {@code limit} tracks for free text, best first; none for text without a word. */
    public List<Match> search(String text, int limit) {
        return search(TrackReference.Search.of(text), limit);
    }

    /** As {@link #search(String, int)}, for text already read as a search. */
    public List<Match> search(TrackReference.Search query, int limit) {
        Objects.requireNonNull(query, "query");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        if (query.artistAndTitle().isPresent()) {
            TrackReference.ArtistAndTitle parts = query.artistAndTitle().get();
            List<Match> asWritten = matching(Criteria.artistAndTitle(parts.artist(), parts.title()), limit);
            if (!asWritten.isEmpty()) {
                return asWritten;
            }
            List<Match> reversed = matching(Criteria.artistAndTitle(parts.title(), parts.artist()), limit);
            if (!reversed.isEmpty()) {
                return reversed;
            }
        }
        return matching(Criteria.anywhere(query.text()), limit);
    }

    public Optional<Match> find(String trackId) {
        Objects.requireNonNull(trackId, "trackId");
        return database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement(MATCH_FIELDS + " WHERE t.id = ?")) {
                select.setString(1, trackId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(match(row)) : Optional.empty();
                }
            }
        });
    }

    private List<Match> matching(Criteria criteria, int limit) {
        if (criteria.isEmpty()) {
            return List.of();
        }
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        criteria.artistWords().forEach(word -> condition(AN_ARTIST_HAS, word, conditions, parameters));
        criteria.titleWords().forEach(word -> condition(TITLE_HAS, word, conditions, parameters));
        criteria.anywhereWords().forEach(word -> condition("(" + TITLE_HAS + " OR " + AN_ARTIST_HAS + ")", word, conditions, parameters));
        parameters.add(escaped(criteria.titlePhrase()));
        parameters.add(escaped(criteria.titlePhrase()) + "%");
        // When SQLite judges every word exactly, the first rows are the answer; otherwise Java drops some.
        boolean sqlDecides = criteria.allWords().stream().allMatch(word -> SearchWords.likeSafePart(word).equals(word));
        if (sqlDecides) {
            parameters.add(limit);
        }
        String sql = MATCH_FIELDS + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " " + BEST_FIRST + (sqlDecides ? " LIMIT ?" : "");
        return database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    select.setObject(i + 1, parameters.get(i));
                }
                List<Match> matches = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    // Rows arrive best first; those LIKE could not judge are checked here, until enough.
                    while (matches.size() < limit && rows.next()) {
                        Match match = match(rows);
                        if (criteria.accepts(match)) {
                            matches.add(match);
                        }
                    }
                }
                return matches;
            }
        });
    }

    /** A condition for the word's LIKE-safe part, which every match holds; nothing when it has none. */
    private static void condition(String sql, String word, List<String> conditions, List<Object> parameters) {
        String part = SearchWords.likeSafePart(word);
        if (part.isEmpty()) {
            return;
        }
        conditions.add(sql);
        int placeholders = (int) sql.chars().filter(c -> c == '?').count();
        for (int i = 0; i < placeholders; i++) {
            parameters.add(containing(part));
        }
    }

    private static Match match(ResultSet row) throws SQLException {
        String artists = row.getString("artists");
        return new Match(row.getString("id"), row.getString("title"),
                artists == null ? List.of() : List.of(artists.split(ARTIST_SEPARATOR, -1)));
    }

    private static String containing(String word) {
        return "%" + escaped(word) + "%";
    }

    private static String escaped(String text) {
        return LIKE_WILDCARDS.matcher(text).replaceAll("\\\\$1");
    }

    /**
     * What a match must contain: artist words in an artist's name, title words in the title, the other
     * words in either; and the phrase a title is best equal to.
     */
    private record Criteria(List<String> artistWords, List<String> titleWords, List<String> anywhereWords,
            String titlePhrase) {

        static Criteria artistAndTitle(String artist, String title) {
            return new Criteria(SearchWords.of(artist), SearchWords.of(title), List.of(), title);
        }

        static Criteria anywhere(String text) {
            return new Criteria(List.of(), List.of(), SearchWords.of(text), text);
        }

        boolean isEmpty() {
            return allWords().isEmpty();
        }

        List<String> allWords() {
            List<String> all = new ArrayList<>(artistWords);
            all.addAll(titleWords);
            all.addAll(anywhereWords);
            return all;
        }

        /** The full check, in Java: SQLite's LIKE compares only the ASCII part of a word without regard to case. */
        boolean accepts(Match match) {
            String title = SearchWords.folded(match.title());
            List<String> artists = match.artists().stream().map(SearchWords::folded).toList();
            return artistWords.stream().allMatch(word -> artists.stream().anyMatch(name -> name.contains(word)))
                    && titleWords.stream().allMatch(title::contains)
                    && anywhereWords.stream().allMatch(word -> title.contains(word)
                            || artists.stream().anyMatch(name -> name.contains(word)));
        }
    }
}
