/**
 * Nightly retraining: which users are due, retraining them on a bounded pool, recording each run,
 * and scheduling it at the configured local time with a catch-up after downtime. Depends on
 * {@code training} and {@code store}; the application wires it.
 */
package dev.tastebot.schedule;
