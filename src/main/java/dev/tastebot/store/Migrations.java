package dev.tastebot.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema migrations shipped with tastebot. They are listed here by name rather than discovered
 * on the class path, because listing a resource folder inside a shaded jar is unreliable and an
 * explicit list makes the order obvious in review.
 */
final class Migrations {
    private static final String FOLDER = "/db/migration/";

    /** Append new scripts at the end; never edit or remove one that has been released. */
    private static final List<String> SCRIPTS = List.of(
            "V1__initial_schema.sql",
            "V2__chat_sessions_and_settings.sql",
            "V3__spotify_links.sql",
            "V4__training_runs.sql",
            "V5__daily_deliveries.sql",
            "V6__candidate_sources.sql",
            "V7__last_retrainings.sql",
            "V8__spotify_playlists.sql",
            "V9__playlist_song_purpose.sql",
            "V10__track_metadata_source.sql",
            "V11__track_search_index.sql",
            "V12__daily_delivery_retry.sql",
            "V13__posted_song_reactions.sql",
            "V14__recommended_songs.sql",
            "V15__ratings_by_track_and_user.sql",
            "V16__asked_song_purpose.sql",
            "V17__genre_tags.sql");

    private static final Pattern SCRIPT_NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    private Migrations() {
    }

    static List<Migration> standard() {
        return SCRIPTS.stream().map(Migrations::fromResource).toList();
    }

    /** Reads {@code V<version>__<words_with_underscores>.sql}; the words become the description. */
    static Migration fromResource(String scriptName) {
        Matcher name = SCRIPT_NAME.matcher(scriptName);
        if (!name.matches()) {
            throw new IllegalArgumentException(
                    "migration script name must look like V1__some_description.sql: " + scriptName);
        }
        int version = Integer.parseInt(name.group(1));
        String description = name.group(2).replace('_', ' ');
        return new Migration(version, description, readResource(FOLDER + scriptName));
    }

    private static String readResource(String resource) {
        try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the build: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read migration script " + resource, e);
        }
    }
}
