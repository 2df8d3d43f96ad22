/**
 * Nightly retraining: which users are due, retraining them on a bounded pool, recording each run,
 * and scheduling it at the configured local time with a catch-up after downtime. Depends on
 * {@code training}, {@code store} and {@code taste} (which model format is current); the
 * application wires it.
 */
package dev.tastebot.schedule;
