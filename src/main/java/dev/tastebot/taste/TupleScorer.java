package dev.tastebot.taste;

import smile.classification.Classifier;
import smile.data.Tuple;
import smile.data.type.StructType;

/** Scores with a Smile model that reads named columns (Smile's trees), as the probability of a like. */
record TupleScorer(Classifier<Tuple> model, StructType schema) implements Scorer {
    @Override
    public double score(double[] row) {
        double[] posterior = new double[2];
        model.predict(SmileFrames.tuple(schema, row), posterior);
        return posterior[1];
    }
}
