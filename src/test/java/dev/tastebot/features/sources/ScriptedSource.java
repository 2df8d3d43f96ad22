package dev.tastebot.features.sources;

import dev.tastebot.features.FeatureValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-memory source that knows a fixed set of tracks, or always fails, and records what it was asked. */
final class ScriptedSource implements FeatureSource {
    private final String name;
    private final Map<String, FeatureValues> knows;
    private final boolean failing;
    private final List<List<String>> asked = new CopyOnWriteArrayList<>();

    private ScriptedSource(String name, Map<String, FeatureValues> knows, boolean failing) {
        this.name = name;
        this.knows = Map.copyOf(knows);
        this.failing = failing;
    }

    static ScriptedSource knowing(String name, Map<String, FeatureValues> knows) {
        return new ScriptedSource(name, knows, false);
    }

    static ScriptedSource failing(String name) {
        return new ScriptedSource(name, Map.of(), true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, FeatureValues> fetch(List<String> trackIds) {
        asked.add(List.copyOf(trackIds));
        if (failing) {
            throw new FeatureSourceException(name + " is down");
        }
        Map<String, FeatureValues> found = new LinkedHashMap<>();
        trackIds.stream().filter(knows::containsKey).forEach(id -> found.put(id, knows.get(id)));
        return found;
    }

    List<List<String>> asked() {
        return List.copyOf(asked);
    }
}
