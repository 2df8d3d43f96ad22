/**
 * Which songs to put in front of a user: the next song to rate, and the picks of daily messages.
 * Depends on {@code store}, {@code training}, {@code taste}, {@code features} and {@code text} (the
 * reasons shown with a song name artists as outside text).
 */
package dev.tastebot.recommend;
