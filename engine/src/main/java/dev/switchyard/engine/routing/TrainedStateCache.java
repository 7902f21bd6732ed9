package dev.switchyard.engine.routing;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Trained or calibrated router state, computed once per calibration split and key (decision 1010). A sweep
 * or the planner builds the same router many times from the same split: for every target, every feedback rate,
 * every aim. What the training reads is the split plus a few inputs (a training seed, options, a target, a
 * margin...): those inputs, and only those, are the {@code key}. Never put anything in a key that the
 * training does not read, and never train on anything that is not the split or the key: then a hit returns
 * exactly what training would have produced, and a result stays a pure function of scenario and seed whatever
 * the thread count and run order.
 *
 * <p>The split is the anchor: one {@link CalibrationSet} object per prepared scenario (it holds the labels a
 * router may train on, never the evaluation rows' hidden truth). Entries go with the split (weak, by
 * identity). Concurrent requests for the same entry compute it once: the others wait for it (two threads of a
 * sweep asking for the same replication's training used to train it twice).
 */
public final class TrainedStateCache {
    /** CalibrationSet has identity equality, so this is an identity-keyed weak map. */
    private static final Map<CalibrationSet, Entries> BY_SPLIT = new WeakHashMap<>();

    private static final class Entries {
        final ConcurrentHashMap<Object, FutureTask<Object>> values = new ConcurrentHashMap<>();
        final AtomicInteger computed = new AtomicInteger();
    }

    private TrainedStateCache() {
    }

    /**
     * The state for ({@code split}, {@code key}), computing it with {@code training} the first time.
     *
     * @param key a value (record) of exactly the inputs {@code training} reads besides {@code split}; equal keys must
     *     mean equal results
     * @param training pure in {@code split} and the key's inputs; its failure is rethrown to every caller waiting
     *     for it and not remembered (the next call tries again)
     */
    @SuppressWarnings("unchecked")
    public static <T> T get(CalibrationSet split, Object key, Supplier<T> training) {
        if (split == null || key == null) {
            throw new IllegalArgumentException("a trained state needs its split and a key");
        }
        Entries entries = entries(split);
        FutureTask<Object> mine = new FutureTask<>(training::get);
        FutureTask<Object> task = entries.values.putIfAbsent(key, mine);
        if (task == null) {
            task = mine;
            entries.computed.incrementAndGet();
            task.run(); // on this thread, outside any lock: nested trainings (another key) cannot deadlock
        }
        try {
            return (T) task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a router's training");
        } catch (ExecutionException e) {
            entries.values.remove(key, task);
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    /** How many entries were computed (not recalled) for this split so far: for tests of the reuse. */
    public static int computed(CalibrationSet split) {
        return entries(split).computed.get();
    }

    private static Entries entries(CalibrationSet split) {
        synchronized (BY_SPLIT) {
            return BY_SPLIT.computeIfAbsent(split, s -> new Entries());
        }
    }
}
