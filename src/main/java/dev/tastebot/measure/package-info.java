/**
 * Honest measurement that anyone can repeat: the {@code evaluate}, {@code simulate}, {@code bench},
 * {@code bench-retrain}, {@code bench-daily} and {@code bench-search} commands, cross-validation of the whole taste pipeline against baselines,
 * the replay of the order of songs to rate against random picks, the synthetic listener and
 * population used where no real ratings are at hand, and {@code proxy-ratings}, semi-synthetic
 * rating sets from an open catalogue shaped like the real sets tastebot is judged on. Depends on
 * {@code taste}, {@code evaluation}, {@code features} and {@code cli}; the population is written
 * through {@code store}, {@code bench-retrain} runs {@code training} and {@code schedule}, {@code bench-daily} prepares
 * daily messages through {@code chat} and {@code recommend}, {@code simulate} orders songs as {@code recommend} does,
 * and {@code bench-search} searches through {@code catalog}.
 */
package dev.tastebot.measure;
