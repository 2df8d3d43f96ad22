package dev.tastebot.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rules behind {@link TrackReference#parse}: pure string work, no look-ups. */
final class TrackReferenceParser {
    private static final Pattern SPOTIFY_ID = Pattern.compile("[0-9A-Za-z]{22}");
    private static final Pattern WEB_LINK = Pattern.compile("(?i)(?:https?://)?(?:www\\.)?open\\.spotify\\.com/(\\S*)");
    private static final Pattern SHORT_LINK = Pattern.compile("(?i)(?:https?://)?spotify\\.link(?:/\\S*)?");
    private static final Pattern URI = Pattern.compile("(?i)spotify:\\S+");
    private static final Pattern ANY_LINK = Pattern.compile("(?i)(?:https?://|www\\.)\\S+");
    // Localised links put e.g. "intl-de/" or "intl-pt-br/" before the kind; embeds put "embed/".
    private static final Pattern PATH_PREFIX = Pattern.compile("(?i)intl-[a-z]{2}(?:-[a-z]{2,4})?|embed");
    // "artist - title", also with the en or em dash that phones substitute for " - ".
    private static final Pattern ARTIST_TITLE_SEPARATOR = Pattern.compile("\\s[-\u2013\u2014]\\s");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,;:!)\\]]+$");

    /** What other Spotify links and URIs name, in the words the chat uses. */
    private static final Map<String, String> OTHER_KINDS = Map.of(
            "album", "album",
            "artist", "artist",
            "playlist", "playlist",
            "episode", "episode",
            "show", "show",
            "audiobook", "audiobook",
            "chapter", "chapter",
            "local", "local file",
            "user", "profile");

    private static final String NOT_AN_ID = "the track id in it should be 22 letters and digits";

    private TrackReferenceParser() {
    }

    static TrackReference parse(String typed) {
        String text = typed.strip();
        if (text.isEmpty()) {
            return new TrackReference.Empty();
        }
        if (text.length() > TrackReference.MAX_LENGTH) {
            return new TrackReference.Malformed("too long");
        }
        List<String> tokens = Arrays.stream(WHITE_SPACE.split(text)).map(TrackReferenceParser::linkCandidate).toList();
        for (String token : tokens) {
            Optional<TrackReference> spotify = spotifyReference(token);
            if (spotify.isPresent()) {
                return spotify.get();
            }
        }
        if (tokens.size() == 1) {
            String only = tokens.getFirst();
            if (SPOTIFY_ID.matcher(only).matches() || DemoCatalog.isDemo(only)) {
                return new TrackReference.TrackId(only);
            }
            if (ANY_LINK.matcher(only).matches()) {
                return new TrackReference.Malformed("it is not a Spotify link");
            }
        }
        return search(text);
    }

    static TrackReference.Search search(String typed) {
        String text = WHITE_SPACE.matcher(typed.strip()).replaceAll(" ");
        Matcher separator = ARTIST_TITLE_SEPARATOR.matcher(text);
        if (separator.find()) {
            String artist = text.substring(0, separator.start()).strip();
            String title = text.substring(separator.end()).strip();
            if (!artist.isEmpty() && !title.isEmpty()) {
                return new TrackReference.Search(text, Optional.of(new TrackReference.ArtistAndTitle(artist, title)));
            }
        }
        return new TrackReference.Search(text, Optional.empty());
    }

    private static Optional<TrackReference> spotifyReference(String token) {
        Matcher link = WEB_LINK.matcher(token);
        if (link.matches()) {
            return Optional.of(fromPath(link.group(1)));
        }
        if (SHORT_LINK.matcher(token).matches()) {
            return Optional.of(new TrackReference.Malformed(
                    "spotify.link short links cannot be followed here (open it and copy the open.spotify.com link)"));
        }
        if (URI.matcher(token).matches()) {
            List<String> parts = List.of(token.split(":", -1));
            return Optional.of(fromSegments(parts.subList(1, parts.size())));
        }
        return Optional.empty();
    }

    /** The part of a web link after the host, e.g. {@code intl-de/track/ID?si=abc}. */
    private static TrackReference fromPath(String path) {
        String withoutQuery = path.split("[?#]", 2)[0];
        List<String> segments = Arrays.stream(withoutQuery.split("/"))
                .filter(segment -> !segment.isEmpty())
                .dropWhile(segment -> PATH_PREFIX.matcher(segment).matches())
                .toList();
        return fromSegments(segments);
    }

    /** {@code [track, ID]} from a link's path or a URI; older playlist links put {@code user/NAME/} first. */
    private static TrackReference fromSegments(List<String> segments) {
        if (segments.isEmpty()) {
            return new TrackReference.Malformed("it is not a link to a track");
        }
        String kind = segments.getFirst().toLowerCase(Locale.ROOT);
        if (kind.equals("track")) {
            return segments.size() == 2 && SPOTIFY_ID.matcher(segments.get(1)).matches()
                    ? new TrackReference.TrackId(segments.get(1))
                    : new TrackReference.Malformed(NOT_AN_ID);
        }
        if (kind.equals("user") && segments.size() > 2) {
            return fromSegments(segments.subList(2, segments.size()));
        }
        String otherKind = OTHER_KINDS.get(kind);
        return otherKind == null
                ? new TrackReference.Malformed("it is not a link to a track")
                : new TrackReference.NotATrack(otherKind);
    }

    /**
     * A word as a possible link: without the angle brackets Discord uses to suppress a preview, and
     * without the punctuation of the sentence around it ("listen to https://...!").
     */
    private static String linkCandidate(String token) {
        String unwrapped = token.length() > 2 && token.startsWith("<") && token.endsWith(">")
                ? token.substring(1, token.length() - 1)
                : token;
        return TRAILING_PUNCTUATION.matcher(unwrapped).replaceFirst("");
    }
}
