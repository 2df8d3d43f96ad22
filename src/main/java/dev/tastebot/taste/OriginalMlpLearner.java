package dev.tastebot.taste;

import java.util.SplittableRandom;

/**
 * The design of the project tastebot grew from, kept as a yardstick: a network with one hidden layer
 * of 20 ReLU units and a sigmoid output, trained with Adam on class-weighted cross-entropy (as its
 * Keras original was). Written out here because Smile's network needs a native BLAS library that a
 * fresh machine does not have; a baseline must run everywhere the bot does.
 */
record OriginalMlpLearner(int hiddenUnits, int epochs, int batchSize, double learningRate) implements Learner {

    static OriginalMlpLearner standard() {
        return new OriginalMlpLearner(20, 100, 32, 0.005);
    }

    @Override
    public Scorer fit(double[][] rows, int[] liked, String[] columnNames, long seed) {
        Standardizer standardizer = Standardizer.fit(rows);
        double[][] x = standardizer.apply(rows);
        int inputs = x[0].length;
        SplittableRandom random = new SplittableRandom(seed);
        Network net = Network.initialised(inputs, hiddenUnits, random);
        Adam adam = new Adam(net.parameterCount(), learningRate);
        double[] classWeight = classWeights(liked);
        int[] order = new int[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double[] gradient = new double[net.parameterCount()];
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            for (int start = 0; start < order.length; start += batchSize) {
                int end = Math.min(order.length, start + batchSize);
                java.util.Arrays.fill(gradient, 0);
                for (int b = start; b < end; b++) {
                    int i = order[b];
                    net.accumulateGradient(x[i], liked[i], classWeight[liked[i]] / (end - start), gradient);
                }
                adam.step(net.parameters, gradient);
            }
        }
        return new MlpScorer(net, standardizer);
    }

    /** Keras-style "balanced" weights: n / (2 · count of the class). */
    private static double[] classWeights(int[] liked) {
        int likes = 0;
        for (int y : liked) {
            likes += y;
        }
        int dislikes = liked.length - likes;
        return new double[] {liked.length / (2.0 * Math.max(1, dislikes)), liked.length / (2.0 * Math.max(1, likes))};
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }

    /** Parameters in one flat array: hidden weights, hidden biases, output weights, output bias. */
    private record Network(int inputs, int hidden, double[] parameters) implements java.io.Serializable {

        static Network initialised(int inputs, int hidden, SplittableRandom random) {
            double[] p = new double[inputs * hidden + hidden + hidden + 1];
            double scale = Math.sqrt(2.0 / inputs);
            for (int k = 0; k < inputs * hidden; k++) {
                p[k] = random.nextGaussian() * scale;
            }
            double outScale = Math.sqrt(1.0 / hidden);
            for (int k = 0; k < hidden; k++) {
                p[inputs * hidden + hidden + k] = random.nextGaussian() * outScale;
            }
            return new Network(inputs, hidden, p);
        }

        int parameterCount() {
            return parameters.length;
        }

        double output(double[] x, double[] activations) {
            int biasAt = inputs * hidden;
            int outAt = biasAt + hidden;
            double z = parameters[outAt + hidden];
            for (int h = 0; h < hidden; h++) {
                double a = parameters[biasAt + h];
                for (int j = 0; j < inputs; j++) {
                    a += parameters[h * inputs + j] * x[j];
                }
                a = Math.max(0, a);
                activations[h] = a;
                z += parameters[outAt + h] * a;
            }
            return 1 / (1 + Math.exp(-z));
        }

        void accumulateGradient(double[] x, int y, double weight, double[] gradient) {
            double[] activations = new double[hidden];
            double p = output(x, activations);
            // d(cross-entropy)/dz for a sigmoid output is simply p - y.
            double dz = (p - y) * weight;
            int biasAt = inputs * hidden;
            int outAt = biasAt + hidden;
            gradient[outAt + hidden] += dz;
            for (int h = 0; h < hidden; h++) {
                gradient[outAt + h] += dz * activations[h];
                if (activations[h] > 0) {
                    double dh = dz * parameters[outAt + h];
                    gradient[biasAt + h] += dh;
                    for (int j = 0; j < inputs; j++) {
                        gradient[h * inputs + j] += dh * x[j];
                    }
                }
            }
        }
    }

    private static final class Adam {
        private final double[] m;
        private final double[] v;
        private final double rate;
        private int t;

        Adam(int size, double rate) {
            this.m = new double[size];
            this.v = new double[size];
            this.rate = rate;
        }

        void step(double[] parameters, double[] gradient) {
            t++;
            double correction1 = 1 - Math.pow(0.9, t);
            double correction2 = 1 - Math.pow(0.999, t);
            for (int k = 0; k < parameters.length; k++) {
                m[k] = 0.9 * m[k] + 0.1 * gradient[k];
                v[k] = 0.999 * v[k] + 0.001 * gradient[k] * gradient[k];
                parameters[k] -= rate * (m[k] / correction1) / (Math.sqrt(v[k] / correction2) + 1e-8);
            }
        }
    }

    private record MlpScorer(Network net, Standardizer standardizer) implements Scorer {
        @Override
        public double score(double[] row) {
            return net.output(standardizer.apply(row), new double[net.hidden()]);
        }
    }
}
