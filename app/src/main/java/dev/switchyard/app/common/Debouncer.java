package dev.switchyard.app.common;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Collapses a burst of triggers (a slider being dragged) into one action, run on the UI executor
 * {@code delayMillis} after the last trigger. A delay of 0 runs the action at once on the caller:
 * that is how view-model tests use it.
 */
public final class Debouncer {
    private final ScheduledExecutorService timer;
    private final Executor ui;
    private final long delayMillis;
    private ScheduledFuture<?> pending;

    public Debouncer(ScheduledExecutorService timer, Executor ui, long delayMillis) {
        this.timer = timer;
        this.ui = ui;
        this.delayMillis = delayMillis;
    }

    public static Debouncer immediate() {
        return new Debouncer(null, Runnable::run, 0);
    }

    /** A debouncer of its own with the same timing: triggers of one never cancel the other's. */
    public Debouncer another() {
        return new Debouncer(timer, ui, delayMillis);
    }

    public synchronized void trigger(Runnable action) {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        if (delayMillis <= 0 || timer == null) {
            action.run();
            return;
        }
        pending = timer.schedule(() -> ui.execute(action), delayMillis, TimeUnit.MILLISECONDS);
    }
}
