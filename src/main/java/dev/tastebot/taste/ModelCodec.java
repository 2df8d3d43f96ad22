package dev.tastebot.taste;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Turns a trained predictor into bytes for the store and back, and its report into the JSON kept
 * beside it. Reading accepts only tastebot's, Smile's and the JDK's classes, and a stored model of
 * an older format is reported as unreadable (the caller retrains) rather than half-loaded.
 *
 * <p>The bytes are compressed at the fastest level: a forest's node arrays shrink to about 40% of
 * their size for about a millisecond, and ten thousand users keep three models each in one file.
 */
public final class ModelCodec {
    /**
     * Raise whenever a serialised class changes shape. 3: the rank-averaged blend of boosting and
     * logistic regression (2: a family chosen per user, trees as flat arrays, compressed; 1:
     * Smile's own tree objects).
     */
    public static final int FORMAT_VERSION = 3;

    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "maxdepth=200;dev.tastebot.**;smile.**;java.**;[*;!*");

    private final ObjectMapper json = new ObjectMapper();

    public byte[] toBytes(TastePredictor predictor) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (ObjectOutputStream out = new ObjectOutputStream(new DeflaterOutputStream(bytes, deflater))) {
            out.writeInt(FORMAT_VERSION);
            out.writeObject(predictor);
        } catch (IOException e) {
            throw new IllegalStateException("could not serialise the model: " + e.getMessage(), e);
        } finally {
            deflater.end(); // a stream given its own Deflater leaves the native memory to its owner
        }
        return bytes.toByteArray();
    }

    /** The predictor stored in {@code bytes}, or empty when they come from another format version or are damaged. */
    public Optional<TastePredictor> fromBytes(byte[] bytes, int formatVersion) {
        if (formatVersion != FORMAT_VERSION) {
            return Optional.empty();
        }
        // Inflated in one go: reading objects straight from the inflater asks it for a few bytes at a time.
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(
                new InflaterInputStream(new ByteArrayInputStream(bytes)).readAllBytes()))) {
            in.setObjectInputFilter(ALLOWED);
            if (in.readInt() != FORMAT_VERSION) {
                return Optional.empty();
            }
            return in.readObject() instanceof TastePredictor predictor ? Optional.of(predictor) : Optional.empty();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            // Damaged bytes, a class that changed, or one the filter refused: all mean "train again".
            return Optional.empty();
        }
    }

    public String metricsJson(TrainingReport report) {
        ObjectNode node = json.createObjectNode();
        node.put("method", report.method());
        node.put("likes", report.likes());
        node.put("dislikes", report.dislikes());
        report.cvAuc().ifPresent(v -> node.put("cv_auc", v));
        report.cvBalancedAccuracy().ifPresent(v -> node.put("cv_balanced_accuracy", v));
        node.put("threshold", report.threshold());
        ObjectNode candidates = node.putObject("candidate_auc");
        report.candidateAuc().forEach(candidates::put);
        node.put("selection_ms", report.selectionMillis());
        node.put("fit_ms", report.fitMillis());
        return node.toString();
    }
}
