package dev.tastebot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.MovableClock;
import dev.tastebot.fairuse.HeavyWork;
import dev.tastebot.fairuse.Limit;
import dev.tastebot.fairuse.OneAtATime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Per-user limits on expensive commands, hit and released on a clock the test moves. */
class FairUseTest {
    private static final ChatUser ANA = new ChatUser("discord", "100", "Ana");
    private static final ChatUser BEN = new ChatUser("discord", "200", "Ben");
    /** Retrain once in ten minutes, fill the playlist twice and import twice an hour; look up freely. */
    private static final FairUse.Limits LIMITS = new FairUse.Limits(new Limit(1, Duration.ofMinutes(10)),
            new Limit(2, Duration.ofMinutes(10)), new Limit(2, Duration.ofHours(1)), new Limit(1_000, Duration.ofMinutes(1)));

    private final MovableClock clock = new MovableClock(ChatFixture.NOW);

    private static String text(List<Reply> replies) {
        return ((Reply.Text) replies.getFirst()).text();
    }

    /** Through the real chat core. */
    @Nested
    class ThroughTheCore {
        @TempDir
        Path folder;
        ChatFixture fixture;

        @BeforeEach
        void open() {
            fixture = new ChatFixture(folder, 120, clock, db -> SpotifyAccounts.NOT_CONFIGURED, LIMITS);
        }

        @AfterEach
        void close() {
            fixture.close();
        }

        private List<Reply> handle(ChatUser user, ChatCommand command) {
            return fixture.core().handle(user, command);
        }

        /** Gives the user 30 ratings straight in the store, so no background retraining counts anywhere. */
        private void thirtyRatings(ChatUser user) {
            fixture.wouldLike().entrySet().stream().limit(30).forEach(song ->
                    fixture.ratings().rate(user.userId(), song.getKey(), song.getValue(), "chat", clock.instant()));
        }

        @Test
        void retrainingIsLimitedAndSaysWhenItCanBeDoneAgain() {
            // GIVEN Ana, who retrained her model just now
            thirtyRatings(ANA);
            assertThat(text(handle(ANA, new ChatCommand.Retrain(Optional.empty())))).startsWith("Retrained your model");

            // WHEN she asks again at once, and three minutes later
            String atOnce = text(handle(ANA, new ChatCommand.Retrain(Optional.empty())));
            clock.advance(Duration.ofMinutes(3));
            String later = text(handle(ANA, new ChatCommand.Retrain(Optional.empty())));

            // THEN she is told when she can, and no model was trained for it
            assertThat(atOnce).isEqualTo("You can retrain again in 10 minutes.");
            assertThat(later).isEqualTo("You can retrain again in 7 minutes.");
            assertThat(fixture.models().history(ANA.userId())).hasSize(1);

            // WHEN ten minutes have passed since her retraining
            clock.advance(Duration.ofMinutes(7));

            // THEN she can retrain again
            assertThat(text(handle(ANA, new ChatCommand.Retrain(Optional.empty())))).startsWith("Retrained your model");
        }

        @Test
        void anAdminsRetrainingOfSomeoneElseCountsAgainstTheAdmin() {
            // GIVEN Ana and Ben with ratings, and an admin who just retrained Ben's model
            thirtyRatings(ANA);
            thirtyRatings(BEN);
            assertThat(text(handle(ChatFixture.ADMIN, new ChatCommand.Retrain(Optional.of(BEN.userId())))))
                    .startsWith("Retrained discord:200's model");

            // WHEN Ben retrains his own, and the admin Ana's
            String bens = text(handle(BEN, new ChatCommand.Retrain(Optional.empty())));
            String admins = text(handle(ChatFixture.ADMIN, new ChatCommand.Retrain(Optional.of(ANA.userId()))));

            // THEN Ben's own is not used up by the admin; the admin waits
            assertThat(bens).startsWith("Retrained your model");
            assertThat(admins).isEqualTo("You can retrain again in 10 minutes.");
        }

        @Test
        void aRefusedRetrainingCostsNothing() {
            // GIVEN Ana, refused a retraining of Ben's model (she is no admin) and of her own (nothing rated)
            handle(ANA, new ChatCommand.Retrain(Optional.of(BEN.userId())));
            handle(ANA, new ChatCommand.Retrain(Optional.empty()));

            // WHEN she has ratings and asks again
            thirtyRatings(ANA);

            // THEN she may
            assertThat(text(handle(ANA, new ChatCommand.Retrain(Optional.empty())))).startsWith("Retrained your model");
        }

        @Test
        void importsAreLimitedAndAnAdapterCanAskBeforeFetchingTheFile() {
            // GIVEN Ana imported twice this hour
            assertThat(text(handle(ANA, library()))).startsWith("Imported ");
            clock.advance(Duration.ofMinutes(20));
            assertThat(text(handle(ANA, library()))).startsWith("Imported ");

            // WHEN she asks whether she may import, and imports all the same
            Optional<String> refusal = fixture.core().importRefusal(ANA);
            String answer = text(handle(ANA, library()));

            // THEN she is told when, the same both times, and Ben is not
            assertThat(refusal).contains("You can import again in 40 minutes.");
            assertThat(answer).isEqualTo("You can import again in 40 minutes.");
            assertThat(fixture.core().importRefusal(BEN)).isEmpty();

            // WHEN an hour has passed since her first import
            clock.advance(Duration.ofMinutes(40));

            // THEN she may import again
            assertThat(fixture.core().importRefusal(ANA)).isEmpty();
            assertThat(text(handle(ANA, library()))).startsWith("Imported ");
        }

