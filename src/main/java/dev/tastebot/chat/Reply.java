package dev.tastebot.chat;

import dev.tastebot.store.Track;
import dev.tastebot.text.Limit;
import dev.tastebot.text.RichText;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What tastebot says back; adapters turn each into a platform message, escaping what came from
 * outside for their own markup (see {@link RichText}).
 */
public sealed interface Reply {
    /** One text answer is at most this long: three of Discord's 2,000-character messages, a screenful in a terminal. */
    int MAX_TEXT_LENGTH = 6_000;
    /** A platform that splits long text sends one text answer in at most this many messages. */
    int MAX_MESSAGES = 3;
    /** Why a song was picked is a few lines at most, so that a card stays one message. */
    int MAX_WHY_LENGTH = 600;
    /** Album, year, genre, duration and a sketch of the sound: two short lines. */
    int MAX_ABOUT_LENGTH = 300;

    /** Words for the user; longer than {@link #MAX_TEXT_LENGTH}, they are cut and say so. */
    record Text(RichText content) implements Reply {
        public Text {
            content = content.capped(MAX_TEXT_LENGTH);
        }

        /** Our own words only. */
        public Text(String words) {
            this(RichText.of(words));
        }

        /** What it says, without markup. */
        public String text() {
            return content.plain();
        }
    }

    /**
     * A song posted for one user to rate: the adapter posts it, puts {@link Reaction#LIKE},
     * {@link Reaction#DISLIKE} (and {@link Reaction#STOP} in a session) under it, then reports the
     * posted message with {@link ChatService#posted}.
     *
     * <p>Title and artists are kept as the catalogue has them; {@link #heading} shortens them for display.
     *
     * @param why     why this song was picked ("you liked 3 songs by this artist"), cut to {@link #MAX_WHY_LENGTH}
     * @param url     the song on Spotify, so Discord shows its player; empty for songs that are not Spotify's
     * @param purpose what the song was posted for, which decides where its rating is counted
     * @param about   what else is known to judge it by: album, year, genre, duration, a sketch of its sound
     *                (see {@link SongDetails}); empty when nothing is
     */
    record SongCard(String trackId, String title, List<String> artists, String url, RichText why,
                    Purpose purpose, RichText about) implements Reply {
        public SongCard {
            Objects.requireNonNull(title, "title");
            artists = List.copyOf(artists);
            if (!url.isEmpty() && !RichText.isSafeLink(url)) {
                throw new IllegalArgumentException("a song card links only to an address tastebot built: " + url);
            }
            why = why.capped(MAX_WHY_LENGTH);
            Objects.requireNonNull(purpose, "purpose");
            about = about.capped(MAX_ABOUT_LENGTH);
        }

        /** A card with nothing known beyond title and artists. */
        public SongCard(String trackId, String title, List<String> artists, String url, RichText why, Purpose purpose) {
            this(trackId, title, artists, url, why, purpose, RichText.EMPTY);
        }

        /** A card whose reason is our own words. */
        public SongCard(String trackId, String title, List<String> artists, String url, String why, Purpose purpose) {
            this(trackId, title, artists, url, RichText.of(why), purpose);
        }

        /**
         * The title, emphasised, then the artists after {@code beforeArtists}: "Title — A, B, C and 2 more",
         * each shortened for display.
         */
        public RichText heading(String beforeArtists) {
            RichText shownTitle = RichText.builder().strongOutside(title, Limit.TITLE).build();
            RichText names = RichText.builder().names(artists).build();
            RichText.Builder heading = RichText.builder().append(shownTitle);
            if (!shownTitle.isBlank() && !names.isBlank()) {
                heading.words(beforeArtists);
            }
            heading.append(names);
            return heading.build();
        }

        /** A rating session's song: rating it brings the next, and it can stop the session. */
        public boolean inSession() {
            return purpose == Purpose.SESSION;
        }

        public List<Reaction> reactions() {
            return inSession() ? List.of(Reaction.LIKE, Reaction.DISLIKE, Reaction.STOP) : List.of(Reaction.LIKE, Reaction.DISLIKE);
        }
    }

    /**
     * A question answered by picking one of a few songs: several fit what the user typed. Each
     * platform shows the choices its own way (buttons, numbers), every label as outside text, and hands
     * a picked one's value to {@link #command}, whose command the core then answers for whoever picked.
     *
     * @param prompt  what is asked, our own words
     * @param choices the songs, best first: label "Artist - Title", value the track id
     */
    record Choices(RichText prompt, List<ChatService.Choice> choices) implements Reply {
        /** More would not fit one message's buttons on every platform (Discord: 25), nor be read. */
        public static final int MAX_CHOICES = 10;

        public Choices {
            Objects.requireNonNull(prompt, "prompt");
            choices = List.copyOf(choices);
            if (choices.isEmpty() || choices.size() > MAX_CHOICES) {
                throw new IllegalArgumentException("between 1 and " + MAX_CHOICES + " choices, got " + choices.size());
            }
        }

        /**
         * What picking {@code value} asks for: {@code /will-i-like} on that track, for whoever picked it.
         * The value comes back from the platform, where a modified client may send anything: only a
         * track id is taken, and it only ever runs that question. Empty for any other value.
         */
        public static Optional<ChatCommand> command(String value) {
            return value != null && Track.isValidId(value) ? Optional.of(new ChatCommand.WillILike(value)) : Optional.empty();
        }
    }

    /** Why a song card was posted. */
    enum Purpose {
        /** The current song of a {@code /rate} session. */
        SESSION,
        /** One of the songs of a daily recommendation message. */
        DAILY,
        /** One of the songs {@code /playlist} wrote into the user's Spotify playlist. */
        PLAYLIST,
        /** The song a {@code /will-i-like} answer is about: the asker may rate it there and then. */
        ASKED
    }
}
