package dev.tastebot.features.sources;

import dev.tastebot.config.FeatureSourceKind;
import dev.tastebot.features.FeatureValues;
import dev.tastebot.store.FeatureStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What {@code import-catalog} stored: the local catalogue, read from the store without any network. */
public final class CatalogFeatureSource implements FeatureSource {
    /** The source name {@code import-catalog} writes under. */
    static final String NAME = FeatureSourceKind.CATALOG.configName();

    private final FeatureStore store;

    public CatalogFeatureSource(FeatureStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, FeatureValues> fetch(List<String> trackIds) {
        Map<String, FeatureValues> known = new LinkedHashMap<>();
        for (String trackId : trackIds) {
            store.find(trackId, NAME).ifPresent(stored -> known.put(trackId, stored.values()));
        }
        return known;
    }
}
