package dev.tastebot.features.sources;

import java.time.Duration;

/** Waits between HTTP attempts; tests pass one that only records the waits asked for. */
interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    static Sleeper real() {
        return Thread::sleep;
    }
}
