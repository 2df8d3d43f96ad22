package dev.tastebot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.store.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot as a process of its own, killed with SIGKILL in the middle of rating: every rating it
 * acknowledged (by showing the next song, which it does only after the rating is stored) is there
 * when it starts again. Runs the console on the demo catalogue, as the README's run command does.
 */
class KillTest {
    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path workingDirectory;

    /** The bot's standard output, line by line, from a thread of its own. */
    private record Bot(Process process, Writer stdin, BlockingQueue<String> lines) {
        void type(String line) throws IOException {
            stdin.write(line + "\n");
            stdin.flush();
        }

        /** The next line starting with {@code prefix}, and the lines before it. */
        List<String> until(String prefix) throws InterruptedException {
            List<String> seen = new ArrayList<>();
            while (true) {
                String line = lines.poll(WAIT_SECONDS, TimeUnit.SECONDS);
                if (line == null) {
                    throw new AssertionError("no line starting with \"" + prefix + "\" within " + WAIT_SECONDS + " s; saw " + seen);
                }
                seen.add(line);
                if (line.startsWith(prefix)) {
                    return seen;
                }
            }
        }
    }

    private Bot start() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run")
                .directory(workingDirectory.toFile())
                .redirectError(workingDirectory.resolve("stderr.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TASTEBOT_"));
        builder.environment().put("TASTEBOT_DB_PATH", workingDirectory.resolve("data/tastebot.db").toString());
        Process process = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ended) {
                // the process was killed
            }
        });
        return new Bot(process, new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), lines);
    }

    /** The "♪ Title by Artist" line a song is shown with, among the lines up to its "rate it:" line. */
    private static String song(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith("♪ ")).reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no song among " + lines)).replaceFirst("^♪ (\\d+\\. )?", "");
    }

    @Test
    void everyRatingTheBotAcknowledgedBeforeItWasKilledIsThereAfterARestart() throws Exception {
        // GIVEN the bot running in its own process, rating songs of the demo catalogue
        Bot bot = start();
        bot.until("tastebot console");
        bot.type("/rate");
        String shown = song(bot.until("  rate it:"));
        Map<String, Boolean> acknowledged = new LinkedHashMap<>();

        // WHEN it rates 25 songs, each acknowledged by the next song shown, then one more
        for (int i = 0; i < 25; i++) {
            boolean liked = i % 3 != 0;
            bot.type(liked ? "+" : "-");
            String next = song(bot.until("  rate it:"));
            acknowledged.put(shown, liked);
            shown = next;
        }
        bot.type("+");
        // AND is killed without warning, whether or not that last rating got through
        bot.process().destroyForcibly();
        assertThat(bot.process().waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        // THEN, started again, it counts at least those ratings
        Bot again = start();
        again.until("tastebot console");
        again.type("/stats");
        String stats = again.until("Your ratings").getLast();
        again.type("/quit");
        assertThat(again.process().waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(again.process().exitValue()).isZero();
        long likes = acknowledged.values().stream().filter(liked -> liked).count();
        assertThat(stats).matches("Your ratings: (\\d+) 👍 and (\\d+) 👎");
        int storedLikes = Integer.parseInt(stats.replaceAll("Your ratings: (\\d+) .*", "$1"));
        int storedDislikes = Integer.parseInt(stats.replaceAll(".* and (\\d+) 👎", "$1"));
        assertThat(storedLikes).isBetween((int) likes, (int) likes + 1);
        assertThat(storedDislikes).isEqualTo(acknowledged.size() - likes);
        // AND each acknowledged song holds the verdict it was given
        try (Database database = Database.open(workingDirectory.resolve("data/tastebot.db"))) {
            acknowledged.forEach((song, liked) -> assertThat(storedVerdict(database, song)).as(song).contains(liked));
        }
    }

    /** The local user's verdict on the song shown as "Title by Artist". */
    private static Optional<Boolean> storedVerdict(Database database, String song) {
        return database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT r.liked FROM ratings r JOIN tracks t ON t.id = r.track_id
                    WHERE r.user_id = 'console:local'
                      AND t.title || ' by ' || (SELECT group_concat(name, ', ') FROM track_artists a WHERE a.track_id = t.id) = ?""")) {
                select.setString(1, song);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getInt(1) == 1) : Optional.<Boolean>empty();
                }
            }
        });
    }
}
