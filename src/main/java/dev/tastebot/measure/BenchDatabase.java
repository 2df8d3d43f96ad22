package dev.tastebot.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** What the population benchmarks share: their throw-away database file, its size, and the clocks they read. */
final class BenchDatabase {
    private BenchDatabase() {
    }

    /** Runs {@code bench} on a database file in a fresh temporary folder, deleted afterwards. */
    static void inTemporaryFile(String name, Consumer<Path> bench) {
        Path folder = temporaryFolder(name);
        Path file = folder.resolve(name + ".db");
        try {
            bench.accept(file);
        } finally {
            delete(folder, file);
        }
    }

    /** The database file with its write-ahead log, which holds what was not yet checkpointed into it. */
    static String size(Path file) {
        long bytes = fileSize(file) + fileSize(file.resolveSibling(file.getFileName() + "-wal"));
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** CPU time of the whole process (garbage collection and compilation included); 0 where the JVM can't tell. */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    private static long fileSize(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static Path temporaryFolder(String name) {
        try {
            return Files.createTempDirectory("tastebot-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary folder: " + e.getMessage(), e);
        }
    }

    static void delete(Path folder, Path file) {
        try {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the benchmark's database in " + folder, e);
        }
    }
}
