package dev.tastebot.recommend;

import dev.tastebot.text.RichText;

/** A track to ask the user about, and why it was picked, in words shown with the song. */
public record Candidate(String trackId, RichText why) {

    /** A candidate whose reason is our own words. */
    public Candidate(String trackId, String why) {
        this(trackId, RichText.of(why));
    }
}
