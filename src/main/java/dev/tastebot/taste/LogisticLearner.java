package dev.tastebot.taste;

import smile.classification.LogisticRegression;

/** L2-regularised logistic regression on standardised columns: fast, and hard to overfit on few ratings. */
record LogisticLearner(double lambda) implements Learner {

    static LogisticLearner standard() {
        return new LogisticLearner(1.0);
    }

    @Override
    public Scorer fit(double[][] rows, int[] liked, String[] columnNames, long seed) {
        Standardizer standardizer = Standardizer.fit(rows);
        var model = LogisticRegression.binomial(standardizer.apply(rows), liked,
                new LogisticRegression.Options(lambda, 1e-5, 500));
        return new LogisticScorer(model.coefficients(), standardizer);
    }

    /**
     * Smile's answer from its coefficients alone (the intercept last), without keeping Smile's
     * model object: every user's model is read back every day, and that object was a large part of it.
     */
    record LogisticScorer(double[] weights, Standardizer standardizer) implements Scorer {
        @Override
        public double score(double[] row) {
            double z = weights[weights.length - 1];
            for (int j = 0; j < row.length; j++) {
                z += weights[j] * (row[j] - standardizer.mean()[j]) / standardizer.scale()[j];
            }
            return 1 / (1 + Math.exp(-z));
        }
    }
}
