package dev.tastebot.taste;

import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

/** Bridges plain double rows and Smile's data frames, which its tree models require. */
final class SmileFrames {
    static final String RESPONSE = "liked";
    static final Formula FORMULA = Formula.lhs(RESPONSE);

    private SmileFrames() {
    }

    static DataFrame training(double[][] rows, int[] liked, String[] columnNames) {
        return DataFrame.of(rows, columnNames).add(new IntVector(RESPONSE, liked));
    }
}
