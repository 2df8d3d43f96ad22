/**
 * Honest measurement that anyone can repeat: the {@code evaluate} and {@code bench} commands,
 * cross-validation of the whole taste pipeline against baselines, and the synthetic listener used
 * where no real ratings are at hand. Depends on {@code taste}, {@code evaluation}, {@code features}
 * and {@code cli}.
 */
package dev.tastebot.measure;
