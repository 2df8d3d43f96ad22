package dev.tastebot.features.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FeatureQueueTest {
    /** Every batch the queue handed to the sources, in order. */
    private final BlockingQueue<List<String>> fetched = new LinkedBlockingQueue<>();
    /** The first batch waits here until the test lets it go: a slow source. */
    private final CountDownLatch firstStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);
    private FeatureQueue queue;

    @AfterEach
    void close() {
        releaseFirst.countDown();
        if (queue != null) {
            queue.close();
        }
    }

    /** A source that records each batch, and holds the first one until released. */
    private Consumer<List<String>> slowAtFirst() {
        return batch -> {
            fetched.add(batch);
            if (firstStarted.getCount() > 0) {
                firstStarted.countDown();
                awaitIgnoringInterrupts(releaseFirst);
            }
        };
    }

    private List<String> nextBatch() throws InterruptedException {
        return fetched.poll(20, TimeUnit.SECONDS);
    }

    @Test
    void idsWaitingOrBeingFetchedAreQueuedOnce() throws Exception {
        // GIVEN one worker busy with track x
        queue = new FeatureQueue(slowAtFirst(), 100, 40, 1, Duration.ofSeconds(3));
        queue.accept(List.of("x"));
        firstStarted.await();

        // WHEN three imports want overlapping tracks, x among them
        queue.accept(List.of("a", "b"));
        queue.accept(List.of("b", "c", "x"));
        queue.accept(List.of("a", "c"));

        // THEN each is fetched once, in one batch after x's
        assertThat(queue.waiting()).isEqualTo(3);
        releaseFirst.countDown();
        assertThat(nextBatch()).containsExactly("x");
        assertThat(nextBatch()).containsExactly("a", "b", "c");
        assertThat(queue.dropped()).isZero();
    }

    @Test
    void idsGoToTheSourcesInBatches() throws Exception {
        // GIVEN batches of two, the worker busy
        queue = new FeatureQueue(slowAtFirst(), 100, 2, 1, Duration.ofSeconds(3));
        queue.accept(List.of("first"));
        firstStarted.await();

        // WHEN five tracks are wanted
        queue.accept(List.of("a", "b", "c", "d", "e"));
        releaseFirst.countDown();

        // THEN they are fetched two at a time, oldest first
        assertThat(nextBatch()).containsExactly("first");
        assertThat(nextBatch()).containsExactly("a", "b");
        assertThat(nextBatch()).containsExactly("c", "d");
        assertThat(nextBatch()).containsExactly("e");
    }

    @Test
    void beyondTheCapacityIdsAreDroppedAndCounted() throws Exception {
        // GIVEN room for three, the worker busy
        queue = new FeatureQueue(slowAtFirst(), 3, 40, 1, Duration.ofSeconds(3));
        queue.accept(List.of("first"));
        firstStarted.await();

        // WHEN five are wanted, then one already waiting again
        queue.accept(List.of("a", "b", "c", "d", "e"));
        queue.accept(List.of("a"));

        // THEN three wait, two were dropped, and the repeat is no drop
        assertThat(queue.waiting()).isEqualTo(3);
        assertThat(queue.dropped()).isEqualTo(2);
        releaseFirst.countDown();
        assertThat(nextBatch()).containsExactly("first");
        assertThat(nextBatch()).containsExactly("a", "b", "c");
    }

    @Test
    void aFailingSourceDoesNotStopTheWorker() throws Exception {
        // GIVEN a source that fails on its first batch
        CountDownLatch failed = new CountDownLatch(1);
        queue = new FeatureQueue(batch -> {
            if (failed.getCount() > 0) {
                failed.countDown();
                throw new IllegalStateException("ReccoBeats is down");
            }
            fetched.add(batch);
        }, 100, 40, 1, Duration.ofSeconds(3));

        // WHEN two batches are wanted, one after the other
        queue.accept(List.of("a"));
        failed.await();
        queue.accept(List.of("b"));

        // THEN the second is fetched
        assertThat(nextBatch()).containsExactly("b");
    }

    @Test
    void closingWaitsForAStuckSourceNoLongerThanTheShutdownWait() throws Exception {
        // GIVEN a source stuck on its first batch, deaf to interrupts, and more waiting behind it
        queue = new FeatureQueue(slowAtFirst(), 100, 40, 1, Duration.ofMillis(200));
        queue.accept(List.of("stuck"));
        firstStarted.await();
        queue.accept(List.of("a", "b"));

        // WHEN the queue closes
        queue.close();

        // THEN it returned while the source is still stuck, and what waited was dropped
        assertThat(releaseFirst.getCount()).isEqualTo(1);
        assertThat(queue.waiting()).isZero();
        assertThat(queue.dropped()).isEqualTo(2);
        // AND nothing is taken any more
        queue.accept(List.of("late"));
        assertThat(queue.waiting()).isZero();
        assertThat(queue.dropped()).isEqualTo(3);
        assertThat(fetched).containsExactly(List.of("stuck"));
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
