package dev.tastebot.measure;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one user's ratings must be after the events that reached the core, replayed in the order
 * they were applied, by the rules the README promises: a reaction added is the rating; taking one
 * back leaves the rating of the reaction still shown under the song, or, with none left, takes the
 * rating back if it was that reaction's; an import likes every listed song not rated yet. It also
 * counts how often each song's rating changed, which is how many history entries it must have.
 */
final class RatingReplay {

    /** An event the core applied. */
    sealed interface Applied {
    }

    /** A 👍 ({@code liked}) or 👎 added or taken back under the user's song {@code trackId}, posted as {@code messageId}. */
    record Reacted(String messageId, String trackId, boolean liked, boolean added) implements Applied {
        Reacted {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(trackId, "trackId");
        }
    }

    /** A library export listing these songs was imported. */
    record Imported(List<String> trackIds) implements Applied {
        Imported {
            trackIds = List.copyOf(trackIds);
        }
    }

    /** The verdicts shown under each message, the most recently added last. */
    private final Map<String, LinkedHashSet<Boolean>> shown = new HashMap<>();
    /** Each song's current rating; empty once taken back. */
    private final Map<String, Optional<Boolean>> ratings = new HashMap<>();
    private final Map<String, Integer> changes = new HashMap<>();

    void apply(Applied event) {
        switch (event) {
            case Reacted reacted -> react(reacted);
            case Imported imported -> imported.trackIds().forEach(trackId -> {
                if (current(trackId).isEmpty()) {
                    set(trackId, Optional.of(true));
                }
            });
        }
    }

    /** The songs rated now, and how. */
    Map<String, Boolean> ratings() {
        Map<String, Boolean> rated = new HashMap<>();
        ratings.forEach((trackId, liked) -> liked.ifPresent(verdict -> rated.put(trackId, verdict)));
        return rated;
    }

    /** How many times each song's rating changed (a rating, a change of mind, a withdrawal). */
    Map<String, Integer> changes() {
        return Map.copyOf(changes);
    }

    private void react(Reacted reacted) {
        LinkedHashSet<Boolean> verdicts = shown.computeIfAbsent(reacted.messageId(), id -> new LinkedHashSet<>());
        verdicts.remove(reacted.liked());
        if (reacted.added()) {
            verdicts.add(reacted.liked());
            set(reacted.trackId(), Optional.of(reacted.liked()));
        } else if (!verdicts.isEmpty()) {
            set(reacted.trackId(), Optional.of(verdicts.getLast()));
        } else if (current(reacted.trackId()).filter(liked -> liked == reacted.liked()).isPresent()) {
            set(reacted.trackId(), Optional.empty());
        }
    }

    private Optional<Boolean> current(String trackId) {
        return ratings.getOrDefault(trackId, Optional.empty());
    }

    private void set(String trackId, Optional<Boolean> liked) {
        if (!current(trackId).equals(liked)) {
            changes.merge(trackId, 1, Integer::sum);
        }
        ratings.put(trackId, liked);
    }
}
