package dev.tastebot.config;

/** Turns a setting's text into a typed value or explains what was expected. */
@FunctionalInterface
interface ValueParser<T> {
    T parse(String text) throws InvalidValue;
}
