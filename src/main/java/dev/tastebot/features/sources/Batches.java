package dev.tastebot.features.sources;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Splitting ids into request-sized batches and putting one batch in a URL. */
final class Batches {
    private Batches() {}

    static List<List<String>> of(List<String> ids, int size) {
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += size) {
            batches.add(ids.subList(from, Math.min(ids.size(), from + size)));
        }
        return batches;
    }

    /** {@code base + path + "?ids=a,b,c"}; the commas stay literal as both APIs document them. */
    static URI uri(URI base, String path, List<String> ids) {
        String joined = ids.stream()
                .map(id -> URLEncoder.encode(id, StandardCharsets.UTF_8))
                .collect(Collectors.joining(","));
        String root = base.toString().replaceAll("/+$", "");
        return URI.create(root + path + "?ids=" + joined);
    }
}
