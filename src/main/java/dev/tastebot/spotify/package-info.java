/**
 * Spotify for the chat: linking accounts, syncing saved songs and keeping each user's private
 * playlist of songs to rate, built on {@code spotify.auth}, {@code spotify.api}, {@code library} and
 * {@code store}. The chat core sees it only as {@code chat.SpotifyAccounts}.
 */
package dev.tastebot.spotify;
