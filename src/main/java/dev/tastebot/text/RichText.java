package dev.tastebot.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A text for people, made of spans that say whose words they are: our own words (plain or
 * emphasised), commands to type, links we built, and text from outside. Every span is meant
 * literally; markup comes only from the kind of span, never from what a span holds. Renderers
 * ({@code discord.DiscordMarkdown}, {@code console.ConsoleText}) turn it into each platform's
 * markup; {@link #plain()} is the text without any.
 */
public record RichText(List<Span> spans) {
    public static final RichText EMPTY = new RichText(List.of());
    /** Ends a text that was cut to fit. */
    public static final String SHORTENED = OutsideText.ELLIPSIS + " (shortened)";
    /** Artists named in a list at most; the rest are counted ("and 4 more"). */
    public static final int NAMES_SHOWN = 3;

    /**
     * Addresses we build ourselves and show as links: http(s), a host, and only characters that
     * cannot end a link early or start markup in any renderer (no spaces, brackets, quotes, stars).
     */
    private static final Pattern SAFE_LINK =
            Pattern.compile("https?://[A-Za-z0-9.-]+(?::\\d{1,5})?(?:[/?#][A-Za-z0-9\\-._~/?#&=%+:,;@!$]*)?");

    public RichText {
        spans = List.copyOf(spans);
    }

    /** One piece of a text. */
    public sealed interface Span {
        /** What the span shows, without markup. */
        String plain();

        /** Our own words, line breaks as {@code "\n"}; {@code strong} ones are emphasised (on one line). */
        record Words(String text, boolean strong) implements Span {
            public Words {
                Objects.requireNonNull(text, "text");
                text = strong ? text.replace('\n', ' ') : text;
            }

            @Override
            public String plain() {
                return text;
            }
        }

        /**
         * Text from outside: always one clean line (see {@link OutsideText#clean}), shown literally,
         * never as markup, a link or a mention. The {@link Builder} also shortens it.
         */
        record Outside(String text, boolean strong) implements Span {
            public Outside {
                text = OutsideText.clean(Objects.requireNonNull(text, "text"));
            }

            @Override
            public String plain() {
                return text;
            }
        }

        /** A command or setting of ours to type as shown, such as {@code tastebot import-catalog FILE}. */
        record Code(String text) implements Span {
            public Code {
                text = text.replace('\n', ' ').replace('`', '\'');
            }

            @Override
            public String plain() {
                return text;
            }
        }

        /**
         * One of tastebot's chat commands, by its declared name ({@code will-i-like}), which each
         * platform writes its own way ({@code /will_i_like} on Telegram).
         */
        record Command(String name) implements Span {
            public Command {
                if (!name.matches("[a-z][a-z0-9-]{0,31}")) {
                    throw new IllegalArgumentException("not a command name: " + name);
                }
            }

            @Override
            public String plain() {
                return "/" + name;
            }
        }

        /**
         * How to give a verdict on a song, which each platform says its own way: the emoji that are
         * the reactions and buttons on Discord and Telegram, what is typed in the console.
         */
        record Verdict(Kind kind) implements Span {
            /** The three things a person does to a song they were shown. */
            public enum Kind {
                LIKE("👍", "+"), DISLIKE("👎", "-"), STOP("⏹️", "stop");

                private final String emoji;
                private final String typed;

                Kind(String emoji, String typed) {
                    this.emoji = emoji;
                    this.typed = typed;
                }

                public String emoji() {
                    return emoji;
                }

                public String typed() {
                    return typed;
                }
            }

            public Verdict {
                java.util.Objects.requireNonNull(kind, "kind");
            }

            @Override
            public String plain() {
                return kind.emoji();
            }
        }

        /** An address we built (a Spotify page from a validated id, the authorisation page). */
        record Link(String url) implements Span {
            public Link {
                if (!isSafeLink(url)) {
                    throw new IllegalArgumentException("not a link tastebot builds: " + url);
                }
            }

            @Override
            public String plain() {
                return url;
            }
        }
    }

    /** Our own words. */
    public static RichText of(String words) {
        return builder().words(words).build();
    }

    /** A text from outside alone, shortened to {@code limit}. */
    public static RichText outside(String raw, Limit limit) {
        return builder().outside(raw, limit).build();
    }

    /**
     * A sentence another component or service composed, which may carry words from outside (an
     * error from Spotify, a file's name): shown literally on one line, shortened to {@link Limit#SENTENCE}.
     */
    public static RichText message(String sentence) {
        return outside(sentence, Limit.SENTENCE);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether {@link Span.Link} accepts {@code url}. */
    public static boolean isSafeLink(String url) {
        return url != null && url.length() <= 2000 && SAFE_LINK.matcher(url).matches();
    }

    /** The text without markup: what a reader sees. */
    public String plain() {
        StringBuilder text = new StringBuilder();
        spans.forEach(span -> text.append(span.plain()));
        return text.toString();
    }

    public boolean isBlank() {
        return spans.stream().allMatch(span -> span.plain().isBlank());
    }

    /**
     * At most {@code maxChars} characters as {@link #plain()} counts them: a longer text is cut and
     * ends in {@link #SHORTENED}. A link that does not fit whole is left out.
     */
    public RichText capped(int maxChars) {
        if (maxChars <= SHORTENED.length()) {
            throw new IllegalArgumentException("maxChars must leave room for the marker, got " + maxChars);
        }
        if (plain().length() <= maxChars) {
            return this;
        }
        Builder kept = builder();
        int room = maxChars - SHORTENED.length();
        for (Span span : spans) {
            int length = span.plain().length();
            if (length <= room) {
                kept.add(span);
                room -= length;
                continue;
            }
            String start = OutsideText.prefix(span.plain(), room);
            switch (span) {
                case Span.Words words -> kept.add(new Span.Words(start, words.strong()));
                case Span.Outside outside -> kept.add(new Span.Outside(start, outside.strong()));
                case Span.Code code -> kept.add(new Span.Code(start));
                case Span.Command command -> {
                }
                case Span.Verdict verdict -> {
                }
                case Span.Link link -> {
                }
            }
            break;
        }
        return kept.words(SHORTENED).build();
    }

    /** Builds a text span by span; adjacent words of the same kind become one span. */
    public static final class Builder {
        private final List<Span> spans = new ArrayList<>();

        private Builder() {
        }

        public Builder words(String words) {
            return add(new Span.Words(words, false));
        }

        /** Our own words, emphasised. */
        public Builder strong(String words) {
            return add(new Span.Words(words, true));
        }

        public Builder line() {
            return words("\n");
        }

        /** Text from outside, cleaned and shortened to {@code limit}. */
        public Builder outside(String raw, Limit limit) {
            return add(new Span.Outside(OutsideText.oneLine(raw, limit.chars()), false));
        }

        /** Text from outside, emphasised (a song's title). */
        public Builder strongOutside(String raw, Limit limit) {
            return add(new Span.Outside(OutsideText.oneLine(raw, limit.chars()), true));
        }

        /** Artists (or genres): "A, B, C and 4 more", each shortened to {@link Limit#NAME}. */
        public Builder names(List<String> names) {
            List<String> shown = names.stream().map(name -> OutsideText.oneLine(name, Limit.NAME.chars()))
                    .filter(name -> !name.isEmpty()).toList();
            int listed = Math.min(shown.size(), NAMES_SHOWN);
            for (int i = 0; i < listed; i++) {
                if (i > 0) {
                    words(", ");
                }
                add(new Span.Outside(shown.get(i), false));
            }
            if (shown.size() > listed) {
                words(" and " + (shown.size() - listed) + " more");
            }
            return this;
        }

        public Builder code(String command) {
            return add(new Span.Code(command));
        }

        /** How to give a verdict: 👍 on Discord and Telegram, {@code +} in the console. */
        public Builder verdict(Span.Verdict.Kind kind) {
            return add(new Span.Verdict(kind));
        }

        /** One of tastebot's chat commands, by its declared name: {@code command("will-i-like")}. */
        public Builder command(String name) {
            return add(new Span.Command(name));
        }

        /** An address we built; one that is not a safe link is shown as text from outside instead. */
        public Builder link(String url) {
            return isSafeLink(url) ? add(new Span.Link(url)) : outside(url, Limit.SENTENCE);
        }

        public Builder append(RichText text) {
            text.spans().forEach(this::add);
            return this;
        }

        public RichText build() {
            return new RichText(spans);
        }

        private Builder add(Span span) {
            if (span.plain().isEmpty()) {
                return this;
            }
            if (span instanceof Span.Words words && !spans.isEmpty()
                    && spans.getLast() instanceof Span.Words last && last.strong() == words.strong()) {
                spans.set(spans.size() - 1, new Span.Words(last.text() + words.text(), words.strong()));
                return this;
            }
            spans.add(span);
            return this;
        }
    }
}
