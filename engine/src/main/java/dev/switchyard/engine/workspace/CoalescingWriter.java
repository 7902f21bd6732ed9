package dev.switchyard.engine.workspace;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Debounced autosave: edits are submitted under a key (e.g. "scenario:Q3 plan"); a later edit
 * with the same key replaces the pending one, and the write happens once the key has been quiet
 * for the delay. {@link #flush()} writes everything pending now (before Save As, close or a run).
 * Writes happen on one background thread, in submission order of their keys. Thread-safe.
 */
public final class CoalescingWriter implements AutoCloseable {

    /** A write; may throw, the failure goes to the error handler and the edit stays pending. */
    @FunctionalInterface
    public interface Write {
        void run() throws Exception;
    }

    private final Duration delay;
    private final Consumer<Exception> onError;
    private final ScheduledExecutorService executor;
    private final Map<String, Write> pending = new LinkedHashMap<>();
    private ScheduledFuture<?> scheduled;
    private int inFlight;
    private boolean closed;

    /**
     * @param delay quiet time before a write (e.g. 750 ms)
     * @param onError told about failed writes (e.g. the UI shows "autosave failed: ..."); called on the writer thread
     */
    public CoalescingWriter(Duration delay, Consumer<Exception> onError) {
        this.delay = Objects.requireNonNull(delay, "delay");
        this.onError = Objects.requireNonNull(onError, "onError");
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "switchyard-autosave");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues {@code write} under {@code key}, replacing a pending write with the same key. */
    public synchronized void submit(String key, Write write) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(write, "write");
        if (closed) {
            throw new IllegalStateException("autosave is closed");
        }
        pending.remove(key); // re-insert: order follows the latest edit
        pending.put(key, write);
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        scheduled = executor.schedule(this::drain, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Number of edits not yet written (including one being written now). */
    public synchronized int pendingCount() {
        return pending.size() + inFlight;
    }

    /**
     * Writes everything pending and waits for it. Returns the first failure (edits that failed stay
     * pending so a later flush retries them), or null when all were written.
     */
    public Exception flush() {
        CompletableFuture<Exception> done = new CompletableFuture<>();
        synchronized (this) {
            if (closed && pending.isEmpty()) {
                return null;
            }
            executor.execute(() -> done.complete(drain()));
        }
        return done.join();
    }

    private Exception drain() {
        Exception first = null;
        while (true) {
            String key;
            Write write;
            synchronized (this) {
                if (pending.isEmpty()) {
                    return first;
                }
                Map.Entry<String, Write> e = pending.entrySet().iterator().next();
                key = e.getKey();
                write = e.getValue();
                pending.remove(key);
                inFlight++;
            }
            try {
                write.run();
                synchronized (this) {
                    inFlight--;
                }
            } catch (Exception e) {
                synchronized (this) {
                    inFlight--;
                    pending.putIfAbsent(key, write); // keep it unless a newer edit replaced it
                }
                onError.accept(e);
                if (first == null) {
                    first = e;
                }
                return first; // stop: writes later in the queue may depend on this one
            }
        }
    }

    /** Flushes (failures go to the error handler), then stops the writer thread. */
    @Override
    public void close() {
        flush();
        synchronized (this) {
            closed = true;
            if (scheduled != null) {
                scheduled.cancel(false); // everything it would write was just flushed
            }
        }
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
