/**
 * Which songs to put in front of a user: rating candidates now, daily picks later. Depends on
 * {@code store}, {@code training}, {@code taste} and {@code features}.
 */
package dev.tastebot.recommend;
