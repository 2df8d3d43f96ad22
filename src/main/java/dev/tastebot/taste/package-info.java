/**
 * The taste model: turning one user's rated tracks into features (with out-of-fold artist and
 * genre affinity), choosing and fitting a Smile model by cross-validation, calibrated probabilities,
 * explanations (naming artists and genres as outside text), and the starter rule for users with too
 * few ratings. Depends on {@code features}, {@code evaluation} (metrics and folds) and {@code text},
 * never on storage or chat.
 */
package dev.tastebot.taste;
