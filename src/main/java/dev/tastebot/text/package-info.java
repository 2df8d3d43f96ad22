/**
 * Text for people, with our own words kept apart from words that come from outside (titles, artists,
 * genres, file names, what a user typed, another service's errors). {@link dev.tastebot.text.RichText}
 * holds the spans; each adapter renders them for its own markup and escapes only what came from
 * outside, so nothing an outsider wrote can become a link, a mention or formatting.
 * {@link dev.tastebot.text.Limit} says how long outside text may be shown. Depends on the JDK only,
 * so that every package that speaks to users can use it.
 */
package dev.tastebot.text;
