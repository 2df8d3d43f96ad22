/**
 * The HTTP side of the bot: the health endpoint and the OAuth callback, whose answer comes from a
 * {@link dev.tastebot.web.CallbackHandler} that Spotify linking provides. Depends only on the JDK and
 * SLF4J.
 */
package dev.tastebot.web;
