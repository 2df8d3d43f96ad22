package dev.tastebot.features.sources;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one background queue of tracks whose audio features are wanted (songs imported, synced or
 * found on Spotify), fetched in batches by a fixed number of workers, so that however many imports
 * come at once, the remote sources see a few calls at a time. A track already waiting or being
 * fetched is not queued again; beyond the capacity, ids are dropped, counted and logged (a track
 * without features is still scored, and asked about again the next time it is wanted). Closing
 * drops what waits and waits for the workers at most the shutdown wait, however stuck a source is.
 */
public final class FeatureQueue implements Consumer<List<String>>, AutoCloseable {
    /** As many songs as one library import may bring (import.max-songs' default). */
    public static final int DEFAULT_CAPACITY = 50_000;
    /** ReccoBeats answers about 40 ids a call: one batch, one call. */
    public static final int DEFAULT_BATCH = ReccoBeatsFeatureSource.BATCH_SIZE;
    public static final int DEFAULT_WORKERS = 2;
    public static final Duration DEFAULT_SHUTDOWN_WAIT = Duration.ofSeconds(3);

    private static final Logger log = LoggerFactory.getLogger(FeatureQueue.class);

    private final Consumer<List<String>> fetch;
    private final int capacity;
    private final int batch;
    private final Duration shutdownWait;
    private final List<Thread> workers = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wanted = lock.newCondition();
    private final LinkedHashSet<String> waiting = new LinkedHashSet<>(); // guarded by lock
    private final Set<String> fetching = new HashSet<>(); // guarded by lock
    private long dropped; // guarded by lock
    private boolean closed; // guarded by lock

    /** @param fetch fetches and stores the features of a batch of track ids (the feature chain) */
    public FeatureQueue(Consumer<List<String>> fetch) {
        this(fetch, DEFAULT_CAPACITY, DEFAULT_BATCH, DEFAULT_WORKERS, DEFAULT_SHUTDOWN_WAIT);
    }

    FeatureQueue(Consumer<List<String>> fetch, int capacity, int batch, int workers, Duration shutdownWait) {
        if (capacity < 1 || batch < 1 || workers < 1) {
            throw new IllegalArgumentException("capacity, batch and workers must be at least 1");
        }
        this.fetch = fetch;
        this.capacity = capacity;
        this.batch = batch;
        this.shutdownWait = shutdownWait;
        for (int i = 1; i <= workers; i++) {
            Thread worker = Thread.ofPlatform().name("tastebot-features-" + i).daemon().unstarted(this::work);
            this.workers.add(worker);
            worker.start();
        }
    }

    /** Queues the tracks not waiting or being fetched already, as far as there is room. */
    @Override
    public void accept(List<String> trackIds) {
        int droppedNow = 0;
        long droppedInAll;
        lock.lock();
        try {
            for (String id : trackIds) {
                if (!closed && (waiting.contains(id) || fetching.contains(id))) {
                    continue;
                }
                if (closed || waiting.size() >= capacity) {
                    droppedNow++;
                } else {
                    waiting.add(id);
                }
            }
            dropped += droppedNow;
            droppedInAll = dropped;
            wanted.signalAll();
        } finally {
            lock.unlock();
        }
        if (droppedNow > 0) {
            log.warn("Feature queue full or closed: dropped {} track ids ({} since start); their features are "
                    + "fetched when they are wanted again", droppedNow, droppedInAll);
        }
    }

    /** Track ids dropped since start: beyond the capacity, or after closing. */
    public long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** Track ids waiting for a worker. */
    public int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    private void work() {
        while (true) {
            List<String> next;
            try {
                next = nextBatch();
            } catch (InterruptedException e) {
                return;
            }
            if (next.isEmpty()) {
                return;
            }
            try {
                fetch.accept(next);
            } catch (RuntimeException e) {
                log.warn("Fetching the features of {} tracks failed: {}", next.size(), e.toString());
            } finally {
                done(next);
            }
        }
    }

    /** The oldest waiting ids, at most a batch; empty once closed. */
    private List<String> nextBatch() throws InterruptedException {
        lock.lock();
        try {
            while (waiting.isEmpty() && !closed) {
                wanted.await();
            }
            List<String> next = new ArrayList<>();
            for (Iterator<String> oldest = waiting.iterator(); !closed && oldest.hasNext() && next.size() < batch; ) {
                next.add(oldest.next());
                oldest.remove();
            }
            fetching.addAll(next);
            return next;
        } finally {
            lock.unlock();
        }
    }

    private void done(List<String> fetched) {
        lock.lock();
        try {
            fetching.removeAll(fetched);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops what waits, interrupts the workers (a source waiting out a Retry-After stops) and waits
     * for them at most the shutdown wait; a worker still busy then is left behind, a daemon thread.
     */
    @Override
    public void close() {
        int discarded;
        lock.lock();
        try {
            closed = true;
            discarded = waiting.size();
            dropped += discarded;
            waiting.clear();
            wanted.signalAll();
        } finally {
            lock.unlock();
        }
        if (discarded > 0) {
            log.info("Feature queue closed with {} track ids waiting; they are fetched when wanted again", discarded);
        }
        workers.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + shutdownWait.toNanos();
        for (Thread worker : workers) {
            try {
                worker.join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (worker.isAlive()) {
                log.warn("{} still fetching after {} ms; not waiting for it", worker.getName(), shutdownWait.toMillis());
            }
        }
    }
}
