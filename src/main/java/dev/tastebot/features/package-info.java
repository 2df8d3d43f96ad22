/**
 * What tastebot knows about a track's sound and metadata: the feature names, the range of values
 * each can really take, and the value holders that the sources fill and the taste model reads (they
 * hold nothing outside those ranges). Depends on nothing else in tastebot.
 */
package dev.tastebot.features;
