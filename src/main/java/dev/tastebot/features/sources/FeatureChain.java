package dev.tastebot.features.sources;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tastebot.features.FeatureValues;
import dev.tastebot.store.FeatureStore;
import dev.tastebot.store.StoreException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audio features for many tracks at once from the configured sources, asked in order, each only
 * for the tracks no earlier source answered for. Every answer is stored under its source's name, and
 * what a source once answered is read back from the store instead of fetched again; an in-memory
 * cache also remembers the tracks nobody knows, so within one run no track is looked up twice.
 * A track no source knows gets {@link FeatureValues#none()}: it is still scored, on metadata only.
 * Safe to use from several threads.
 */
public final class FeatureChain {
    static final long DEFAULT_CACHE_SIZE = 50_000;

    private static final Logger LOG = LoggerFactory.getLogger(FeatureChain.class);

    private final List<FeatureSource> sources;
    private final FeatureStore store;
    private final Clock clock;
    private final Cache<String, FeatureValues> cache;

    public FeatureChain(List<FeatureSource> sources, FeatureStore store, Clock clock) {
        this(sources, store, clock, DEFAULT_CACHE_SIZE);
    }

    FeatureChain(List<FeatureSource> sources, FeatureStore store, Clock clock, long cacheSize) {
        this.sources = List.copyOf(sources);
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cache = Caffeine.newBuilder().maximumSize(cacheSize).build();
    }

    /** The features of every requested track, in request order; unknown tracks map to none. */
    public Map<String, FeatureValues> featuresFor(List<String> trackIds) {
        Set<String> wanted = new LinkedHashSet<>(trackIds);
        Map<String, FeatureValues> cached = cache.getAllPresent(wanted);
        Set<String> missing = new LinkedHashSet<>(wanted);
        missing.removeAll(cached.keySet());

        Map<String, FeatureValues> found = new HashMap<>();
        Set<String> unsure = new HashSet<>();
        for (FeatureSource source : sources) {
            List<String> unanswered = missing.stream().filter(id -> !found.containsKey(id)).toList();
            if (unanswered.isEmpty()) {
                break;
            }
            ask(source, unanswered, found, unsure);
        }

        Map<String, FeatureValues> result = new LinkedHashMap<>();
        for (String id : wanted) {
            FeatureValues values = cached.get(id);
            if (values == null) {
                values = found.getOrDefault(id, FeatureValues.none());
                // a source that failed may know the track next time: do not remember "unknown" for it
                if (found.containsKey(id) || !unsure.contains(id)) {
                    cache.put(id, values);
                }
            }
            result.put(id, values);
        }
        return result;
    }

    private void ask(FeatureSource source, List<String> unanswered, Map<String, FeatureValues> found, Set<String> unsure) {
        Map<String, FeatureValues> stored = storedAnswers(source.name(), unanswered);
        found.putAll(stored);
        List<String> toFetch = unanswered.stream().filter(id -> !stored.containsKey(id)).toList();
        if (toFetch.isEmpty()) {
            return;
        }
        Map<String, FeatureValues> fetched;
        try {
            fetched = new LinkedHashMap<>(source.fetch(toFetch));
        } catch (RuntimeException e) {
            LOG.warn("Feature source {} failed for {} tracks, skipping it: {}", source.name(), toFetch.size(), e.getMessage());
            unsure.addAll(toFetch);
            return;
        }
        fetched.keySet().retainAll(toFetch);
        if (!fetched.isEmpty()) {
            save(source.name(), fetched, clock.instant());
        }
        found.putAll(fetched);
    }

    private Map<String, FeatureValues> storedAnswers(String source, List<String> trackIds) {
        Map<String, FeatureValues> stored = new HashMap<>();
        for (String id : trackIds) {
            store.find(id, source).ifPresent(answer -> stored.put(id, answer.values()));
        }
        return stored;
    }

    /**
     * All in one transaction; should that fail (a track not yet in the track table), one by one so
     * the others are still kept. An answer that cannot be stored is still returned and cached.
     */
    private void save(String source, Map<String, FeatureValues> fetched, Instant fetchedAt) {
        try {
            store.putAll(source, fetched, fetchedAt);
        } catch (StoreException all) {
            fetched.forEach((id, values) -> {
                try {
                    store.put(id, source, values, fetchedAt);
                } catch (StoreException one) {
                    LOG.debug("Could not store {} features of {}: {}", source, id, one.getMessage());
                }
            });
        }
    }
}
