/**
 * Honest measurement that anyone can repeat: the {@code evaluate}, {@code bench},
 * {@code bench-retrain}, {@code bench-daily} and {@code bench-search} commands, cross-validation of the whole taste pipeline against baselines,
 * and the synthetic listener and population used where no real ratings are at hand. Depends on
 * {@code taste}, {@code evaluation}, {@code features} and {@code cli}; the population is written
 * through {@code store}, {@code bench-retrain} runs {@code training} and {@code schedule}, {@code bench-daily} prepares
 * daily messages through {@code chat} and {@code recommend}, and {@code bench-search} searches through {@code catalog}.
 */
package dev.tastebot.measure;
