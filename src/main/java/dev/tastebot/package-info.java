/**
 * The composition root: {@link dev.tastebot.Main} and the declaration of tastebot's commands. It
 * may depend on every other package; no other package depends on it.
 */
package dev.tastebot;
