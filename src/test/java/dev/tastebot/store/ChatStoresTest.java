package dev.tastebot.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ChatStoresTest {
    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

    @TempDir
    Path folder;
    private Database database;
    private PostedSongStore posted;
    private RatingSessionStore sessions;
    private UserSettingsStore settings;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("tastebot.db"));
        new TrackStore(database, Clock.fixed(T0, ZoneOffset.UTC)).writeTrusted(TrustedSource.CATALOG, List.of(
                Track.of("t1", "One", List.of("A")), Track.of("t2", "Two", List.of("B"))));
        posted = new PostedSongStore(database);
        sessions = new RatingSessionStore(database);
        settings = new UserSettingsStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aPostedSongIsFoundByItsMessageAfterReopening() {
        posted.save(new PostedSong("discord:55", "discord:1", "t1", PostedSong.SESSION, T0));
        database.close();
        database = Database.open(folder.resolve("tastebot.db"));

        assertThat(new PostedSongStore(database).find("discord:55"))
                .contains(new PostedSong("discord:55", "discord:1", "t1", PostedSong.SESSION, T0));
        assertThat(new PostedSongStore(database).find("discord:56")).isEmpty();
    }

    @Test
    void postingTheSameMessageTwiceKeepsTheFirstRecord() {
        posted.save(new PostedSong("console:1", "console:me", "t1", PostedSong.SESSION, T0));
        posted.save(new PostedSong("console:1", "console:me", "t2", PostedSong.DAILY, T0.plusSeconds(5)));

        assertThat(posted.find("console:1").orElseThrow().trackId()).isEqualTo("t1");
    }

    @Test
    void recentSongsAreNewestFirstAndOnlyTheUsersOwn() {
        posted.save(new PostedSong("console:1", "console:me", "t1", PostedSong.SESSION, T0));
        posted.save(new PostedSong("console:2", "console:me", "t2", PostedSong.SESSION, T0.plusSeconds(1)));
        posted.save(new PostedSong("console:3", "console:other", "t2", PostedSong.SESSION, T0.plusSeconds(2)));

        assertThat(posted.recent("console:me", 10)).extracting(PostedSong::messageId).containsExactly("console:2", "console:1");
    }

    @Test
    void aSongTheUserAskedForCreatesTheUserButADailySongNever() {
        // GIVEN two users tastebot does not know (yet, or any more)
        UserStore users = new UserStore(database);

        // WHEN a song card answering a command is posted to one, and a daily song to the other
        posted.save(new PostedSong("discord:1", "discord:asked", "t1", PostedSong.SESSION, T0));
        posted.save(new PostedSong("discord:2", "discord:forgotten", "t1", PostedSong.DAILY, T0));

        // THEN the first user exists with their song; the daily song of the second is not recorded, nor are they
        assertThat(users.exists("discord:asked")).isTrue();
        assertThat(posted.find("discord:1")).isPresent();
        assertThat(users.exists("discord:forgotten")).isFalse();
        assertThat(posted.find("discord:2")).isEmpty();
    }

    @Test
    void turningDailyMessagesOffForAnUnreachableUserKeepsTheirHourAndNeverCreatesAUser() {
        settings.saveDaily("console:me", new DailySetting(true, 7, ZoneId.of("Europe/Paris")), T0);

        assertThat(settings.turnDailyOff("console:me")).isTrue();
        assertThat(settings.turnDailyOff("console:gone")).isFalse();

        assertThat(settings.daily("console:me")).isEqualTo(new DailySetting(false, 7, ZoneId.of("Europe/Paris")));
        assertThat(new UserStore(database).exists("console:gone")).isFalse();
    }

    @Test
    void aSessionOpensOnceRemembersItsSongAndCloses() {
        assertThat(sessions.start("console:me", T0)).isTrue();
        assertThat(sessions.start("console:me", T0.plusSeconds(9))).isFalse();
        sessions.awaiting("console:me", "console:4");

        assertThat(sessions.current("console:me"))
                .contains(new RatingSession("console:me", T0, Optional.of("console:4")));
        assertThat(sessions.stop("console:me")).isPresent();
        assertThat(sessions.current("console:me")).isEmpty();
        assertThat(sessions.stop("console:me")).isEmpty();
    }

    @Test
    void dailySettingsDefaultToOffAndAreSaved() {
        assertThat(settings.daily("console:me")).isEqualTo(DailySetting.OFF);

        settings.saveDaily("console:me", new DailySetting(true, 7, ZoneId.of("Europe/Paris")), T0);

        assertThat(settings.daily("console:me")).isEqualTo(new DailySetting(true, 7, ZoneId.of("Europe/Paris")));
        assertThat(settings.daily("console:other")).isEqualTo(DailySetting.OFF);
    }

    @Test
    void forgettingAUserRemovesTheirSongsSessionsAndSettingsButNobodyElses() {
        posted.save(new PostedSong("console:1", "console:me", "t1", PostedSong.SESSION, T0));
        posted.save(new PostedSong("console:2", "console:other", "t1", PostedSong.SESSION, T0));
        sessions.start("console:me", T0);
        settings.saveDaily("console:me", new DailySetting(true, 7, ZoneId.of("UTC")), T0);

        new UserStore(database).delete("console:me");

        assertThat(posted.find("console:1")).isEmpty();
        assertThat(posted.find("console:2")).isPresent();
        assertThat(sessions.current("console:me")).isEmpty();
        assertThat(settings.daily("console:me")).isEqualTo(DailySetting.OFF);
    }
}
