/**
 * The HTTP side of the bot: the health endpoint and the OAuth callback (an arrival page that asks to
 * confirm, then the confirmation), whose answers come from a {@link dev.tastebot.web.CallbackHandler}
 * that Spotify linking provides; a bounded executor with a time limit per request. Depends only on
 * the JDK and SLF4J.
 */
package dev.tastebot.web;
