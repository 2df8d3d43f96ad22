package dev.tastebot.chat;

/**
 * A part of the bot that keeps something about users outside the database (tokens, pending link
 * attempts, queued work, limits, caches) and drops it when a user asks to be forgotten.
 * {@code /forget-me} calls every one after the user's rows are deleted, on the user's own thread.
 *
 * <p>Work of the user's that is already running may still finish: whatever it writes then must not
 * create the user again (the stores' background writes refuse unknown users), and whatever it
 * would keep in memory must be dropped here or refused by it.
 */
@FunctionalInterface
public interface UserForgetting {
    /** Drops what is kept about the user; quick, and never throws for a user it does not know. */
    void forget(String userId);
}
