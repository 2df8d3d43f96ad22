/**
 * Honest model measurement: reading labelled CSV files, stratified cross-validation folds, and the
 * metrics (ROC-AUC, dislike PR-AUC, balanced accuracy, Brier) with their per-fold summaries. Depends
 * only on {@code dev.tastebot.features} and commons-csv.
 */
package dev.tastebot.evaluation;
