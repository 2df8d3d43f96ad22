package dev.tastebot.measure;

import dev.tastebot.catalog.CatalogSearch;
import dev.tastebot.cli.CommandHandler;
import dev.tastebot.cli.ExitCode;
import dev.tastebot.cli.ParsedCommand;
import dev.tastebot.store.Database;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackSearchIndex;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrustedSource;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * {@code tastebot bench-search}: what one keystroke of autocompletion costs. Writes a catalogue of
 * synthetic songs (titles and artists in English, accented Latin, Cyrillic and Greek) into a fresh
 * SQLite file, then types the names of some of them letter by letter, as someone picking a song
 * for {@code /will-i-like} does, and times the catalogue search behind every keystroke. Prints
 * figures, never judges them.
 */
public final class BenchSearchCommand implements CommandHandler {
    public static final String SONGS = "songs";
    public static final String TYPED = "typed";
    public static final String SEED = "seed";

    /** Discord shows at most 25 suggestions, so that many are asked for. */
    static final int SUGGESTIONS = 25;
    private static final String NAME = "tastebot bench-search";
    private static final int BATCH = 5_000;
    private static final int WARM_UP_SONGS = 30;

    private final Clock clock;

    public BenchSearchCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public int run(ParsedCommand command, PrintStream out, PrintStream err) {
        int songs = command.wholeNumber(SONGS).orElse(100_000);
        int typed = command.wholeNumber(TYPED).orElse(200);
        long seed = command.wholeNumber(SEED).orElse(42);
        if (typed > songs) {
            err.println(NAME + ": --typed " + typed + " is more than --songs " + songs);
            return ExitCode.USAGE.code();
        }
        BenchDatabase.inTemporaryFile("bench-search", file -> bench(songs, typed, seed, file, out, err));
        return ExitCode.OK.code();
    }

    private void bench(int songCount, int typedCount, long seed, Path file, PrintStream out, PrintStream err) {
        out.printf(Locale.ROOT, "%s: %,d synthetic songs (seed %d), %,d of their names typed letter by letter, "
                + "%d suggestions a keystroke%n", NAME, songCount, seed, typedCount, SUGGESTIONS);
        out.println("""
                Timed per keystroke: the catalogue search behind autocompletion, as /will-i-like asks it, for the
                text typed so far (the title, "artist title" or "artist - title"). Not timed: Discord's round trip.""");
        SyntheticSongs songs = new SyntheticSongs(songCount, seed);
        try (Database database = Database.open(file)) {
            err.printf(Locale.ROOT, "writing %,d songs...%n", songCount);
            long started = System.nanoTime();
            TrackStore tracks = new TrackStore(database, clock);
            for (int from = 0; from < songCount; from += BATCH) {
                tracks.writeTrusted(TrustedSource.CATALOG, songs.tracks(from, Math.min(songCount, from + BATCH)));
            }
            out.printf(Locale.ROOT, "%-10s %,d written in %.1f s%n", "songs", songCount,
                    BenchDatabase.seconds(System.nanoTime() - started));
            started = System.nanoTime();
            new TrackSearchIndex(database).catchUp();
            out.printf(Locale.ROOT, "%-10s %,d songs indexed in %.1f s (the first search after they were written); "
                    + "database %s%n", "index", songCount, BenchDatabase.seconds(System.nanoTime() - started),
                    BenchDatabase.size(file));

            CatalogSearch search = new CatalogSearch(database);
            SplittableRandom picks = new SplittableRandom(seed * 31 + 7);
            for (int i = 0; i < WARM_UP_SONGS; i++) {
                keystrokes(search, songs.typedName(picks.nextInt(songCount), picks));
            }
            List<Keystroke> timed = new ArrayList<>();
            for (int i = 0; i < typedCount; i++) {
                timed.addAll(keystrokes(search, songs.typedName(picks.nextInt(songCount), picks)));
            }
            out.println(line("all", timed, k -> true));
            out.println(line("ascii", timed, k -> !k.nonAscii()));
            out.println(line("non-ascii", timed, Keystroke::nonAscii));
            out.println(line("1-2 chars", timed, k -> k.length() < 3));
            out.println(line("3+ chars", timed, k -> k.length() >= 3));
            out.println("target (issue #9): a keystroke costs milliseconds at 100,000 songs");
        }
    }

    /** Every prefix of the name, one search each, as the user types it. */
    private static List<Keystroke> keystrokes(CatalogSearch search, String name) {
        boolean nonAscii = name.chars().anyMatch(c -> c >= 128);
        List<Keystroke> keystrokes = new ArrayList<>();
        int[] codePoints = name.codePoints().toArray();
        for (int length = 1; length <= codePoints.length; length++) {
            String typed = new String(codePoints, 0, length);
            long started = System.nanoTime();
            search.search(typed, SUGGESTIONS);
            keystrokes.add(new Keystroke(typed.strip().length(), nonAscii, System.nanoTime() - started));
        }
        return keystrokes;
    }

    private static String line(String kind, List<Keystroke> keystrokes, Predicate<Keystroke> which) {
        Latencies latencies = new Latencies(keystrokes.stream().filter(which).mapToLong(Keystroke::nanos).toArray());
        return String.format(Locale.ROOT, "%-10s %,d keystrokes: %s", kind, latencies.count(), latencies.summary());
    }

    /** @param length characters typed so far, without surrounding spaces */
    private record Keystroke(int length, boolean nonAscii, long nanos) {
    }

