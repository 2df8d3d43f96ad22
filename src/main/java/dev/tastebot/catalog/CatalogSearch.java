package dev.tastebot.catalog;

import dev.tastebot.store.Database;
import dev.tastebot.store.TrackSearchIndex;
import dev.tastebot.store.UserSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * {@link TrackSearchIndex}), which hand out the matches most popular first, so a search reads the
 * best of its matches rather than all of them, and never the whole catalogue. A word of three
 * characters or more may occur anywhere, also inside a word ("memor" finds "Memories"); a shorter
 * word, which the index of three-character pieces cannot find, must begin a word ("u2", "ac dc"): as
 * a piece of any word it would match nearly every song. Upper and lower case are the same in every
 * script SQLite knows cases of (Latin, Greek, Cyrillic...), and Latin letters match with or without
 * accents ("beyonce" finds "Beyoncé"); Greek accents count.
 */
public final class CatalogSearch {
    /** Words shorter than this hold no three-character piece, and are looked up as word beginnings. */
    static final int SHORTEST_PIECE = 3;

    private static final String MATCH_FIELDS = """
            SELECT t.id, t.title,
                   (SELECT group_concat(a.name, char(31) ORDER BY a.position)
                    FROM track_artists a WHERE a.track_id = t.id) AS artists
            FROM tracks t""";
    /** Ends every indexed title (see V11), so a phrase followed by it is the whole title. */
    private static final String END_OF_TITLE = "\u0003";
    // The artists of a track travel in one column, joined by the ASCII unit separator, which no name holds.
    private static final String ARTIST_SEPARATOR = "\u001F";

    /**
     * Matches up to this many are all read and ranked here: one query instead of three, which a
     * search of several rare words (the usual by the end of typing) spends most of its time on.
     */
    static final int RANKED_HERE = 100;

    private final Database database;
    private final TrackSearchIndex index;
    private final int rankedHere;

    public CatalogSearch(Database database) {
        this(database, RANKED_HERE);
    }

