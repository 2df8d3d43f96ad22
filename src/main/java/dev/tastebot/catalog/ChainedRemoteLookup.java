package dev.tastebot.catalog;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Several remote lookups asked in order, each only when those before it found nothing: the free
 * ones first (ReccoBeats), so that Spotify, where it is set up, is asked only about what they lack.
 */
public final class ChainedRemoteLookup implements RemoteTrackLookup {
    private final List<RemoteTrackLookup> lookups;

    private ChainedRemoteLookup(List<RemoteTrackLookup> lookups) {
        this.lookups = List.copyOf(lookups);
    }

    /** The lookups in the order given; empty when there are none, the one itself when there is one. */
    public static Optional<RemoteTrackLookup> of(List<RemoteTrackLookup> lookups) {
        return switch (lookups.size()) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(lookups.getFirst());
            default -> Optional.of(new ChainedRemoteLookup(lookups));
        };
    }

    @Override
    public String name() {
        return lookups.stream().map(RemoteTrackLookup::name).collect(Collectors.joining(" or "));
    }

    @Override
    public Optional<Match> byId(String id) {
        for (RemoteTrackLookup lookup : lookups) {
            Optional<Match> found = lookup.byId(id);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Match> search(String text, int limit) {
        for (RemoteTrackLookup lookup : lookups) {
            List<Match> found = lookup.search(text, limit);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }
}
