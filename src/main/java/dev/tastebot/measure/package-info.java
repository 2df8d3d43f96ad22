/**
 * Honest measurement that anyone can repeat: the {@code evaluate}, {@code bench},
 * {@code bench-retrain} and {@code bench-daily} commands, cross-validation of the whole taste pipeline against baselines,
 * and the synthetic listener and population used where no real ratings are at hand. Depends on
 * {@code taste}, {@code evaluation}, {@code features} and {@code cli}; the population is written
 * through {@code store}, {@code bench-retrain} runs {@code training} and {@code schedule}, and {@code bench-daily} prepares
 * daily messages through {@code chat} and {@code recommend}.
 */
package dev.tastebot.measure;
