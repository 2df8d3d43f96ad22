package dev.tastebot.spotify;

import dev.tastebot.chat.PlaylistWrite;
import dev.tastebot.spotify.api.SpotifyApiException;
import dev.tastebot.spotify.api.SpotifyWeb;
import dev.tastebot.spotify.api.UserTokens;
import dev.tastebot.spotify.auth.AuthorizeUrl;
import dev.tastebot.spotify.auth.SpotifyLinking;
import dev.tastebot.store.SpotifyPlaylistStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Each linked user's private Spotify playlist of songs to rate: created on first use, its items
 * replaced every time, created again when Spotify no longer has it. Needs the playlist feature on
 * ({@code spotify.playlists}) and a link that granted {@code playlist-modify-private}.
 */
public final class SongsToRatePlaylist {
    public static final String NAME = "tastebot: songs to rate";
    static final String DESCRIPTION = "Songs tastebot would like your opinion on: listen here, then rate each with "
            + "a thumbs up or down in the chat. /playlist replaces them with the next ones.";
    private static final Logger log = LoggerFactory.getLogger(SongsToRatePlaylist.class);

    private final boolean enabled;
    private final SpotifyLinking linking;
    private final UserTokens tokens;
    private final SpotifyWeb web;
    private final SpotifyPlaylistStore playlists;
    private final Clock clock;

    /** @param enabled whether the operator turned playlists on ({@code spotify.playlists}) */
    public SongsToRatePlaylist(boolean enabled, SpotifyLinking linking, UserTokens tokens, SpotifyWeb web,
                               SpotifyPlaylistStore playlists, Clock clock) {
        this.enabled = enabled;
        this.linking = linking;
        this.tokens = tokens;
        this.web = web;
        this.playlists = playlists;
        this.clock = clock;
    }

    /** Why the playlist cannot be written for this user now, in words for them; empty when it can. */
    public Optional<String> unavailable(String userId) {
        if (!enabled) {
            return Optional.of("Playlists are off on this bot (its operator turns them on with spotify.playlists). "
                    + "You can rate songs right here with /rate.");
        }
        Optional<Set<String>> granted = linking.grantedScopes(userId);
        if (granted.isEmpty()) {
            return Optional.of("Link your Spotify account first with /link; then /playlist puts the songs to rate into "
                    + "a private playlist of yours.");
        }
        if (!granted.get().contains(AuthorizeUrl.PLAYLIST_SCOPE)) {
            return Optional.of("Your Spotify link doesn't allow tastebot to keep a playlist for you yet: send /link "
                    + "again and allow it.");
        }
        return Optional.empty();
    }

    /** @param trackIds Spotify track ids, at most 100 */
    public PlaylistWrite write(String userId, List<String> trackIds) {
        Optional<String> unavailable = unavailable(userId);
        if (unavailable.isPresent()) {
            return new PlaylistWrite.Refused(unavailable.get());
        }
        try {
            Optional<String> stored = playlists.find(userId);
            if (stored.isPresent()) {
                if (asUser(userId, token -> web.replacePlaylistItems(token, stored.get(), trackIds))) {
                    return written(stored.get());
                }
                log.info("The playlist of {} is gone from Spotify; creating it again", userId);
            }
            String created = asUser(userId, token -> web.createPrivatePlaylist(token, NAME, DESCRIPTION));
            playlists.save(userId, created, clock.instant());
            if (!asUser(userId, token -> web.replacePlaylistItems(token, created, trackIds))) {
                return new PlaylistWrite.Refused("Spotify lost the playlist it had just created; try /playlist again.");
            }
            return written(created);
        } catch (LinkStopped e) {
            return new PlaylistWrite.Refused("Your Spotify link didn't work just now: it may have expired or been "
                    + "revoked, or Spotify can't be reached. Try again later, or send /link to link again.");
        } catch (SpotifyApiException e) {
            log.warn("Could not write the playlist of {}: {}", userId, e.getMessage());
            return new PlaylistWrite.Refused("I couldn't write your playlist: " + e.getMessage());
        }
    }

    private <T> T asUser(String userId, Function<String, T> call) {
        return tokens.withToken(userId, call).orElseThrow(LinkStopped::new);
    }

    private static PlaylistWrite written(String playlistId) {
        return new PlaylistWrite.Written("https://open.spotify.com/playlist/" + playlistId);
    }

    /** No usable access token: the link is gone, expired, or refused even after a refresh. */
    private static final class LinkStopped extends RuntimeException {
        LinkStopped() {
            super(null, null, false, false);
        }
    }
}
