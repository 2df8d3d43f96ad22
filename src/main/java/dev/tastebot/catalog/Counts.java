package dev.tastebot.catalog;

import java.util.Locale;

/** Counts for messages: thousands grouped, the noun in singular or plural ("1 row", "4,477 rows"). */
final class Counts {
    private Counts() {
    }

    static String of(long count, String noun) {
        return String.format(Locale.ROOT, "%,d %s", count, count == 1 ? noun : noun + "s");
    }
}
