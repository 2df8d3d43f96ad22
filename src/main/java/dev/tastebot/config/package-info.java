/**
 * Where tastebot's settings come from and what they may be: the declared settings, the loader that
 * layers embedded defaults, an optional properties file and the environment, and the validated,
 * immutable {@link dev.tastebot.config.TastebotConfig}. Depends on nothing else in tastebot.
 */
package dev.tastebot.config;
