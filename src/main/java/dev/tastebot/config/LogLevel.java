package dev.tastebot.config;

/** The logging thresholds an operator can choose in {@code log.level}, from most to least verbose. */
public enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR
}
