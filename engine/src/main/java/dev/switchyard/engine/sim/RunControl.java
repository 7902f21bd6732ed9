package dev.switchyard.engine.sim;

/** Progress and cancellation for long runs (the app's progress bar and cancel button). Thread-safe implementations only. */
public interface RunControl {
    RunControl NONE = new RunControl() { };

    /** Checked about every million simulated requests; true stops the run with {@link java.util.concurrent.CancellationException}. */
    default boolean isCancelled() {
        return false;
    }

    /** Called when a replication finishes: {@code done} of {@code total} replications (or sweep runs). */
    default void progress(int done, int total) {
    }

    /**
     * Called on the simulating thread when a replication's router is built (an offline router trained, or its training
     * recalled), before its requests are simulated: a scheduler may then start runs that reuse that training.
     */
    default void routerReady() {
    }
}
