/**
 * Where audio features come from: one {@link dev.tastebot.features.sources.FeatureSource} per origin
 * (the imported catalogue, ReccoBeats, Spotify's audio-features endpoint) and the
 * {@link dev.tastebot.features.sources.FeatureChain} that asks them in the configured order, stores
 * every answer and never fetches a track twice. The remote sources share one polite HTTP helper
 * (Retry-After, bounded backoff); the {@link dev.tastebot.features.sources.FeatureQueue} is the one
 * bounded, de-duplicating background queue through which the rest of the bot asks for features.
 * ReccoBeats' other endpoints (tracks, recommendations, artist search) live here too, in
 * {@link dev.tastebot.features.sources.ReccoBeatsApi}, to share that polite HTTP helper; the catalogue
 * uses them. Depends on {@code features}, {@code store}, {@code config}, the JDK's HTTP client,
 * Jackson, Caffeine and SLF4J.
 */
package dev.tastebot.features.sources;
