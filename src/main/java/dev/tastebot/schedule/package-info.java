/**
 * Work that runs on the clock: the nightly retraining (which users are due, a bounded pool, each
 * run recorded, a missed run caught up) and the daily recommendation messages (who is due in their
 * own time zone, claimed once per local day, delivered through a chat {@code Outbox}). Depends on
 * {@code training}, {@code chat}, {@code store} and {@code taste} (which model format is current);
 * the application wires it.
 */
package dev.tastebot.schedule;