    /** @param rankedHere at most how many matches are ranked in Java rather than by the index */
    CatalogSearch(Database database, int rankedHere) {
        this.database = Objects.requireNonNull(database, "database");
        this.index = new TrackSearchIndex(database);
        this.rankedHere = rankedHere;
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

    /**
     * The track with this id, unless all that is known of it came from someone's uploaded file: that
     * title is theirs, not to be shown to whoever asks; a remote lookup can describe the song instead.
     */
    public Optional<Match> find(String trackId) {
        Objects.requireNonNull(trackId, "trackId");
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(MATCH_FIELDS + " WHERE t.id = ? AND t.metadata_source <> '"
                    + UserSource.LIBRARY_EXPORT.storedName() + "'")) {
                select.setString(1, trackId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(match(row)) : Optional.empty();
                }
            }
        });
    }

    /** The titles equal to the phrase, then those starting with it, then the rest: each the most popular first. */
    private List<Match> matching(Criteria criteria, int limit) {
        List<Term> required = criteria.terms();
        if (required.isEmpty()) {
            return List.of();
        }
        String phrase = criteria.titlePhrase().strip();
        Optional<Term> equal = Term.titleEqualTo(phrase);
        Optional<Term> starting = Term.titleStartingWith(phrase);
        return database.read(c -> {
            List<Long> mostPopular = mostPopular(c, required, List.of(), rankedHere + 1);
            if (mostPopular.size() <= rankedHere) {
                return rankedByTitle(matches(c, mostPopular), phrase).stream().limit(limit).toList();
            }
            List<Long> keys = new ArrayList<>();
            if (equal.isPresent()) {
                keys.addAll(mostPopular(c, with(required, equal.get()), List.of(), limit));
            }
            if (starting.isPresent() && keys.size() < limit) {
                keys.addAll(mostPopular(c, with(required, starting.get()), equal.stream().toList(), limit - keys.size()));
            }
            if (keys.size() < limit) {
                keys.addAll(mostPopular(c, required, starting.stream().toList(), limit - keys.size()));
            }
            return matches(c, keys);
        });
    }

    /**
     * The keys of at most {@code limit} tracks that match every required term and no excluded one,
     * in descending key order, which is the order of popularity: the index hands them out that way
     * and SQLite stops reading at the limit. Terms of one index go into one full-text query; those of
     * the other are read once into a set (the leading {@code +} keeps SQLite from asking the
     * full-text query once per member of that set instead).
     */
    private static List<Long> mostPopular(Connection c, List<Term> required, List<Term> excluded, int limit)
            throws SQLException {
        Index driving = required.stream().anyMatch(term -> term.index() == Index.PIECES) ? Index.PIECES : Index.WORDS;
        List<String> parameters = new ArrayList<>();
        parameters.add(Term.all(required.stream().filter(term -> term.index() == driving)));
        StringBuilder sql = new StringBuilder("SELECT hit.rowid FROM " + driving.table + "(?) hit WHERE 1");
        List<Term> elsewhere = required.stream().filter(term -> term.index() != driving).toList();
        if (!elsewhere.isEmpty()) {
            sql.append(" AND +hit.rowid IN (SELECT rowid FROM ").append(driving.other().table).append("(?))");
            parameters.add(Term.all(elsewhere.stream()));
        }
        for (Term term : excluded) {
            sql.append(" AND +hit.rowid NOT IN (SELECT rowid FROM ").append(term.index().table).append("(?))");
            parameters.add(term.expression());
        }
        sql.append(" ORDER BY hit.rowid DESC LIMIT ?");
        try (PreparedStatement select = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setString(i + 1, parameters.get(i));
            }
            select.setInt(parameters.size() + 1, limit);
            List<Long> keys = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getLong(1));
                }
            }
            return keys;
        }
    }

    private static List<Match> matches(Connection c, List<Long> keys) throws SQLException {
        if (keys.isEmpty()) {
            return List.of();
        }
        Map<Long, Match> byKey = new HashMap<>();
        String placeholders = String.join(", ", keys.stream().map(key -> "?").toList());
        try (PreparedStatement select = c.prepareStatement(
                "SELECT key, track_id AS id, title, artists FROM track_search_keys WHERE key IN (" + placeholders + ")")) {
            for (int i = 0; i < keys.size(); i++) {
                select.setLong(i + 1, keys.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byKey.put(rows.getLong("key"), match(rows));
                }
            }
        }
        return keys.stream().map(byKey::get).filter(Objects::nonNull).toList();
    }

    /**
     * All matches, most popular first, ranked as {@link #matching} does: titles equal to the phrase,
     * then starting with it, then the rest, comparing as the index does (case, and accents of Latin
     * letters, aside). The sort is stable, so popularity orders each rank.
     */
    private static List<Match> rankedByTitle(List<Match> popularFirst, String phrase) {
        if (Term.titleStartingWith(phrase).isEmpty()) {
            return popularFirst;
        }
        String wanted = SearchWords.comparable(phrase);
        boolean canBeEqual = Term.titleEqualTo(phrase).isPresent();
        return popularFirst.stream()
                .sorted(Comparator.comparingInt(match -> {
                    String title = SearchWords.comparable(match.title());
                    return canBeEqual && title.equals(wanted) ? 0 : title.startsWith(wanted) ? 1 : 2;
                }))
                .toList();
    }

    private static Match match(ResultSet row) throws SQLException {
        String artists = row.getString("artists");
        return new Match(row.getString("id"), row.getString("title"),
                artists == null || artists.isEmpty() ? List.of() : List.of(artists.split(ARTIST_SEPARATOR, -1)));
    }

    private static <T> List<T> with(List<T> list, T more) {
        return Stream.concat(list.stream(), Stream.of(more)).toList();
    }

    private static boolean isShort(String text) {
        return text.codePointCount(0, text.length()) < SHORTEST_PIECE;
    }

    /** The two full-text indexes of migration V11, by what they find. */
    private enum Index {
        /** Three-character pieces: words of three or more characters, anywhere. */
        PIECES("track_search_trigrams"),
        /** Word beginnings of one or two characters. */
        WORDS("track_search_words");

        final String table;

        Index(String table) {
            this.table = table;
        }

        Index other() {
            return this == PIECES ? WORDS : PIECES;
        }
    }

    /** One condition of an FTS5 query, in the index that can answer it. */
    private record Term(Index index, String expression) {

        /** A word of the title, an artist's name or either ({@code column} empty), anywhere in it if long enough. */
        static Term word(String column, String word) {
            String prefix = column.isEmpty() ? "" : column + " : ";
            return isShort(word) ? new Term(Index.WORDS, prefix + quoted(word) + " *")
                    : new Term(Index.PIECES, prefix + quoted(word));
        }

        /** Empty for a phrase of one character (too short to be told from a beginning) or without a letter or digit. */
        static Optional<Term> titleEqualTo(String phrase) {
            if (!hasWord(phrase) || phrase.codePointCount(0, phrase.length()) < SHORTEST_PIECE - 1) {
                return Optional.empty();
            }
            return Optional.of(new Term(Index.PIECES, "search_title : ^" + quoted(phrase + END_OF_TITLE)));
        }

        static Optional<Term> titleStartingWith(String phrase) {
            if (!hasWord(phrase)) {
                return Optional.empty();
            }
            return Optional.of(isShort(phrase) ? new Term(Index.WORDS, "search_title : ^" + quoted(phrase) + " *")
                    : new Term(Index.PIECES, "search_title : ^" + quoted(phrase)));
        }

        static String all(Stream<Term> terms) {
            return String.join(" AND ", terms.map(Term::expression).toList());
        }

        private static boolean hasWord(String phrase) {
            return phrase.codePoints().anyMatch(Character::isLetterOrDigit);
        }

        /** An FTS5 string: everything inside is text to find, a double quote is doubled. */
        private static String quoted(String text) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
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

        List<Term> terms() {
            return Stream.of(
                            artistWords.stream().map(word -> Term.word("artists", word)),
                            titleWords.stream().map(word -> Term.word("search_title", word)),
                            anywhereWords.stream().map(word -> Term.word("", word)))
                    .flatMap(kind -> kind)
                    .toList();
        }
    }
}
