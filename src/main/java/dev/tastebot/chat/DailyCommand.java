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
            zone = command.timeZone().map(DailyCommand::zone).orElse(current.timeZone());
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

    /** {@code /daily} on its own: on or off, at which hour in which zone, and when the next one comes. */
    List<Reply> show(ChatUser user) {
        DailySetting current = stores.settings().daily(user.userId());
        if (!current.enabled()) {
            return List.of(new Reply.Text(RichText.builder().words("Daily recommendations are off. ")
                    .command(ChatCommands.DAILY).words(" on [hour] [time zone] turns them on, e.g. ")
                    .command(ChatCommands.DAILY).words(" on 9 Europe/Paris.").build()));
        }
        return List.of(new Reply.Text(RichText.builder().words(String.format(Locale.ROOT,
                        "Daily recommendations are on for %02d:00 (", current.hour())).outside(current.timeZone().getId(), Limit.ECHO)
                .words("). " + nextDaily(current, user.userId(), clock.instant()) + " ").command(ChatCommands.DAILY)
                .words(" off stops them.").build()));
    }

    /** A time zone by its name in any case ({@code europe/berlin}, {@code utc}), or an offset such as {@code +02:00}. */
    static ZoneId zone(String typed) {
        String name = typed.strip();
        try {
            return ZoneId.of(name);
        } catch (DateTimeException exact) {
            return ZoneId.getAvailableZoneIds().stream().filter(id -> id.equalsIgnoreCase(name)).findFirst()
                    .map(ZoneId::of).orElseThrow(() -> exact);
        }
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
