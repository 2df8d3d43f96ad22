/**
 * The taste model: turning one user's rated tracks into features (with out-of-fold artist and
 * genre affinity), a rank-averaged blend of gradient boosting (grown here as flat trees) and
 * Smile's logistic regression, its scale, calibration and threshold set by
 * cross-validation, explanations (naming artists and genres as outside text), the starter rule for
 * users with too few ratings, and how much a song looks like a user's likes before any dislike.
 * Depends on {@code features}, {@code evaluation} (metrics and folds) and {@code text}, never on
 * storage or chat.
 */
package dev.tastebot.taste;
