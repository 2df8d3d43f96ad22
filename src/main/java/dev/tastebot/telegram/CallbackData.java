package dev.tastebot.telegram;

import dev.tastebot.chat.Reaction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What tastebot's inline buttons send back when pressed: short ASCII words, within Telegram's 64
 * bytes, and nothing that decides anything. Telegram warns that a client may send data no button
 * of the message carries, so the core checks who may rate a song, and a forget button deletes only
 * the presser's data, and only when it is theirs.
 *
 * <ul>
 *   <li>{@code like}, {@code dislike}, {@code stop}: a song card's buttons; in a group followed by
 *       {@code |} and the first name of the person it is for, to tell others whose song it is;</li>
 *   <li>{@code forget:<user id>}, {@code keep:<user id>}: the answer to {@code /forget_me}'s question;</li>
 *   <li>{@code pick:<value>}: one of several matches picked ({@code chat.Reply.Choices}); the value is
 *       the core's to check, since anyone may send any.</li>
 * </ul>
 */
final class CallbackData {
    /** Telegram's limit on a button's callback data. */
    static final int MAX_BYTES = 64;
    private static final String FORGET = "forget:";
    private static final String KEEP = "keep:";
    private static final String PICK = "pick:";

    /** A button press, read. */
    sealed interface Press {
        record Rate(Reaction reaction, Optional<String> ownerName) implements Press {
        }

        record Forget(long userId) implements Press {
        }

        record Keep(long userId) implements Press {
        }

        /** @param value as sent, unchecked */
        record Pick(String value) implements Press {
        }

        record Unknown() implements Press {
        }
    }

    private CallbackData() {
    }

    /** A card's button; the owner's name is cut to fit, on a character boundary. */
    static String rate(Reaction reaction, Optional<String> ownerName) {
        String verb = verb(reaction);
        if (ownerName.isEmpty() || ownerName.get().isBlank()) {
            return verb;
        }
        return fit(verb + "|" + ownerName.get().replace('|', ' ').strip());
    }

    static String forget(long userId) {
        return FORGET + userId;
    }

    static String keep(long userId) {
        return KEEP + userId;
    }

    /** A choice's button; empty when its value does not fit, since Telegram refuses the whole message then. */
    static Optional<String> pick(String value) {
        String data = PICK + value;
        return data.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES ? Optional.of(data) : Optional.empty();
    }

    static Press read(String data) {
        if (data == null) {
            return new Press.Unknown();
        }
        if (data.startsWith(PICK)) {
            return new Press.Pick(data.substring(PICK.length()));
        }
        int bar = data.indexOf('|');
        String verb = bar < 0 ? data : data.substring(0, bar);
        Optional<String> name = bar < 0 ? Optional.empty() : Optional.of(data.substring(bar + 1)).filter(n -> !n.isBlank());
        return switch (verb) {
            case "like" -> new Press.Rate(Reaction.LIKE, name);
            case "dislike" -> new Press.Rate(Reaction.DISLIKE, name);
            case "stop" -> new Press.Rate(Reaction.STOP, name);
            default -> userAfter(data, FORGET).<Press>map(Press.Forget::new)
                    .or(() -> userAfter(data, KEEP).map(Press.Keep::new))
                    .orElseGet(Press.Unknown::new);
        };
    }

    private static String verb(Reaction reaction) {
        return switch (reaction) {
            case LIKE -> "like";
            case DISLIKE -> "dislike";
            case STOP -> "stop";
        };
    }

    private static Optional<Long> userAfter(String data, String prefix) {
        if (!data.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(data.substring(prefix.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** At most {@link #MAX_BYTES} bytes of UTF-8, never cutting a character in two. */
    private static String fit(String data) {
        String kept = data;
        while (kept.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            int end = kept.offsetByCodePoints(kept.length(), -1);
            kept = kept.substring(0, end);
        }
        return kept;
    }
}
