package dev.tastebot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailyDeliveryStoreTest {
    private static final String ANA = "discord:100";
    private static final String BEN = "discord:200";
    private static final String LOCAL = "console:local";
    private static final Instant T0 = Instant.parse("2026-06-10T07:00:00Z");
    private static final LocalDate JUNE_10 = LocalDate.parse("2026-06-10");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path folder;
    private Database database;
    private DailyDeliveryStore deliveries;
    private UserSettingsStore settings;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("tastebot.db"));
        deliveries = new DailyDeliveryStore(database);
        settings = new UserSettingsStore(database);
        UserStore users = new UserStore(database);
        for (String user : List.of(ANA, BEN, LOCAL)) {
            users.ensure(user, T0);
        }
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aDayIsClaimedOnceAlsoAfterARestart() {
        assertThat(deliveries.claim(ANA, JUNE_10, T0)).isTrue();
        assertThat(deliveries.claim(ANA, JUNE_10, T0.plusSeconds(60))).isFalse();

        // WHEN the bot restarts over the same file
        database.close();
        database = Database.open(folder.resolve("tastebot.db"));
        DailyDeliveryStore reopened = new DailyDeliveryStore(database);

        // THEN the day stays claimed, the next one is free, and another user's is their own
        assertThat(reopened.claim(ANA, JUNE_10, T0.plusSeconds(120))).isFalse();
        assertThat(reopened.claim(ANA, JUNE_10.plusDays(1), T0.plusSeconds(86_400))).isTrue();
        assertThat(reopened.claim(BEN, JUNE_10, T0)).isTrue();
        assertThat(reopened.lastClaimed(ANA)).contains(JUNE_10.plusDays(1));
    }

    @Test
    void theOutcomeIsRecordedWithTheClaim() {
        deliveries.claim(ANA, JUNE_10, T0);
        assertThat(deliveries.history(ANA)).singleElement()
                .isEqualTo(new DailyDelivery(ANA, JUNE_10, T0, Optional.empty(), Optional.empty()));

        deliveries.finish(ANA, JUNE_10, DailyDelivery.Outcome.UNREACHABLE, T0.plusSeconds(3));

        assertThat(deliveries.history(ANA)).singleElement().isEqualTo(new DailyDelivery(ANA, JUNE_10, T0,
                Optional.of(DailyDelivery.Outcome.UNREACHABLE), Optional.of(T0.plusSeconds(3))));
    }

    @Test
    void subscribersAreTheUsersOfOnePlatformWithDailyOnAndTheirLastClaimedDay() {
        // GIVEN Ana (on, claimed yesterday), Ben (off), the console user (on)
        settings.saveDaily(ANA, new DailySetting(true, 8, PARIS), T0);
        settings.saveDaily(BEN, new DailySetting(false, 9, PARIS), T0);
        settings.saveDaily(LOCAL, new DailySetting(true, 7, ZoneId.of("UTC")), T0);
        deliveries.claim(ANA, JUNE_10.minusDays(2), T0);
        deliveries.claim(ANA, JUNE_10.minusDays(1), T0);

        // THEN
        assertThat(deliveries.subscribers("discord")).containsExactly(
                new DailySubscriber(ANA, new DailySetting(true, 8, PARIS), Optional.of(JUNE_10.minusDays(1))));
        assertThat(deliveries.subscribers("console")).containsExactly(
                new DailySubscriber(LOCAL, new DailySetting(true, 7, ZoneId.of("UTC")), Optional.empty()));
        assertThat(deliveries.subscribers("disc")).isEmpty();
    }

    @Test
    void aDayOfAUserWhoDoesNotExistIsNeitherClaimedNorBringsThemBack() {
        new UserStore(database).delete(ANA);

        assertThat(deliveries.claim(ANA, JUNE_10, T0)).isFalse();

        assertThat(new UserStore(database).exists(ANA)).isFalse();
        assertThat(deliveries.history(ANA)).isEmpty();
    }

    @Test
    void aDayThatFailedBeforeSendingCanBeClaimedOnceMoreFromItsRetryTime() {
        // GIVEN Ana's message failed before anything was sent, to be retried half an hour later
        Instant retryAt = T0.plus(Duration.ofMinutes(30));
        deliveries.claim(ANA, JUNE_10, T0);
        assertThat(deliveries.failedBeforeSending(ANA, JUNE_10, T0.plusSeconds(5), retryAt)).isTrue();
        settings.saveDaily(ANA, new DailySetting(true, 9, PARIS), T0);
        assertThat(deliveries.subscribers("discord")).singleElement()
                .satisfies(ana -> assertThat(ana.retryAt()).contains(retryAt));

        // WHEN it is claimed before the retry time, at it, and once more
        boolean early = deliveries.claim(ANA, JUNE_10, retryAt.minusSeconds(1));
        boolean onTime = deliveries.claim(ANA, JUNE_10, retryAt);
        boolean again = deliveries.claim(ANA, JUNE_10, retryAt.plusSeconds(1));

        // THEN only the claim at the retry time wins, as the day's second attempt
        assertThat(early).isFalse();
        assertThat(onTime).isTrue();
        assertThat(again).isFalse();
        assertThat(deliveries.history(ANA)).singleElement()
                .isEqualTo(new DailyDelivery(ANA, JUNE_10, retryAt, Optional.empty(), Optional.empty(), 2, Optional.empty()));

        // AND when the retry fails before sending too, there is no third attempt
        assertThat(deliveries.failedBeforeSending(ANA, JUNE_10, retryAt.plusSeconds(5), retryAt.plus(Duration.ofMinutes(30))))
                .isFalse();
        assertThat(deliveries.claim(ANA, JUNE_10, retryAt.plus(Duration.ofHours(1)))).isFalse();
    }

    @Test
    void aFinishedDayIsNeverClaimedAgain() {
        deliveries.claim(ANA, JUNE_10, T0);
        deliveries.finish(ANA, JUNE_10, DailyDelivery.Outcome.FAILED, T0.plusSeconds(5));

        assertThat(deliveries.claim(ANA, JUNE_10, T0.plus(Duration.ofHours(2)))).isFalse();
    }

    @Test
    void aReleasedClaimFreesTheDayButAFinishedOneIsKept() {
        deliveries.claim(ANA, JUNE_10, T0);
        deliveries.claim(BEN, JUNE_10, T0);
        deliveries.finish(BEN, JUNE_10, DailyDelivery.Outcome.DELIVERED, T0);

        deliveries.release(ANA, JUNE_10);
        deliveries.release(BEN, JUNE_10);

        assertThat(deliveries.history(ANA)).isEmpty();
        assertThat(deliveries.history(BEN)).hasSize(1);
        assertThat(deliveries.claim(ANA, JUNE_10, T0.plusSeconds(60))).isTrue();
    }

    @Test
    void oldDaysAreForgottenButRecentOnesStay() {
        deliveries.claim(ANA, JUNE_10.minusDays(90), T0);
        deliveries.claim(ANA, JUNE_10, T0);

        assertThat(deliveries.deleteBefore(JUNE_10.minusDays(60))).isEqualTo(1);

        assertThat(deliveries.history(ANA)).extracting(DailyDelivery::localDate).containsExactly(JUNE_10);
    }

    @Test
    void forgettingAUserRemovesTheirDeliveriesAndNobodyElses() {
        deliveries.claim(ANA, JUNE_10, T0);
        deliveries.claim(BEN, JUNE_10, T0);

        new UserStore(database).delete(ANA);

        assertThat(TestData.rowsOf(database, "daily_deliveries", ANA)).isZero();
        assertThat(deliveries.history(BEN)).hasSize(1);
    }
}
