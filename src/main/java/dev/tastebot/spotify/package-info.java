/**
 * Spotify for the chat: linking accounts and syncing saved songs, built on {@code spotify.auth},
 * {@code spotify.api} and {@code library}. The chat core sees it only as {@code chat.SpotifyAccounts}.
 */
package dev.tastebot.spotify;
