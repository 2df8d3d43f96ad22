package dev.tastebot.measure;

import dev.tastebot.features.NumericFeature;
import dev.tastebot.features.RatedTrack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes ratings out as a labelled CSV the way {@code evaluate} and {@code bench} read them. */
public final class RatingsCsv {
    /** The thirteen audio features, then the artist, then the label. */
    public static final List<NumericFeature> AUDIO = List.of(NumericFeature.values()).subList(0, 13);

    private RatingsCsv() {
    }

    /** Writes {@code rated} to {@code file} with columns danceability,...,time_signature,artist,liked. */
    public static Path write(Path file, List<RatedTrack> rated) throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> header = new ArrayList<>(AUDIO.stream().map(NumericFeature::apiName).toList());
        header.add("artist");
        header.add("liked");
        lines.add(String.join(",", header));
        for (RatedTrack r : rated) {
            List<String> cells = new ArrayList<>();
            for (NumericFeature feature : AUDIO) {
                cells.add(r.track().features().isKnown(feature) ? Double.toString(r.track().features().get(feature)) : "");
            }
            cells.add(String.join(";", r.track().artists()));
            cells.add(r.liked() ? "1" : "0");
            lines.add(String.join(",", cells));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** A balanced synthetic listener's first {@code count} ratings, as a CSV file. */
    public static Path synthetic(Path file, long seed, int count) throws IOException {
        return write(file, SyntheticListener.balanced(seed).ratings(count));
    }
}
