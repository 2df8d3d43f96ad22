/**
 * The HTTP side of the bot: the health endpoint (and, with Spotify linking, the OAuth callback).
 * Depends only on the JDK.
 */
package dev.tastebot.web;
