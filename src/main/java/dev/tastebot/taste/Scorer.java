package dev.tastebot.taste;

import java.io.Serializable;

/** A fitted model: higher scores mean more likely to be liked. Not necessarily a probability. */
@FunctionalInterface
interface Scorer extends Serializable {
    double score(double[] row);
}
