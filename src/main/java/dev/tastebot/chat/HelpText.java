package dev.tastebot.chat;

import dev.tastebot.text.RichText;

/** The answer to /help: every command in one screen. */
final class HelpText {
    static final RichText TEXT = RichText.builder().strong("tastebot").words("""
             learns your music taste from your ratings and tells you whether you'll like a song.
            /rate: rate songs one at a time with 👍 / 👎 (⏹️ or /rate stop ends the session)
            /playlist: the next songs to rate in your private Spotify playlist, to listen there and rate here
            /will-i-like <song>: a Spotify track link, a spotify:track: URI, or "artist - title"
            /stats: your ratings, how good your model is, the artists you like most
            /retrain [user]: retrain your model now; admins may name another user
            /import: upload your Spotify privacy export (YourLibrary.json) to bring in your saved songs as likes
            /daily on [hour] [time zone] | /daily off: a message each day at your hour with songs your model picks, to rate with 👍 / 👎
            /link, /unlink: connect your Spotify account, so your saved songs count as likes
            /forget-me: delete everything tastebot keeps about you
            Removing a reaction takes that rating back; switching 👍 to 👎 changes it.""").build();

    private HelpText() {
    }
}
