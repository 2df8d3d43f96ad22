package dev.tastebot.recommend;

/** A track to ask the user about, and why it was picked, in words shown with the song. */
public record Candidate(String trackId, String why) {
}
