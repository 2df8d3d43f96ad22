package dev.tastebot.taste;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decision trees kept as flat arrays in preorder: an inner node's true child follows it, its false
 * child lies {@code falseOffset} further on. Smile kept every node as an object with its training
 * statistics; serialised, a forest of such nodes took 135 KB per user and tens of milliseconds to
 * write and read back. Flat arrays take a fraction of that, load in well under a millisecond and
 * score a row without building a Smile tuple, which is what lets the models of ten thousand users
 * be refitted, stored and loaded every night. tastebot's tree learners grow them directly.
 */
final class FlatTrees implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final int LEAF = -1;

    private final int[] roots;
    private final int[] feature;
    /** An inner node's split value (the row goes to the true child when its value is at most this), a leaf's output. */
    private final double[] value;
    private final int[] falseOffset;

    private FlatTrees(int[] roots, int[] feature, double[] value, int[] falseOffset) {
        this.roots = roots;
        this.feature = feature;
        this.value = value;
        this.falseOffset = falseOffset;
    }

    /**
     * Grows trees node by node in preorder, for learners of tastebot's own: {@link #split} an inner
     * node, write its true subtree, {@link #falseChildFollows} it, write its false subtree.
     */
    static final class Builder {
        private final List<Integer> roots = new ArrayList<>();
        private int[] feature = new int[256];
        private double[] value = new double[256];
        private int[] falseOffset = new int[256];
        private int size;

        void startTree() {
            roots.add(size);
        }

        /** Adds an inner node sending rows whose {@code feature} is at most {@code threshold} to its true child. */
        int split(int splitFeature, double threshold) {
            return add(splitFeature, threshold);
        }

        /** The false child of {@code node} is the next node added. */
        void falseChildFollows(int node) {
            falseOffset[node] = size - node;
        }

        void leaf(double output) {
            add(LEAF, output);
        }

        FlatTrees build() {
            return new FlatTrees(roots.stream().mapToInt(Integer::intValue).toArray(), Arrays.copyOf(feature, size),
                    Arrays.copyOf(value, size), Arrays.copyOf(falseOffset, size));
        }

        private int add(int nodeFeature, double nodeValue) {
            if (size == feature.length) {
                feature = Arrays.copyOf(feature, 2 * size);
                value = Arrays.copyOf(value, 2 * size);
                falseOffset = Arrays.copyOf(falseOffset, 2 * size);
            }
            feature[size] = nodeFeature;
            value[size] = nodeValue;
            return size++;
        }
    }

    int size() {
        return roots.length;
    }

    /** The output of the leaf that {@code row} reaches in tree {@code tree}. */
    double leafValue(int tree, double[] row) {
        int node = roots[tree];
        while (feature[node] != LEAF) {
            node = row[feature[node]] <= value[node] ? node + 1 : node + falseOffset[node];
        }
        return value[node];
    }

}
