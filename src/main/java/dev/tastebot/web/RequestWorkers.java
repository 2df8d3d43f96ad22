package dev.tastebot.web;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web server's executor: a few threads and a short queue, and a clock on every request.
 *
 * <p>The JDK's server reads a request's line and headers on the executor's thread, so a client that
 * sends them slowly holds a thread. Each request therefore gets {@link WebServer.Limits#requestTime}
 * to arrive and, once its handler runs ({@link #handling()}), {@link WebServer.Limits#handlingTime}
 * to be answered; past either, its thread is interrupted, which closes the connection (the
 * server's channels are interruptible) and frees the thread. When every thread is busy and the
 * queue is full, a new request is refused: the server then closes its connection unanswered.
 *
 * <p>The JDK server's own limits ({@code sun.net.httpserver.maxReqTime} and the like) are system
 * properties, read once per JVM by whichever server starts first: not something one server of a
 * bot can set for itself, hence these.
 */
final class RequestWorkers implements Executor, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RequestWorkers.class);
    /** A refusal is logged once per this many, so that a flood does not flood the log too. */
    private static final long LOG_EVERY = 100;

    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor watchdog;
    private final Duration requestTime;
    private final Duration handlingTime;
    private final ThreadLocal<Guarded> current = new ThreadLocal<>();
    private final AtomicLong refused = new AtomicLong();

    RequestWorkers(WebServer.Limits limits) {
        this.requestTime = limits.requestTime();
        this.handlingTime = limits.handlingTime();
        BlockingQueue<Runnable> queue = limits.queue() == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(limits.queue());
        this.workers = new ThreadPoolExecutor(limits.threads(), limits.threads(), 0, TimeUnit.MILLISECONDS, queue,
                Thread.ofPlatform().name("tastebot-web-", 0).daemon().factory(), new ThreadPoolExecutor.AbortPolicy());
        this.watchdog = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("tastebot-web-watchdog").daemon().factory());
        this.watchdog.setRemoveOnCancelPolicy(true);
    }

    /** @throws RejectedExecutionException when all threads are busy and the queue is full: the server closes the connection */
    @Override
    public void execute(Runnable exchange) {
        try {
            workers.execute(new Guarded(exchange));
        } catch (RejectedExecutionException busy) {
            if (refused.getAndIncrement() % LOG_EVERY == 0) {
                log.warn("web server busy: refused a connection ({} refused so far); {} threads, {} waiting",
                        refused.get(), workers.getPoolSize(), workers.getQueue().size());
            }
            throw busy;
        }
    }

    /** The request on this thread has been read and its handler runs: from now on it has the handling time. */
    void handling() {
        Guarded guarded = current.get();
        if (guarded != null) {
            guarded.arm(handlingTime);
        }
    }

    /**
     * The request on this thread is refused: the server still reads (drains) a body it announced
     * before closing, which gets no more time than the request had to arrive.
     */
    void refusing() {
        Guarded guarded = current.get();
        if (guarded != null) {
            guarded.arm(requestTime);
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        workers.shutdownNow();
    }

    /** One request on a worker thread, interrupted when it outlasts its time. */
    private final class Guarded implements Runnable {
        private final Runnable exchange;
        private Thread runner; // guarded by this
        private ScheduledFuture<?> deadline; // guarded by this
        private long armings; // guarded by this: a deadline replaced by a later one must not fire

        Guarded(Runnable exchange) {
            this.exchange = exchange;
        }

        @Override
        public void run() {
            synchronized (this) {
                runner = Thread.currentThread();
            }
            arm(requestTime);
            current.set(this);
            try {
                exchange.run();
            } finally {
                current.remove();
                synchronized (this) {
                    runner = null;
                    if (deadline != null) {
                        deadline.cancel(false);
                    }
                }
                Thread.interrupted(); // a deadline that fired just as the request ended must not hit the next one
            }
        }

        synchronized void arm(Duration time) {
            if (deadline != null) {
                deadline.cancel(false);
            }
            if (runner != null) {
                long arming = ++armings;
                deadline = watchdog.schedule(() -> timeUp(arming), time.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        private synchronized void timeUp(long arming) {
            if (runner != null && arming == armings) {
                log.debug("web request took too long; closing its connection");
                runner.interrupt();
            }
        }
    }
}
