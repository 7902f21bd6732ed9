package dev.switchyard.app.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CommonTest {

    @Test
    void lttbKeepsEndsAndSpikesAndBoundsThePointCount() {
        double[] y = new double[10_000];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(i / 100.0);
        }
        y[4321] = 50;
        int[] keep = Downsample.lttb(y, 300);
        assertEquals(300, keep.length);
        assertEquals(0, keep[0]);
        assertEquals(9999, keep[keep.length - 1]);
        assertTrue(java.util.Arrays.stream(keep).anyMatch(i -> i == 4321), "the spike survives");
        for (int i = 1; i < keep.length; i++) {
            assertTrue(keep[i] > keep[i - 1], "indices increase");
        }
    }

    @Test
    void shortSeriesAreNotDownsampled() {
        assertArrayEquals(new int[] {0, 1, 2, 3}, Downsample.lttb(new double[] {1, 2, 3, 4}, 300));
    }

    @Test
    void debouncerRunsOnceAfterABurst() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(1);
            Debouncer d = new Debouncer(timer, Runnable::run, 60);
            for (int i = 0; i < 10; i++) {
                d.trigger(() -> {
                    runs.incrementAndGet();
                    done.countDown();
                });
            }
            assertTrue(done.await(5, TimeUnit.SECONDS));
            Thread.sleep(150);
            assertEquals(1, runs.get());
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void cancelledWorkDeliversNothingAndFailuresAreReported() {
        List<Runnable> queued = new ArrayList<>();
        TaskRunner runner = new TaskRunner(queued::add, Runnable::run);
        List<String> results = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        TaskRunner.Handle first = runner.submit("first", sink -> "one", results::add, failures::add);
        runner.<String>submit("second", sink -> {
            throw new IllegalStateException("boom");
        }, results::add, failures::add);
        assertTrue(runner.busyProperty().get());
        first.cancel();
        queued.forEach(Runnable::run);
        assertEquals(List.of(), results);
        assertEquals(1, failures.size());
        assertEquals("boom", failures.get(0).getMessage());
        assertFalse(runner.busyProperty().get());
        assertTrue(runner.messageProperty().get().contains("failed: boom"));
    }

    @Test
    void workThatNoticesCancellationStops() {
        TaskRunner runner = TaskRunner.sameThread();
        List<Integer> results = new ArrayList<>();
        runner.<Integer>submit("loop", sink -> {
            sink.progress(0.5, "half");
            throw new ProgressSink.CancelledException();
        }, results::add, e -> results.add(-1));
        assertEquals(List.of(), results);
    }

    @Test
    void tablesCopyAsTabSeparatedText() {
        DataTable t = new DataTable("t", List.of("a", "b"), List.of(List.of("1", "x\ty"), List.of("2", "z")));
        assertEquals("a\tb\n1\tx y\n2\tz\n", t.toTsv());
        assertThrows(IllegalArgumentException.class, () -> new DataTable("t", List.of("a"), List.of(List.of("1", "2"))));
    }

    @Test
    void formatsReadAtAGlance() {
        assertEquals("$12.3K", Formats.usd(12_345));
        assertEquals("$1.50M", Formats.usd(1_500_000));
        assertEquals("91.2%", Formats.percent(0.912));
        assertEquals("spend-per-month.png", ChartExport.fileNameFor("Spend per month"));
        assertEquals("4.5", Formats.plain(4.50000));
        assertEquals("1800", Formats.plain(1800.0));
        assertEquals("0.000123457", Formats.plain(0.0001234567));
        assertEquals(250_000, Formats.parseCount("250K"));
    }

    @Test
    void workSubmittedAfterShutdownIsDroppedAsCancelled() {
        java.util.concurrent.ExecutorService workers = Executors.newSingleThreadExecutor();
        workers.shutdown();
        TaskRunner runner = new TaskRunner(workers, Runnable::run);
        List<Object> outcomes = new ArrayList<>();
        TaskRunner.Handle late = runner.submit("late re-run", sink -> "never", outcomes::add, outcomes::add);
        assertTrue(late.isCancelled());
        assertTrue(outcomes.isEmpty());
        assertFalse(runner.busyProperty().get());
    }
}
