/**
 * The taste model: turning one user's rated tracks into features (with out-of-fold artist and
 * genre affinity), choosing and fitting a Smile model by cross-validation, calibrated probabilities,
 * explanations, and the starter rule for users with too few ratings. Depends on {@code features}
 * and {@code evaluation} (metrics and folds), never on storage or chat.
 */
package dev.tastebot.taste;