    /**
     * A catalogue shaped like a real one where it matters to a search: titles of one to four common
     * words, so that short prefixes match many songs; eight songs per artist; about a fifth of the
     * songs in other scripts or with accents; popularity known for most.
     */
    static final class SyntheticSongs {
        private static final int SONGS_PER_ARTIST = 8;
        private static final List<List<String>> WORDS = List.of(
                List.of("love", "night", "heart", "baby", "girl", "time", "dance", "fire", "rain", "summer", "dream",
                        "light", "moon", "star", "blue", "sweet", "home", "kiss", "world", "river", "city", "road",
                        "gold", "wild", "young", "forever", "tonight", "again", "alone", "together", "crazy", "lonely",
                        "golden", "midnight", "paradise", "thunder", "shadow", "memories", "holiday", "morning",
                        "daylight", "heaven", "angel", "ocean", "desert", "winter", "garden", "electric", "secret",
                        "runaway", "silver", "broken", "perfect", "fever", "echo", "radio", "satellite", "velvet",
                        "my", "me", "you", "we", "in", "on", "of", "the", "to", "up", "a", "no", "so", "go", "oh"),
                List.of("corazón", "canción", "mañana", "noche", "été", "rêve", "cœur", "lumière", "amour", "café",
                        "señorita", "für", "schön", "träume", "mädchen", "día", "vida", "así", "él", "más"),
                List.of("звезда", "ночь", "любовь", "город", "солнце", "кино", "песня", "лето", "небо", "море",
                        "весна", "мечта", "дорога", "я", "ты", "мы", "на", "в", "не", "всё"),
                List.of("θάλασσα", "αγάπη", "νύχτα", "καρδιά", "ουρανός", "όνειρο", "φως", "ήλιος", "τραγούδι",
                        "καλοκαίρι", "δρόμος", "μου", "σου", "να", "με", "θα", "και", "δεν", "εσύ", "εγώ"));
        private static final List<List<String>> FIRST_NAMES = List.of(
                List.of("Ava", "Leo", "Mia", "Noah", "Zoe", "Max", "Ivy", "Sam", "Kai", "Lou", "Nina", "Finn", "Ruby", "Theo"),
                List.of("José", "Zoë", "Chloé", "André", "Inés", "Jürgen", "Renée", "Ángel"),
                List.of("Иван", "Мария", "Алла", "Виктор", "Земфира", "Борис"),
                List.of("Νίκος", "Ελένη", "Γιώργος", "Άννα", "Σωκράτης", "Μαρία"));
        private static final List<List<String>> LAST_NAMES = List.of(
                List.of("Stone", "Rivers", "Hart", "Cole", "Vega", "Knight", "Moss", "Gray", "Lane", "Fox", "Wolfe", "Day"),
                List.of("Núñez", "Müller", "Lefèvre", "García", "Böhm", "Côté"),
                List.of("Цой", "Пугачёва", "Гребенщиков", "Земфира", "Кузнецова", "Лебедев"),
                List.of("Μάλαμας", "Πρωτοψάλτη", "Αρβανιτάκη", "Νταλάρας", "Παπακωνσταντίνου", "Βίσση"));

        private final int songs;
        private final long seed;

        SyntheticSongs(int songs, long seed) {
            this.songs = songs;
            this.seed = seed;
        }

        List<Track> tracks(int from, int to) {
            List<Track> tracks = new ArrayList<>(to - from);
            for (int song = from; song < to; song++) {
                SplittableRandom random = new SplittableRandom(seed * 1_000_003L + song);
                OptionalInt popularity = random.nextInt(10) == 0 ? OptionalInt.empty() : OptionalInt.of(random.nextInt(101));
                tracks.add(new Track(id(song), title(song), List.of(artist(song / SONGS_PER_ARTIST)), Optional.empty(),
                        OptionalInt.empty(), Optional.empty(), popularity, OptionalLong.empty(), Optional.empty()));
            }
            return tracks;
        }

        /** What someone naming the song types: its title, "artist title" or "artist - title". */
        String typedName(int song, SplittableRandom random) {
            String title = title(song);
            String artist = artist(song / SONGS_PER_ARTIST);
            return switch (random.nextInt(10)) {
                case 0, 1, 2, 3, 4 -> title;
                case 5, 6, 7 -> artist + " " + title;
                default -> artist + " - " + title;
            };
        }

        private String id(int song) {
            return String.format(Locale.ROOT, "search%016d", song); // 22 characters, like a Spotify id
        }

        private String title(int song) {
            SplittableRandom random = new SplittableRandom(seed * 7_919L + song);
            List<String> words = WORDS.get(script(random));
            int count = 1 + random.nextInt(4);
            List<String> title = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                title.add(capitalised(words.get(random.nextInt(words.size()))));
            }
            return String.join(" ", title);
        }

        private String artist(int artist) {
            SplittableRandom random = new SplittableRandom(seed * 104_729L + artist);
            int script = script(random);
            List<String> first = FIRST_NAMES.get(script);
            List<String> last = LAST_NAMES.get(script);
            return first.get(random.nextInt(first.size())) + " " + last.get(random.nextInt(last.size()));
        }

        /** 0 English (four in five), 1 accented Latin, 2 Cyrillic (one in ten), 3 Greek. */
        private static int script(SplittableRandom random) {
            return switch (random.nextInt(20)) {
                case 16 -> 1;
                case 17, 18 -> 2;
                case 19 -> 3;
                default -> 0;
            };
        }

        private static String capitalised(String word) {
            return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
        }
    }
}
