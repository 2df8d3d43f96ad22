package dev.tastebot.spotify;

import dev.tastebot.chat.ChatCommand;
import dev.tastebot.chat.ChatFixture;
import dev.tastebot.chat.ChatUser;
import dev.tastebot.spotify.api.FakeSpotifyApi;
import dev.tastebot.spotify.api.FakeSpotifyApi.Answer;
import dev.tastebot.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /forget-me through the real chat core while Spotify work of the user's is in memory or under way:
 * Spotify faked at its two hosts, everything else real.
 */
class ForgetMeTest {
    private static final ChatUser ANA = new ChatUser("discord", "100", "Ana");

    @TempDir
    Path folder;
    private ChatFixture chat;
    private SpotifyFixture spotify;

    private void start(Executor background) {
        chat = new ChatFixture(folder, 5, database -> {
            try {
                spotify = new SpotifyFixture(database, false, ids -> { }, userId -> { }, background);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return spotify.spotify;
        });
    }

    @AfterEach
    void tearDown() {
        spotify.close();
        chat.close();
    }

    private void forgetAna() {
        assertThat(chat.core().handle(ANA, new ChatCommand.ForgetMe(true))).isNotEmpty();
    }

    /** Every row that names the user: theirs in {@code users}, and any table's rows with their {@code user_id}. */
    private static Map<String, Integer> rowsAbout(Database database, String userId) {
        return database.withConnection(c -> {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            Map<String, Integer> found = new LinkedHashMap<>();
            for (String table : tables) {
                String column = table.equals("users") ? "id" : "user_id";
                boolean hasColumn = false;
                try (PreparedStatement info = c.prepareStatement("SELECT 1 FROM pragma_table_info(?) WHERE name = ?")) {
                    info.setString(1, table);
                    info.setString(2, column);
                    try (ResultSet row = info.executeQuery()) {
                        hasColumn = row.next();
                    }
                }
                if (!hasColumn) {
                    continue;
                }
                try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?")) {
                    count.setString(1, userId);
                    try (ResultSet row = count.executeQuery()) {
                        row.next();
                        if (row.getInt(1) > 0) {
                            found.put(table, row.getInt(1));
                        }
                    }
                }
            }
            return found;
        });
    }

    @Test
    void forgetMeDuringASyncLeavesNoRowAboutTheUserWhenTheSyncFinishesLate() throws Exception {
        // GIVEN Ana linked Spotify and rated a song, and her library sync after the web callback runs in the background
        ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
        start(background);
        spotify.link(ANA.userId(), "user-library-read", "access-1");
        chat.ratings().rate(ANA.userId(), chat.wouldLike().keySet().iterator().next(), true, "chat", ChatFixture.NOW);
        assertThat(rowsAbout(chat.database(), ANA.userId())).isNotEmpty();
        // AND Spotify is slow to send her sixty saved songs
        CountDownLatch syncAtSpotify = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        spotify.savedSongs = request -> {
            syncAtSpotify.countDown();
            try {
                answer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.json(FakeSpotifyApi.savedPage(0, 60, IntStream.range(0, 60)
                    .mapToObj(i -> FakeSpotifyApi.trackJson(String.format("SavedSongNumber%07d", i), "Saved " + i, "Artist", "2020-01-01"))
                    .toList(), false));
        };
        spotify.spotify.syncInBackground(ANA.userId());
        assertThat(syncAtSpotify.await(20, TimeUnit.SECONDS)).isTrue();

        // WHEN Ana asks to be forgotten while the sync waits for Spotify, and then Spotify answers
        forgetAna();
        answer.countDown();
        background.close(); // waits until the sync has finished

        // THEN no row anywhere names Ana: the late sync neither brought her back nor stored her likes
        assertThat(rowsAbout(chat.database(), ANA.userId())).isEmpty();
        // AND the sync did read her library (it finished rather than being cut short)
        assertThat(spotify.calls()).contains("GET /v1/me/tracks");
        assertThat(chat.tracks().find("SavedSongNumber0000000")).isPresent();
    }

    @Test
    void forgetMeDropsTheAccessTokenKeptInMemory() {
        // GIVEN Ana linked, with her access token in memory
        start(Runnable::run);
        spotify.link(ANA.userId(), "user-library-read", "access-1");
        assertThat(spotify.spotify.link(ANA, Optional.empty()).plain()).startsWith("Your Spotify account is already linked.");

        // WHEN she is forgotten
        forgetAna();

        // THEN no token of hers is left to call Spotify with: /link asks for her consent afresh
        spotify.api.requests.clear();
        assertThat(spotify.spotify.link(ANA, Optional.empty()).plain()).startsWith("Open this link");
        assertThat(spotify.api.requests).isEmpty();
    }

    @Test
    void forgetMeDropsALinkAttemptStillOpen() {
        // GIVEN Ana opened a consent link, not yet used
        start(Runnable::run);
        String answer = spotify.spotify.link(ANA, Optional.empty()).plain();
        Matcher state = Pattern.compile("state=([^&\\s]+)").matcher(answer);
        assertThat(state.find()).isTrue();

        // WHEN she is forgotten, and then pastes the address her browser came back to
        forgetAna();
        spotify.accounts.grant("access-1", "refresh-1", "user-library-read");
        String pasted = spotify.spotify.link(ANA, Optional.of("http://127.0.0.1:8080/callback?code=c-1&state=" + state.group(1))).plain();

        // THEN the attempt is gone: nothing is linked, and nothing about her is stored
        assertThat(pasted).contains("expired");
        assertThat(rowsAbout(chat.database(), ANA.userId())).isEmpty();
    }

    @Test
    void aSyncStillWaitingToRunIsDropped() {
        // GIVEN Ana linked, and her sync after the web callback waits for a free thread
        List<Runnable> waiting = new ArrayList<>();
        start(waiting::add);
        spotify.link(ANA.userId(), "user-library-read", "access-1");
        spotify.spotify.syncInBackground(ANA.userId());
        assertThat(waiting).hasSize(1);

        // WHEN she is forgotten, and then the thread comes free
        forgetAna();
        waiting.forEach(Runnable::run);

        // THEN the sync never asked Spotify
        assertThat(spotify.calls()).isEmpty();
    }
}
