package dev.switchyard.app.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs long work off the UI thread and reports back on it. The status bar binds to
 * {@link #busyProperty()}, {@link #progressProperty()} and {@link #messageProperty()}, and its
 * cancel button calls {@link #cancelAll()}.
 *
 * <p>Two executors make it testable: in the app {@code background} is a worker pool and
 * {@code ui} is {@code Platform::runLater}; in view-model tests both run on the calling thread.
 * Results, failures and every property change are delivered through {@code ui} only.
 */
public final class TaskRunner {
    private final Executor background;
    private final Executor ui;
    private final List<Handle> active = new ArrayList<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "Ready");
    /** The message names a task (its title or progress), so it goes back to "Ready" when nothing runs. */
    private boolean showingTask;

    public TaskRunner(Executor background, Executor ui) {
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
    }

    /** Both executors run on the caller: for view-model tests. */
    public static TaskRunner sameThread() {
        return new TaskRunner(Runnable::run, Runnable::run);
    }

    public Executor uiExecutor() {
        return ui;
    }

    /** Long work that reports progress and may be cancelled. */
    @FunctionalInterface
    public interface Work<T> {
        T run(ProgressSink sink) throws Exception;
    }

    /** A submitted piece of work; cancel it to stop it and drop its result. */
    public final class Handle implements ProgressSink {
        private final String title;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private volatile Thread worker;

        private Handle(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        public void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                Thread t = worker;
                if (t != null) {
                    t.interrupt();
                }
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }

        @Override
        public void progress(double fraction, String text) {
            if (cancelled.get()) {
                return;
            }
            ui.execute(() -> {
                if (!active.isEmpty() && active.get(active.size() - 1) == this) {
                    progress.set(fraction);
                    message.set(text == null || text.isBlank() ? title : title + ": " + text);
                    showingTask = true;
                }
            });
        }
    }

    /**
     * Starts {@code work} in the background. {@code onSuccess} runs on the UI executor unless the
     * work was cancelled; {@code onFailure} likewise for exceptions other than cancellation.
     */
    public <T> Handle submit(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        Handle handle = new Handle(title);
        ui.execute(() -> {
            active.add(handle);
            refresh();
        });
        Runnable task = () -> {
            handle.worker = Thread.currentThread();
            T result = null;
            Throwable failure = null;
            try {
                result = work.run(handle);
            } catch (ProgressSink.CancelledException | CancellationException | InterruptedException e) {
                handle.cancelled.set(true);
            } catch (Throwable e) {
                failure = e;
            } finally {
                handle.worker = null;
                // a worker interrupted by cancel must not leak the flag to the next task on this thread
                Thread.interrupted();
            }
            final T r = result;
            final Throwable f = failure;
            ui.execute(() -> {
                active.remove(handle);
                refresh();
                if (handle.isCancelled()) {
                    return;
                }
                if (f != null) {
                    message.set(title + " failed: " + (f.getMessage() == null ? f.toString() : f.getMessage()));
                    showingTask = false;
                    onFailure.accept(f);
                } else {
                    onSuccess.accept(r);
                }
            });
        };
        try {
            background.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            // The app is closing (its workers are shut down) while a debounced re-run was still due:
            // there is nobody left to show the result to, so the work is dropped as cancelled.
            handle.cancelled.set(true);
            ui.execute(() -> {
                active.remove(handle);
                refresh();
            });
        }
        return handle;
    }

    /** Cancels every running task (the status bar's cancel button, Esc). */
    public void cancelAll() {
        ui.execute(() -> {
            for (Handle h : List.copyOf(active)) {
                h.cancel();
            }
            message.set("Cancelled");
            showingTask = false;
        });
    }

    private void refresh() {
        busy.set(!active.isEmpty());
        if (active.isEmpty()) {
            progress.set(0);
            if (showingTask) {
                message.set("Ready");
            }
            showingTask = false;
        } else {
            progress.set(-1);
            // titles are already activities ("Simulating PROTEUS"): no "Running" in front of them
            message.set(active.get(active.size() - 1).title() + "…");
            showingTask = true;
        }
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Tells the user something in the status bar (e.g. "Saved chart to ..."). */
    public void say(String text) {
        ui.execute(() -> {
            message.set(text);
            showingTask = false;
        });
    }
}
