package dev.tastebot.catalog;

/**
 * The six genres of the demo catalogue (those of the TidyTuesday catalogue) and how each sounds on
 * average. Centres are in the order danceability, energy, loudness (dB), speechiness, acousticness,
 * instrumentalness, valence, tempo (BPM); rough averages of real catalogues, so that the demo's
 * genres are as far apart as real ones.
 */
enum DemoGenre {
    POP("pop", 0.12, 0.65, 0.70, -6.0, 0.07, 0.15, 0.01, 0.55, 118),
    ROCK("rock", 0.08, 0.50, 0.80, -6.5, 0.05, 0.12, 0.06, 0.50, 126),
    RAP("rap", 0.65, 0.76, 0.64, -6.8, 0.24, 0.17, 0.01, 0.50, 112),
    EDM("edm", 0.12, 0.66, 0.86, -5.2, 0.07, 0.05, 0.30, 0.40, 126),
    LATIN("latin", 0.15, 0.72, 0.71, -6.2, 0.09, 0.21, 0.03, 0.62, 114),
    R_AND_B("r&b", 0.25, 0.67, 0.55, -7.8, 0.11, 0.27, 0.02, 0.52, 108);

    private final String label;
    private final double explicitShare;
    private final double[] centre;

    DemoGenre(String label, double explicitShare, double... centre) {
        this.label = label;
        this.explicitShare = explicitShare;
        this.centre = centre;
    }

    String label() {
        return label;
    }

    double explicitShare() {
        return explicitShare;
    }

    /** A copy: the caller may move it. */
    double[] centre() {
        return centre.clone();
    }
}
