/**
 * Which songs to put in front of a user: the next song to rate, and the picks of daily messages.
 * Depends on {@code store}, {@code training}, {@code taste} and {@code features}.
 */
package dev.tastebot.recommend;
