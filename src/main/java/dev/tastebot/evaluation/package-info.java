/**
 * Honest model measurement: reading labelled CSV files, stratified cross-validation folds, and the
 * metrics (ROC-AUC, dislike PR-AUC, balanced accuracy, Brier) with their per-fold summaries. Its CSV
 * pieces ({@link dev.tastebot.evaluation.CsvRows}, {@link dev.tastebot.evaluation.CellText},
 * {@link dev.tastebot.evaluation.ArtistNames}, {@link dev.tastebot.evaluation.ColumnNames}) are
 * public so that the catalogue importer reads files exactly as evaluation does. Depends only on
 * {@code dev.tastebot.features} and commons-csv.
 */
package dev.tastebot.evaluation;
