package dev.tastebot.chat;

import dev.tastebot.store.DailySetting;
import dev.tastebot.text.Limit;
import dev.tastebot.text.RichText;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

/** {@code /daily on [hour] [time zone]} and {@code /daily off}: the daily recommendation message. */
final class DailyCommand {
    private final ChatStores stores;
    private final Clock clock;

    DailyCommand(ChatStores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    List<Reply> answer(ChatUser user, ChatCommand.Daily command) {
        DailySetting current = stores.settings().daily(user.userId());
        if (!command.on()) {
            stores.settings().saveDaily(user.userId(), new DailySetting(false, current.hour(), current.timeZone()),
                    clock.instant());
            return List.of(new Reply.Text("Daily recommendations are off."));
        }
        int hour = command.hour().orElse(current.hour());
        if (hour < 0 || hour > 23) {
            return List.of(new Reply.Text("The hour must be a whole number from 0 to 23, got " + hour + "."));
        }
        ZoneId zone;
        try {
            zone = command.timeZone().map(String::strip).map(ZoneId::of).orElse(current.timeZone());
        } catch (DateTimeException e) {
            return List.of(new Reply.Text(RichText.builder().words("I don't know the time zone \"")
                    .outside(command.timeZone().orElse(""), Limit.ECHO)
                    .words("\". Use a name like Europe/Paris, America/New_York or UTC.").build()));
        }
        DailySetting setting = new DailySetting(true, hour, zone);
        Instant now = clock.instant();
        stores.settings().saveDaily(user.userId(), setting, now);
        return List.of(new Reply.Text(RichText.builder().words(String.format(Locale.ROOT, "Daily recommendations are on "
                        + "for %02d:00 (", hour)).outside(zone.getId(), Limit.ECHO)
                .words(String.format(Locale.ROOT, "): a few songs you haven't rated, picked by your model, each to rate "
                        + "with %s or %s. %s", Reaction.LIKE.emoji(), Reaction.DISLIKE.emoji(),
                        nextDaily(setting, user.userId(), now))).build()));
    }

    private String nextDaily(DailySetting setting, String userId, Instant now) {
        ZonedDateTime next = setting.nextDue(now, stores.dailyDeliveries().lastClaimed(userId));
        if (!next.toInstant().isAfter(now)) {
            return "Today's hour has passed, so today's message comes within a minute.";
        }
        LocalDate today = setting.localDate(now);
        String day = next.toLocalDate().equals(today) ? "today"
                : next.toLocalDate().equals(today.plusDays(1)) ? "tomorrow" : "on " + next.toLocalDate();
        return "The next one comes " + day + " at " + next.toLocalTime() + ".";
    }
}
