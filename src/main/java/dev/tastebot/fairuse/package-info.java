/**
 * Fair use of the machine among users: how often each user may start expensive work
 * ({@link dev.tastebot.fairuse.RateLimiter}, one {@link dev.tastebot.fairuse.Limit} each), at most one
 * of a kind running per user ({@link dev.tastebot.fairuse.OneAtATime}), and the bounded pool that
 * CPU-heavy work runs on so that answers and {@code /health} keep a core
 * ({@link dev.tastebot.fairuse.HeavyWork}). Depends only on the JDK, Caffeine and SLF4J; the chat,
 * the catalogue and training use it.
 */
package dev.tastebot.fairuse;
