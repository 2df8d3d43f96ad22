package dev.tastebot.recommend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Chooses the next song a user is asked to rate; empty when nothing is left to ask about. */
public interface CandidatePicker {
    Optional<Candidate> next(String userId);

    /**
     * Up to {@code size} different songs to rate, in the order {@link #next} offers them. Since
     * nothing is posted in between, {@link #next} may offer a song again; it is asked at most twice
     * {@code size} times, so a small catalogue gives a short batch rather than a long wait.
     */
    default List<Candidate> batch(String userId, int size) {
        Map<String, Candidate> picked = new LinkedHashMap<>();
        for (int asked = 0; asked < 2 * size && picked.size() < size; asked++) {
            Optional<Candidate> next = next(userId);
            if (next.isEmpty()) {
                break;
            }
            picked.putIfAbsent(next.get().trackId(), next.get());
        }
        return List.copyOf(picked.values());
    }
}
