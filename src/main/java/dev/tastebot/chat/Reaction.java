package dev.tastebot.chat;

import dev.tastebot.text.RichText;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** The reactions tastebot puts under a song and understands. */
public enum Reaction {
    LIKE(RichText.Span.Verdict.Kind.LIKE),
    DISLIKE(RichText.Span.Verdict.Kind.DISLIKE),
    STOP(RichText.Span.Verdict.Kind.STOP);

    /** A skin tone (U+1F3FB–U+1F3FF) after the emoji: a 👍🏽 is still a 👍. */
    private static final Pattern SKIN_TONE = Pattern.compile("[\\x{1F3FB}-\\x{1F3FF}]$");

    private final RichText.Span.Verdict.Kind verdict;
    private final String emoji;
    private final String typed;

    Reaction(RichText.Span.Verdict.Kind verdict) {
        this.verdict = verdict;
        this.emoji = verdict.emoji();
        this.typed = verdict.typed();
    }

    /** How answers tell the user to give this reaction, each platform in its own way. */
    public RichText.Span.Verdict.Kind verdict() {
        return verdict;
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
