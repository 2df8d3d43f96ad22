/**
 * What tastebot knows about a track's sound and metadata: the feature names and the value holders
 * that the sources fill and the taste model reads. Depends on nothing else in tastebot.
 */
package dev.tastebot.features;
