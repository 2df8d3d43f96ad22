package dev.tastebot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a daily message is due, in the user's own time zone, across daylight-saving changes. */
class DailySettingTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static Instant berlin(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), BERLIN).toInstant();
    }

    @Test
    void theMessageIsDueAtTheHourInTheUsersOwnZone() {
        DailySetting tokyoAtNine = new DailySetting(true, 9, TOKYO);

        // 09:00 in Tokyo is 00:00 UTC, and it is already the 11th there when it is the 10th in Berlin
        assertThat(tokyoAtNine.dueOn(LocalDate.parse("2026-06-11")).toInstant()).isEqualTo(Instant.parse("2026-06-11T00:00:00Z"));
        assertThat(tokyoAtNine.localDate(berlin("2026-06-10T20:00"))).isEqualTo(LocalDate.parse("2026-06-11"));
        assertThat(tokyoAtNine.isDue(Instant.parse("2026-06-10T23:59:00Z"), Optional.empty())).isFalse();
        assertThat(tokyoAtNine.isDue(Instant.parse("2026-06-11T00:00:00Z"), Optional.empty())).isTrue();
    }

    @Test
    void anHourSkippedBySpringForwardIsDueAtTheFirstInstantAfterTheGap() {
        // 29 March 2026 in Berlin: clocks jump from 02:00 to 03:00, so 02:00 never happens
        DailySetting atTwo = new DailySetting(true, 2, BERLIN);

        ZonedDateTime due = atTwo.dueOn(LocalDate.parse("2026-03-29"));

        assertThat(due.toInstant()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(due.toLocalTime()).hasToString("03:00");
        assertThat(atTwo.isDue(Instant.parse("2026-03-29T00:59:59Z"), Optional.empty())).isFalse();
        assertThat(atTwo.isDue(Instant.parse("2026-03-29T01:00:00Z"), Optional.empty())).isTrue();
    }

    @Test
    void anHourRepeatedByFallBackIsDueOnceFromItsFirstOccurrence() {
        // 25 October 2026 in Berlin: 02:00 to 03:00 happens twice, first in summer time
        DailySetting atTwo = new DailySetting(true, 2, BERLIN);
        LocalDate day = LocalDate.parse("2026-10-25");

        assertThat(atTwo.dueOn(day).toInstant()).isEqualTo(Instant.parse("2026-10-25T00:00:00Z"));
        // once that day is claimed, the second 02:00 is not due again
        assertThat(atTwo.isDue(Instant.parse("2026-10-25T01:00:00Z"), Optional.of(day))).isFalse();
        assertThat(atTwo.nextDue(Instant.parse("2026-10-25T01:00:00Z"), Optional.of(day)).toInstant())
                .isEqualTo(Instant.parse("2026-10-26T01:00:00Z"));
    }

    @Test
    void aMissedHourIsDueLaterTheSameDayAndTheNextDayWaitsForItsHour() {
        DailySetting atNine = new DailySetting(true, 9, BERLIN);

        // the bot was down at 09:00 and is back at 21:00: today's message is due now
        assertThat(atNine.isDue(berlin("2026-06-10T21:00"), Optional.of(LocalDate.parse("2026-06-09")))).isTrue();
        // back only after midnight: yesterday's is gone, today's waits for 09:00
        assertThat(atNine.isDue(berlin("2026-06-11T00:30"), Optional.of(LocalDate.parse("2026-06-09")))).isFalse();
        assertThat(atNine.nextDue(berlin("2026-06-11T00:30"), Optional.of(LocalDate.parse("2026-06-09"))).toInstant())
                .isEqualTo(berlin("2026-06-11T09:00"));
    }

    @Test
    void aClaimedDayAheadOfTodayAfterAMoveWestIsNotSentAgain() {
        // GIVEN the 11th was claimed in Tokyo, and the user moved to Berlin where it is still the 10th
        DailySetting berlinAtNine = new DailySetting(true, 9, BERLIN);

        // THEN the next message is on the 12th: the 11th had its message
        assertThat(berlinAtNine.nextDue(berlin("2026-06-10T22:00"), Optional.of(LocalDate.parse("2026-06-11"))).toInstant())
                .isEqualTo(berlin("2026-06-12T09:00"));
    }

    @Test
    void aUserWhoTurnedItOffIsNeverDue() {
        DailySetting off = new DailySetting(false, 9, BERLIN);

        assertThat(off.isDue(berlin("2026-06-10T12:00"), Optional.empty())).isFalse();
    }
}
