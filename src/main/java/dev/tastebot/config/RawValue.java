package dev.tastebot.config;

/**
 * A setting's text as found, and where it was found ("the default", a file, an environment
 * variable), so that an error can point the operator at the place to fix.
 */
record RawValue(String text, String origin) {
}
