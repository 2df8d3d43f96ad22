package dev.tastebot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.store.BusyWait;
import dev.tastebot.store.Rating;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reactions while another program (an operator's import, a backup) holds the database's write lock,
 * played by a second JDBC connection to the same file: the core's database waits 50 ms, tries once
 * more, and a rating that still could not be written is told to the user instead of lost in silence.
 */
class RatingWhileDatabaseBusyTest {
    private static final ChatUser ANA = new ChatUser("discord", "100", "Ana");

    @TempDir
    Path folder;
    private final AtomicInteger retries = new AtomicInteger();
    /** What the other program does while the core waits to try again. */
    private Runnable otherProgramBeforeRetry = () -> { };
    private ChatFixture fixture;
    private Connection otherProgram;

    @BeforeEach
    void setUp() throws SQLException {
        fixture = new ChatFixture(folder, 40, new BusyWait(Duration.ofMillis(50), () -> {
            retries.incrementAndGet();
            otherProgramBeforeRetry.run();
        }));
        otherProgram = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("tastebot.db"));
    }

    @AfterEach
    void tearDown() throws SQLException {
        otherProgram.close();
        fixture.close();
    }

    /** Ana's first song of a session, posted as message m1. */
    private Reply.SongCard firstSong() {
        Reply.SongCard card = fixture.core().handle(ANA, new ChatCommand.Rate()).stream()
                .filter(Reply.SongCard.class::isInstance).map(Reply.SongCard.class::cast).findFirst().orElseThrow();
        fixture.core().posted(ANA, "m1", card);
        return card;
    }

    private String titleOf(Reply.SongCard card) {
        return fixture.tracks().find(card.trackId()).orElseThrow().title();
    }

    private void otherProgram(String sql) {
        try (Statement statement = otherProgram.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aThumbsUpRefusedTwiceIsToldNotSavedAndCountsWhenGivenAgain() {
        // GIVEN Ana's song, and another program holding the write lock throughout
        Reply.SongCard card = firstSong();
        otherProgram("BEGIN IMMEDIATE");

        // WHEN Ana reacts 👍
        List<Reply> replies = fixture.core().reacted("discord", "m1", ANA, Reaction.LIKE, true);

        // THEN the rating was tried twice, and she is told, naming the song, that it was not saved
        assertThat(retries).hasValue(1);
        assertThat(replies).singleElement().isInstanceOfSatisfying(Reply.Text.class, text -> assertThat(text.text())
                .startsWith("Your 👍 on").contains(titleOf(card))
                .endsWith("was not saved: the database is busy, try again."));
        // AND nothing was stored
        otherProgram("ROLLBACK");
        assertThat(fixture.ratings().current(ANA.userId(), card.trackId())).isEmpty();
        assertThat(fixture.ratings().history(ANA.userId(), card.trackId())).isEmpty();
        // AND once the lock is free, her 👍 counts and the session goes on
        assertThat(fixture.core().reacted("discord", "m1", ANA, Reaction.LIKE, true))
                .singleElement().isInstanceOf(Reply.SongCard.class);
        assertThat(fixture.ratings().current(ANA.userId(), card.trackId())).map(Rating::liked).contains(true);
    }

    @Test
    void aLockReleasedBeforeTheRetryLetsTheThumbsUpCount() {
        // GIVEN Ana's song, and another program holding the write lock until the core waits to try again
        Reply.SongCard card = firstSong();
        otherProgram("BEGIN IMMEDIATE");
        otherProgramBeforeRetry = () -> otherProgram("COMMIT");

        // WHEN Ana reacts 👍
        List<Reply> replies = fixture.core().reacted("discord", "m1", ANA, Reaction.LIKE, true);

        // THEN the second attempt stored the like, and the next song follows
        assertThat(retries).hasValue(1);
        assertThat(fixture.ratings().current(ANA.userId(), card.trackId())).map(Rating::liked).contains(true);
        assertThat(replies).singleElement().isInstanceOf(Reply.SongCard.class);
    }

    @Test
    void takingBackARatingWhileBusyIsToldNotSavedAndTheRatingStays() {
        // GIVEN Ana liked her song, and another program then holds the write lock throughout
        Reply.SongCard card = firstSong();
        fixture.core().reacted("discord", "m1", ANA, Reaction.LIKE, true);
        otherProgram("BEGIN IMMEDIATE");

        // WHEN she removes her 👍
        List<Reply> replies = fixture.core().reacted("discord", "m1", ANA, Reaction.LIKE, false);

        // THEN she is told it was not saved, and the like is still her rating
        assertThat(replies).singleElement().isInstanceOfSatisfying(Reply.Text.class, text -> assertThat(text.text())
                .startsWith("Taking back your 👍 on").contains(titleOf(card))
                .endsWith("was not saved: the database is busy, try again."));
        otherProgram("ROLLBACK");
        assertThat(fixture.ratings().current(ANA.userId(), card.trackId())).map(Rating::liked).contains(true);
    }
}
