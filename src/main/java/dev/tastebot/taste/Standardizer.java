package dev.tastebot.taste;

import java.io.Serializable;

/** Centres and scales columns with the training rows' mean and spread, as linear models and networks need. */
record Standardizer(double[] mean, double[] scale) implements Serializable {

    static Standardizer fit(double[][] rows) {
        int width = rows[0].length;
        double[] mean = new double[width];
        double[] scale = new double[width];
        for (double[] row : rows) {
            for (int j = 0; j < width; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < width; j++) {
            mean[j] /= rows.length;
        }
        for (double[] row : rows) {
            for (int j = 0; j < width; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }
        for (int j = 0; j < width; j++) {
            double sd = Math.sqrt(scale[j] / rows.length);
            // A constant column carries no information; scale 1 keeps it at zero instead of dividing by zero.
            scale[j] = sd > 1e-12 ? sd : 1;
        }
        return new Standardizer(mean, scale);
    }

    double[] apply(double[] row) {
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = (row[j] - mean[j]) / scale[j];
        }
        return out;
    }

    double[][] apply(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = apply(rows[i]);
        }
        return out;
    }
}