        @Test
        void fillingThePlaylistIsLimited() {
            handle(ANA, new ChatCommand.Playlist());
            handle(ANA, new ChatCommand.Playlist());

            assertThat(text(handle(ANA, new ChatCommand.Playlist()))).isEqualTo("You can fill your playlist again in 10 minutes.");
            clock.advance(Duration.ofMinutes(10));
            assertThat(text(handle(ANA, new ChatCommand.Playlist()))).isNotEqualTo("You can fill your playlist again in 10 minutes.")
                    .doesNotStartWith("You can fill your playlist again");
        }

        @Test
        void forgetMeDoesNotResetTheLimits() {
            // GIVEN Ana used up her imports
            handle(ANA, library());
            handle(ANA, library());
            handle(ANA, library());
            assertThat(fixture.core().importRefusal(ANA)).isPresent();

            // WHEN she asks to be forgotten
            handle(ANA, new ChatCommand.ForgetMe(true));

            // THEN her data is gone, but not her place in the queue: forgetting is no way around the limits
            assertThat(fixture.users().exists(ANA.userId())).isFalse();
            assertThat(text(handle(ANA, library()))).startsWith("You can import again in ");
        }

        private static ChatCommand.Import library() {
            String json = """
                    {"tracks": [{"artist": "Daft Punk", "album": "Discovery", "track": "One More Time",
                                 "uri": "spotify:track:0DiWol3AO6WpXZgp0goxAV"}]}""";
            return new ChatCommand.Import("YourLibrary.json", json.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One run at a time, with real threads: the first run blocks until the test lets it finish. */
    @Nested
    @Timeout(30)
    class OneAtATimePerUser {
        private final HeavyWork heavy = new HeavyWork(2);
        private final OneAtATime retraining = new OneAtATime();
        private final FairUse fairUse = new FairUse(LIMITS, retraining, heavy, clock);
        private final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final AtomicInteger runs = new AtomicInteger();

        @AfterEach
        void close() {
            release.countDown();
            heavy.close();
        }

        /** Work that says it started, then waits to be released. */
        private Supplier<List<Reply>> blocking(String answer) {
            return () -> {
                runs.incrementAndGet();
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of(new Reply.Text(answer));
            };
        }

        private Supplier<List<Reply>> counted(String answer) {
            return () -> {
                runs.incrementAndGet();
                return List.of(new Reply.Text(answer));
            };
        }

        @Test
        void aSecondImportWhileTheFirstRunsIsToldToWait() throws Exception {
            // GIVEN Ana's import running
            CompletableFuture<List<Reply>> first = CompletableFuture.supplyAsync(
                    () -> fairUse.importing(ANA.userId(), blocking("first done")));
            started.await();

            // WHEN she sends another, and asks whether she may
            List<Reply> second = fairUse.importing(ANA.userId(), counted("second done"));
            Optional<String> refusal = fairUse.importRefusal(ANA.userId());

            // THEN the second does not run
            String stillRunning = "Your import is still running; wait for its answer before sending another file.";
            assertThat(text(second)).isEqualTo(stillRunning);
            assertThat(refusal).contains(stillRunning);
            assertThat(runs).hasValue(1);
            // AND Ben's import runs beside it
            assertThat(text(fairUse.importing(BEN.userId(), counted("bens done")))).isEqualTo("bens done");

            // WHEN the first finishes
            release.countDown();
            assertThat(text(first.get())).isEqualTo("first done");

            // THEN she may import again, which the refused one did not count against her limit of two
            assertThat(fairUse.importRefusal(ANA.userId())).isEmpty();
            assertThat(text(fairUse.importing(ANA.userId(), counted("third done")))).isEqualTo("third done");
        }

        @Test
        void aModelIsRetrainedOnceAtATimeWhoeverAsks() throws Exception {
            // GIVEN Ben's model being retrained on his own request
            CompletableFuture<List<Reply>> first = CompletableFuture.supplyAsync(
                    () -> fairUse.retrain(BEN.userId(), BEN.userId(), blocking("retrained")));
            started.await();

            // WHEN he asks again, and an admin asks too
            String his = text(fairUse.retrain(BEN.userId(), BEN.userId(), counted("again")));
            String admins = text(fairUse.retrain(ChatFixture.ADMIN.userId(), BEN.userId(), counted("by admin")));

            // THEN neither runs
            assertThat(his).isEqualTo("Your model is being retrained right now. See how it went with /stats in a minute.");
            assertThat(admins).isEqualTo("discord:200's model is being retrained right now; try again in a minute.");
            assertThat(runs).hasValue(1);
            // AND the background retraining, which shares the turn, would not start either
            assertThat(retraining.start(BEN.userId())).isEmpty();

            release.countDown();
            assertThat(text(first.get())).isEqualTo("retrained");
            assertThat(retraining.isRunning(BEN.userId())).isFalse();
        }

        @Test
        void retrainingAndImportsRunOnThePoolForHeavyWork() {
            Supplier<List<Reply>> where = () -> List.of(new Reply.Text(Thread.currentThread().getName()));
            assertThat(text(fairUse.importing(ANA.userId(), where))).startsWith("tastebot-heavy-");
            assertThat(text(fairUse.retrain(ANA.userId(), ANA.userId(), where))).startsWith("tastebot-heavy-");
        }
    }
}
