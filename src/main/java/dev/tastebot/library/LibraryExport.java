package dev.tastebot.library;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tastebot.text.Limit;
import dev.tastebot.text.RichText;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the saved songs out of Spotify's privacy export, {@code YourLibrary.json}: an object whose
 * {@code tracks} list holds {@code artist}, {@code album}, {@code track} and {@code uri}. Needs no
 * Spotify app, so it works for any number of users.
 */
public final class LibraryExport {
    /** Far above a real library (a 10,000-song export is about 2 MB), far below trouble. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    private static final Pattern TRACK_URI = Pattern.compile("spotify:track:([0-9A-Za-z]{22})");

    private final ObjectMapper json = new ObjectMapper();

    /** One saved song; {@code trackId} is empty when the entry carries no usable track URI. */
    public record SavedTrack(Optional<String> trackId, String title, String artist, String album) {
    }

    /** The parsed entries, or a short explanation of why the file is not a library export. */
    public sealed interface Parsed {
        record Tracks(List<SavedTrack> tracks) implements Parsed {
        }

        /** @param reason names the file as its uploader called it, as outside text */
        record NotAnExport(RichText reason) implements Parsed {
        }
    }

    public Parsed parse(String fileName, byte[] content) {
        if (content.length == 0) {
            return notAnExport(fileName, " is empty.");
        }
        if (content.length > MAX_BYTES) {
            return notAnExport(fileName, " is " + content.length / (1024 * 1024)
                    + " MB; a library export is much smaller (at most 20 MB here). Send YourLibrary.json itself.");
        }
        JsonNode root;
        try {
            root = json.readTree(content);
        } catch (JacksonException e) {
            // The parser quotes the file's own text: outside words too.
            return new Parsed.NotAnExport(RichText.builder().outside(fileName, Limit.FILE_NAME).words(" isn't valid JSON (")
                    .outside(firstLine(e.getOriginalMessage()), Limit.ERROR)
                    .words("). Send YourLibrary.json from your Spotify privacy export.").build());
        } catch (java.io.IOException e) {
            return new Parsed.NotAnExport(RichText.builder().outside(fileName, Limit.FILE_NAME).words(" could not be read: ")
                    .outside(String.valueOf(e.getMessage()), Limit.ERROR).build());
        }
        if (root == null || !root.isObject() || !root.path("tracks").isArray()) {
            return notAnExport(fileName, " doesn't look like Spotify's YourLibrary.json: it has no "
                    + "\"tracks\" list. It is in the \"Account data\" part of your privacy export.");
        }
        List<SavedTrack> tracks = new ArrayList<>();
        for (JsonNode entry : root.path("tracks")) {
            Matcher uri = TRACK_URI.matcher(entry.path("uri").asText(""));
            tracks.add(new SavedTrack(uri.matches() ? Optional.of(uri.group(1)) : Optional.empty(),
                    entry.path("track").asText(""), entry.path("artist").asText(""), entry.path("album").asText("")));
        }
        return new Parsed.Tracks(tracks);
    }

    private static Parsed notAnExport(String fileName, String why) {
        return new Parsed.NotAnExport(RichText.builder().outside(fileName, Limit.FILE_NAME).words(why).build());
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }
}
