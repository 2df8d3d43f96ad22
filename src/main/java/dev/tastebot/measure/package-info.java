/**
 * Honest measurement that anyone can repeat: the {@code evaluate}, {@code bench} and
 * {@code bench-retrain} commands, cross-validation of the whole taste pipeline against baselines,
 * and the synthetic listener and population used where no real ratings are at hand. Depends on
 * {@code taste}, {@code evaluation}, {@code features} and {@code cli}; the population is written
 * through {@code store}, and {@code bench-retrain} runs {@code training} and {@code schedule}.
 */
package dev.tastebot.measure;
