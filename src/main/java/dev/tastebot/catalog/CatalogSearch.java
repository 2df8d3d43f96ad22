package dev.tastebot.catalog;

import dev.tastebot.store.Database;
import dev.tastebot.store.TrackSearchIndex;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds tracks in the local catalogue (every stored track) by what a user typed. Every word must
 * occur in the title or in an artist's name; "artist - title" asks the first part of the artists and
 * the second of the title, and if nothing matches, the other way round, and then every word
 * anywhere. Results come best first: a title equal to what was asked, then titles starting with it,
 * then the rest; within each, the more popular first (unknown popularity last).
 *
 * <p>Searches run on SQLite full-text indexes (migration V11, kept up to date by
 * {@link TrackSearchIndex}), so a search reads the tracks that match, not the whole catalogue. A word
 * of three characters or more may occur anywhere, also inside a word ("memor" finds "Memories"); a
 * shorter word, which the index of three-character pieces cannot find, must begin a word ("u2",
 * "ac dc"): as a piece of any word it would match nearly every song. Upper and lower case are the
 * same in every script SQLite knows cases of (Latin, Greek, Cyrillic...), and Latin letters match
 * with or without accents ("beyonce" finds "Beyoncé"); Greek accents count.
 */
public final class CatalogSearch {
    /** Words shorter than this hold no three-character piece, and are looked up as word beginnings. */
    static final int SHORTEST_PIECE = 3;

    private static final String MATCH_FIELDS = """
            SELECT t.id, t.title,
                   (SELECT group_concat(a.name, char(31) ORDER BY a.position)
                    FROM track_artists a WHERE a.track_id = t.id) AS artists
            FROM tracks t""";
    private static final String IN_PIECES = "k.key IN (SELECT rowid FROM track_search_trigrams WHERE track_search_trigrams MATCH ?)";
    private static final String IN_WORDS = "k.key IN (SELECT rowid FROM track_search_words WHERE track_search_words MATCH ?)";
    /** 0: the title is the phrase, 1: it starts with it, 2: the rest. */
    private static final String TITLE_RANK = "CASE WHEN %s THEN (length(k.title) <> ?) ELSE 2 END";
    private static final String BEST_FIRST = """
            ORDER BY title_rank, t.popularity IS NULL, t.popularity DESC, k.title COLLATE NOCASE, k.track_id""";
    // The artists of a track travel in one column, joined by the ASCII unit separator, which no name holds.
    private static final String ARTIST_SEPARATOR = "\u001F";

    private final Database database;
    private final TrackSearchIndex index;

    public CatalogSearch(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.index = new TrackSearchIndex(database);
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
        index.catchUp();
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
        String rank = titleRank(criteria.titlePhrase().strip(), parameters);
        criteria.piecesQuery().ifPresent(query -> {
            conditions.add(IN_PIECES);
            parameters.add(query);
        });
        criteria.wordBeginningsQuery().ifPresent(query -> {
            conditions.add(IN_WORDS);
            parameters.add(query);
        });
        parameters.add(limit);
        String sql = "SELECT k.track_id AS id, k.title, k.artists, " + rank + " AS title_rank"
                + " FROM track_search_keys k JOIN tracks t ON t.id = k.track_id"
                + " WHERE " + String.join(" AND ", conditions) + " " + BEST_FIRST + " LIMIT ?";
        return database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    select.setObject(i + 1, parameters.get(i));
                }
                List<Match> matches = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        matches.add(match(rows));
                    }
                }
                return matches;
            }
        });
    }

    /**
     * Whether the title starts with the phrase, asked of the index so that case and accents count as
     * in the search; of equal length as well, it is the phrase. A phrase without a letter or digit
     * ranks nothing first.
     */
    private static String titleRank(String phrase, List<Object> parameters) {
        int length = phrase.codePointCount(0, phrase.length());
        if (phrase.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return "2";
        }
        boolean pieces = length >= SHORTEST_PIECE;
        parameters.add("title : ^" + quoted(phrase) + (pieces ? "" : " *"));
        parameters.add(length);
        return TITLE_RANK.formatted(pieces ? IN_PIECES : IN_WORDS);
    }

    private static Match match(ResultSet row) throws SQLException {
        String artists = row.getString("artists");
        return new Match(row.getString("id"), row.getString("title"),
                artists == null || artists.isEmpty() ? List.of() : List.of(artists.split(ARTIST_SEPARATOR, -1)));
    }

    /** An FTS5 string: everything inside is text to find, a double quote is doubled. */
    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static boolean isShort(String word) {
        return word.codePointCount(0, word.length()) < SHORTEST_PIECE;
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
            return artistWords.isEmpty() && titleWords.isEmpty() && anywhereWords.isEmpty();
        }

        /** The words of three characters or more, each a piece of the title or an artist's name. */
        Optional<String> piecesQuery() {
            return query(false, "");
        }

        /** The shorter words, each the beginning of a word of the title or an artist's name. */
        Optional<String> wordBeginningsQuery() {
            return query(true, " *");
        }

        private Optional<String> query(boolean shortWords, String suffix) {
            List<String> terms = Stream.of(
                            artistWords.stream().filter(word -> isShort(word) == shortWords).map(word -> "artists : " + quoted(word)),
                            titleWords.stream().filter(word -> isShort(word) == shortWords).map(word -> "title : " + quoted(word)),
                            anywhereWords.stream().filter(word -> isShort(word) == shortWords).map(CatalogSearch::quoted))
                    .flatMap(kind -> kind)
                    .map(term -> term + suffix)
                    .toList();
            return terms.isEmpty() ? Optional.empty() : Optional.of(String.join(" AND ", terms));
        }
    }
}
