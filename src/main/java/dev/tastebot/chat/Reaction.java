package dev.tastebot.chat;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** The reactions tastebot puts under a song and understands. */
public enum Reaction {
    LIKE("👍", "+"),
    DISLIKE("👎", "-"),
    STOP("⏹️", "stop");

    /** A skin tone (U+1F3FB–U+1F3FF) after the emoji: a 👍🏽 is still a 👍. */
    private static final Pattern SKIN_TONE = Pattern.compile("[\\x{1F3FB}-\\x{1F3FF}]$");

    private final String emoji;
    private final String typed;

    Reaction(String emoji, String typed) {
        this.emoji = emoji;
        this.typed = typed;
    }

    public String emoji() {
        return emoji;
    }

    /** What a console user types instead of clicking the emoji. */
    public String typed() {
        return typed;
    }

    /** Accepts the emoji (with or without the variation selector, in any skin tone) or its typed form. */
    public static Optional<Reaction> parse(String text) {
        String t = text.strip().replace("\uFE0F", "");
        String emoji = SKIN_TONE.matcher(t).replaceFirst("");
        return Arrays.stream(values())
                .filter(r -> r.emoji.replace("\uFE0F", "").equals(emoji) || r.typed.equalsIgnoreCase(t))
                .findFirst();
    }
}
