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
        return new LogisticScorer(model, standardizer);
    }

    private record LogisticScorer(LogisticRegression.Binomial model, Standardizer standardizer) implements Scorer {
        @Override
        public double score(double[] row) {
            double[] posterior = new double[2];
            model.predict(standardizer.apply(row), posterior);
            return posterior[1];
        }
    }
}
