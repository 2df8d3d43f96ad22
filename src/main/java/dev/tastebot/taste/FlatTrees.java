package dev.tastebot.taste;

import smile.model.cart.InternalNode;
import smile.model.cart.LeafNode;
import smile.model.cart.Node;
import smile.model.cart.OrdinalNode;

import java.io.Serial;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Decision trees fitted by Smile, copied into flat arrays in preorder: an inner node's true child
 * follows it, its false child lies {@code falseOffset} further on. Smile keeps every node as an
 * object with its training statistics; serialised, a forest of such nodes took 135 KB per user
 * and tens of milliseconds to write and read back. Flat arrays take a fraction of that, load in
 * well under a millisecond and score a row without building a Smile tuple, which is what lets the
 * models of ten thousand users be refitted, stored and loaded every night.
 */
final class FlatTrees implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final int LEAF = -1;
    /**
     * Smile keeps an ordinal split's value in a package-private field without an accessor. It is
     * read once per node while copying a freshly fitted tree; a Smile version that renames it fails
     * the taste tests at build time, never a stored model.
     */
    private static final Field SPLIT_VALUE = accessible(OrdinalNode.class, "value");

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
     * Copies Smile trees.
     *
     * @param leafValue what a leaf answers, e.g. the probability of a like or a regression output
     * @throws IllegalArgumentException for splits other than "at most this value" (Smile makes those
     *     only for nominal columns, and every column tastebot encodes is numeric)
     */
    static FlatTrees copy(List<Node> trees, ToDoubleFunction<LeafNode> leafValue) {
        int nodes = trees.stream().mapToInt(FlatTrees::count).sum();
        FlatTrees flat = new FlatTrees(new int[trees.size()], new int[nodes], new double[nodes], new int[nodes]);
        int next = 0;
        for (int t = 0; t < trees.size(); t++) {
            flat.roots[t] = next;
            next = flat.write(trees.get(t), next, leafValue);
        }
        return flat;
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

    /** Writes the subtree in preorder from {@code at}; returns the index after it. */
    private int write(Node node, int at, ToDoubleFunction<LeafNode> leafValue) {
        switch (node) {
            case LeafNode leaf -> {
                feature[at] = LEAF;
                value[at] = leafValue.applyAsDouble(leaf);
                return at + 1;
            }
            case OrdinalNode split -> {
                feature[at] = split.feature();
                value[at] = splitValue(split);
                int falseChild = write(split.trueChild(), at + 1, leafValue);
                falseOffset[at] = falseChild - at;
                return write(split.falseChild(), falseChild, leafValue);
            }
            default -> throw new IllegalArgumentException("cannot copy a " + node.getClass().getSimpleName()
                    + ": only splits on numeric columns are expected");
        }
    }

    private static int count(Node node) {
        return node instanceof InternalNode inner ? 1 + count(inner.trueChild()) + count(inner.falseChild()) : 1;
    }

    private static double splitValue(OrdinalNode split) {
        try {
            return SPLIT_VALUE.getDouble(split);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read a Smile split value", e);
        }
    }

    /** Also used for Smile's boosting intercept, kept private the same way. */
    static Field accessible(Class<?> owner, String name) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError("Smile's " + owner.getSimpleName() + " has no field '" + name
                    + "' any more: FlatTrees must learn the new Smile version");
        }
    }
}
