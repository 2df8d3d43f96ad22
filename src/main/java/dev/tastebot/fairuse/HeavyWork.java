package dev.tastebot.fairuse;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one pool that CPU-heavy work runs on (training a model, reading a library export), with a
 * fixed number of threads, so that however many users ask at once, answers and {@code /health}
 * keep a core. Work beyond the threads waits its turn in order. A fork-join pool, because Smile's
 * forests split their trees over the pool they are called from: inside this one they stay on its
 * threads instead of taking every core through the JVM's common pool.
 */
public final class HeavyWork implements Executor, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HeavyWork.class);
    /**
     * Enough for most retrainings in progress to store their model, and a small part of the 15 s the
     * bot gives itself to stop; one still running then fails as the database closes, rolled back,
     * and the nightly run retrains that user.
     */
    static final Duration DEFAULT_SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private final int threads;
    private final ForkJoinPool pool;
    private final Duration shutdownWait;
    private volatile boolean closing;

    public HeavyWork(int threads) {
        this(threads, DEFAULT_SHUTDOWN_WAIT);
    }

    HeavyWork(int threads, Duration shutdownWait) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.shutdownWait = shutdownWait;
        AtomicInteger counter = new AtomicInteger();
        this.pool = new ForkJoinPool(threads, p -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            thread.setName("tastebot-heavy-" + counter.incrementAndGet());
            return thread;
        }, null, false);
    }

    /**
     * Threads for heavy work: {@code training.threads}, but one core fewer than the machine has
     * when it has two or more, for everything that must stay quick.
     */
    public static int threadsFor(int trainingThreads, int processors) {
        return Math.max(1, Math.min(trainingThreads, processors - 1));
    }

    public int threads() {
        return threads;
    }

    /** Heavy work waiting for a thread. */
    public long waiting() {
        return pool.getQueuedSubmissionCount() + pool.getQueuedTaskCount();
    }

    /**
     * Runs {@code work} on the pool and waits for its result: the caller's thread (an adapter's
     * virtual thread) only waits, it does not compute.
     *
     * @throws RejectedExecutionException once the pool is closing
     */
    public <T> T run(Supplier<T> work) {
        // Not pool.submit: a fork-join task hands back a copy of the work's exception, this the exception itself.
        CompletableFuture<T> result = CompletableFuture.supplyAsync(() -> {
            refuseWhenClosing();
            return work.get();
        }, pool);
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RejectedExecutionException("interrupted while waiting for heavy work", e);
        }
    }

    /** Runs {@code work} on the pool in the background; a failure is logged. */
    @Override
    public void execute(Runnable work) {
        pool.execute(() -> {
            if (closing) {
                return;
            }
            try {
                work.run();
            } catch (RuntimeException e) {
                log.error("Heavy work failed", e);
            }
        });
    }

    /**
     * Work not yet started is dropped (a background retraining dropped here happens at the next
     * nightly run); work in progress may finish, for at most the shutdown wait.
     */
    @Override
    public void close() {
        stopTaking();
        try {
            if (!pool.awaitTermination(shutdownWait.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Heavy work still running after {} s; not waiting for it", shutdownWait.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first half of closing: nothing new is taken, and what waits is dropped when its turn comes. */
    void stopTaking() {
        closing = true;
        pool.shutdown();
    }

    private void refuseWhenClosing() {
        if (closing) {
            throw new RejectedExecutionException("shutting down");
        }
    }
}
