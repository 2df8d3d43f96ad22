package dev.tastebot.chat;

import dev.tastebot.recommend.Candidate;
import dev.tastebot.recommend.CandidatePicker;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.text.RichText;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * /playlist: the next songs to rate, written into the user's private Spotify playlist to listen to
 * there, and posted in the chat to rate. Only Spotify's own tracks can go into a playlist; songs a
 * catalogue gave other ids (the demo's) are left out, and the answer says so.
 */
final class PlaylistCommand {
    /** Songs per playlist: an evening's listening, and few enough to rate in one go. */
    static final int SIZE = 10;

    private final CandidatePicker candidates;
    private final TrackStore tracks;
    private final SpotifyAccounts spotify;

    PlaylistCommand(CandidatePicker candidates, TrackStore tracks, SpotifyAccounts spotify) {
        this.candidates = candidates;
        this.tracks = tracks;
        this.spotify = spotify;
    }

    List<Reply> answer(String userId) {
        Optional<RichText> unavailable = spotify.playlistUnavailable(userId);
        if (unavailable.isPresent()) {
            return List.of(new Reply.Text(unavailable.get()));
        }
        List<Reply.SongCard> cards = new ArrayList<>();
        int notOnSpotify = 0;
        for (Candidate candidate : candidates.batch(userId, SIZE)) {
            Optional<Track> track = tracks.find(candidate.trackId());
            if (track.isPresent() && SongCards.isSpotifyId(track.get().id())) {
                cards.add(SongCards.of(track.get(), candidate.features(), candidate.why(), Reply.Purpose.PLAYLIST));
            } else if (track.isPresent()) {
                notOnSpotify++;
            }
        }
        if (cards.isEmpty()) {
            return List.of(new Reply.Text(notOnSpotify == 0 ? RatingSessions.NOTHING_LEFT_TO_RATE
                    : RichText.builder().words("The next songs to rate are not Spotify tracks (they come from a catalogue "
                    + "with its own ids, like the demo one), so none can go into a playlist. Rate them here with /rate; "
                    + "an operator can import a catalogue of Spotify tracks with ").code("tastebot import-catalog FILE")
                    .words(".").build()));
        }
        return switch (spotify.writePlaylist(userId, cards.stream().map(Reply.SongCard::trackId).toList())) {
            case PlaylistWrite.Refused refused -> List.of(new Reply.Text(refused.message()));
            case PlaylistWrite.Written written -> {
                List<Reply> replies = new ArrayList<>();
                replies.add(new Reply.Text(writtenText(cards.size(), written.url(), notOnSpotify)));
                replies.addAll(cards);
                yield replies;
            }
        };
    }

    /** @param url built from the playlist id Spotify gave: shown as a link only when it is a plain address */
    private static RichText writtenText(int songs, String url, int notOnSpotify) {
        return RichText.builder().words("Your private Spotify playlist of songs to rate now holds " + songs
                        + (songs == 1 ? " song" : " songs") + ": ").link(url)
                .line().words("Listen there, then rate each song below with " + Reaction.LIKE.emoji() + " / "
                        + Reaction.DISLIKE.emoji() + "."
                        + (notOnSpotify == 0 ? "" : " (" + notOnSpotify + (notOnSpotify == 1 ? " song was" : " songs were")
                        + " left out: not Spotify tracks.)"))
                .build();
    }
}
