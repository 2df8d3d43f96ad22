package dev.tastebot.recommend;

import java.util.Optional;

/** Chooses the next song a user is asked to rate; empty when nothing is left to ask about. */
public interface CandidatePicker {
    Optional<Candidate> next(String userId);
}
