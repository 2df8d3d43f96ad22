package dev.tastebot.chat;

import java.util.Arrays;
import java.util.Optional;

/** The reactions tastebot puts under a song and understands. */
public enum Reaction {
    LIKE("👍", "+"),
    DISLIKE("👎", "-"),
    STOP("⏹️", "stop");

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

    /** Accepts the emoji (with or without the variation selector) or its typed form. */
    public static Optional<Reaction> parse(String text) {
        String t = text.strip().replace("\uFE0F", "");
        return Arrays.stream(values())
                .filter(r -> r.emoji.replace("\uFE0F", "").equals(t) || r.typed.equalsIgnoreCase(t))
                .findFirst();
    }
}
