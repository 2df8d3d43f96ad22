package dev.tastebot.spotify;

import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.PlaylistWrite;
import dev.tastebot.chat.SpotifyAccounts;
import dev.tastebot.chat.UserForgetting;
import dev.tastebot.library.LibrarySync;
import dev.tastebot.library.SyncOutcome;
import dev.tastebot.spotify.auth.Completion;
import dev.tastebot.spotify.auth.SpotifyLinking;
import dev.tastebot.spotify.auth.Start;
import dev.tastebot.text.RichText;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * Spotify accounts for the chat: linking (by the web callback or a pasted address), bringing in the
 * linked user's saved songs as likes right after linking and on every later /link, and the user's
 * private playlist of songs to rate. Forgetting a user drops their tokens, open link attempts and a
 * sync of theirs still waiting to run; a sync already running finishes without writing for them.
 */
public final class LinkedSpotifyAccounts implements SpotifyAccounts, UserForgetting {
    private static final Logger log = LoggerFactory.getLogger(LinkedSpotifyAccounts.class);

    private final SpotifyLinking linking;
    private final LibrarySync sync;
    private final SongsToRatePlaylist playlist;
    private final Consumer<List<String>> featuresWanted;
    private final Consumer<String> ratingsChanged;
    private final Executor background;
    /** Each user's sync after the web callback, waiting or running: at most one at a time. */
    private final Map<String, FutureTask<Void>> backgroundSyncs = new ConcurrentHashMap<>();

    /**
     * @param featuresWanted hears the ids of newly synced songs, whose audio features are worth fetching
     * @param ratingsChanged hears the user whose likes a sync added, so their model can be retrained
     */
    public LinkedSpotifyAccounts(SpotifyLinking linking, LibrarySync sync, SongsToRatePlaylist playlist,
                                 Consumer<List<String>> featuresWanted, Consumer<String> ratingsChanged,
                                 Executor background) {
        this.linking = linking;
        this.sync = sync;
        this.playlist = playlist;
        this.featuresWanted = featuresWanted;
        this.ratingsChanged = ratingsChanged;
        this.background = background;
    }

    /** Messages from linking and syncing may quote Spotify's errors or what the user pasted: shown as outside text. */
    @Override
    public RichText link(ChatUser user, Optional<String> pastedUrl) {
        String userId = user.userId();
        if (pastedUrl.isPresent()) {
            Completion completion = linking.completeFromPastedUrl(userId, pastedUrl.get());
            return completion instanceof Completion.Linked
                    ? RichText.builder().words(completion.message() + " ").append(syncNow(userId)).build()
                    : RichText.message(completion.message());
        }
        // a link made before playlists were turned on is linked again, to allow them
        if (linking.accessToken(userId).isPresent() && !linking.lacksAskedScope(userId)) {
            return RichText.builder().words("Your Spotify account is already linked. ").append(syncNow(userId)).build();
        }
        return switch (linking.start(userId, user.displayName())) {
            case Start.Open open -> RichText.builder().words("Open this link to let tastebot read your saved songs"
                    + (linking.asksForPlaylists() ? " and keep your private playlist of songs to rate" : "")
                    + " (it works once, for " + open.validFor().toMinutes() + " minutes): ")
                    .link(open.authorizeUrl().toString())
                    .words(open.pasteBack() ? "\nAfterwards your browser may show a page that does not load: copy its whole "
                    + "address and send /link with it (on Discord, in the url option), and the link completes." : "")
                    .build();
            case Start.Refused refused -> RichText.message(refused.message());
        };
    }

    /**
     * After the web callback linked the user: brings in their saved songs on the background executor,
     * unless a sync of theirs is already waiting or running.
     */
    public void syncInBackground(String userId) {
        FutureTask<Void> task = new FutureTask<>(() -> {
            try {
                log.info("Spotify library of {} after linking: {}", userId, syncNow(userId).plain());
            } catch (RuntimeException e) {
                log.warn("bringing in the Spotify library of {} after linking failed", userId, e);
            }
        }, null) {
            @Override
            protected void done() {
                backgroundSyncs.remove(userId, this);
            }
        };
        if (backgroundSyncs.putIfAbsent(userId, task) == null) {
            background.execute(task);
        }
    }

    @Override
    public void forget(String userId) {
        FutureTask<Void> waiting = backgroundSyncs.remove(userId);
        if (waiting != null) {
            // Not interrupted when already running: it ends at its next request, and writes nothing for an unknown user.
            waiting.cancel(false);
        }
        linking.forget(userId);
    }

    @Override
    public RichText unlink(String userId) {
        return RichText.of(linking.unlink(userId)
                ? "Unlinked: your Spotify tokens are deleted. The likes already brought in stay (/forget-me deletes everything)."
                : "Your Spotify account wasn't linked.");
    }

    @Override
    public Optional<RichText> playlistUnavailable(String userId) {
        return playlist.unavailable(userId).map(RichText::of);
    }

    @Override
    public PlaylistWrite writePlaylist(String userId, List<String> spotifyTrackIds) {
        return playlist.write(userId, spotifyTrackIds);
    }

    private RichText syncNow(String userId) {
        SyncOutcome outcome = sync.sync(userId, (read, total) -> log.info("Spotify library of {}: {} of {} saved songs read",
                userId, read, total));
        if (outcome instanceof SyncOutcome.Synced synced && synced.newSaved() > 0) {
            featuresWanted.accept(synced.newTrackIds());
            if (synced.newLikes() > 0) {
                ratingsChanged.accept(userId);
            }
        }
        return RichText.message(outcome.message());
    }
}
