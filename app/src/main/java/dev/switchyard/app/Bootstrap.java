package dev.switchyard.app;

import java.util.concurrent.CompletableFuture;

import dev.switchyard.app.common.Debouncer;
import dev.switchyard.app.common.TaskRunner;
import dev.switchyard.app.data.DataSession;
import dev.switchyard.app.data.DataSet;
import dev.switchyard.app.data.EngineDataSources;
import dev.switchyard.app.plan.EnginePlanning;
import dev.switchyard.app.scenario.EnginePlanner;
import dev.switchyard.app.scenario.ScenarioSettings;
import dev.switchyard.app.scenario.ScenarioViewModel;

/**
 * The start-up path (decision 1100): before the JavaFX toolkit starts, the bundled sample is read on one thread and
 * the engine is built on another; as soon as the sample is in, the recommendation the Scenario screen opens on is
 * begun with exactly the settings that screen will ask with, so the planner works while the window is being built.
 * The window's own question joins it. Everything is computed at start-up from the sample; nothing is cached on disk.
 */
final class Bootstrap {
    private static volatile Bootstrap started;

    /** The engine the app runs on: the scenario screen's planner and the recommendation's, one shared planner. */
    record Engines(EnginePlanner planner, EnginePlanning planning) {
    }

    private final CompletableFuture<Engines> engines = new CompletableFuture<>();
    /** When the early recommendation was begun ({@code System.nanoTime()}; 0: not begun). */
    private volatile long earlyStartNanos;

    private Bootstrap() {
    }

    /** Starts reading the sample and preparing the engine; call once, first thing in {@code main}. */
    static void begin() {
        EngineDataSources.prefetchSample();
        Bootstrap b = new Bootstrap();
        started = b;
        Thread t = new Thread(b::prepare, "switchyard-bootstrap");
        t.setDaemon(true);
        t.start();
    }

    private void prepare() {
        Engines e;
        try {
            EnginePlanner planner = new EnginePlanner();
            e = new Engines(planner, new EnginePlanning(planner));
            engines.complete(e);
            Startup.mark("engines built");
        } catch (Throwable failure) {
            engines.completeExceptionally(failure);
            return;
        }
        DataSet sample = EngineDataSources.awaitPrefetched();
        Startup.mark("sample awaited");
        if (sample == null) {
            return; // the app's own load reports what went wrong
        }
        try {
            if (e.planning().startEarly(sample, openingSettings(e.planner(), sample))) {
                earlyStartNanos = System.nanoTime();
                Startup.mark("early started");
            }
        } catch (RuntimeException notUsable) {
            // e.g. settings the screen would refuse: the screen asks (and explains) itself
        }
    }

    /**
     * The settings the Scenario screen opens on with this data: computed by the screen's own view model (no window, no
     * runs), so they are the very settings its first recommendation asks with.
     */
    static ScenarioSettings openingSettings(EnginePlanner planner, DataSet data) {
        DataSession session = new DataSession();
        ScenarioViewModel vm = new ScenarioViewModel(session, planner, TaskRunner.sameThread(), Debouncer.immediate());
        vm.autoRunProperty().set(false);
        session.set(data);
        return vm.settings();
    }

    /** The engine begun in {@link #begin()}, or a new one when the app was started another way (tests). */
    static Engines engines() {
        Bootstrap b = started;
        if (b == null) {
            EnginePlanner planner = new EnginePlanner();
            return new Engines(planner, new EnginePlanning(planner));
        }
        return b.engines.join();
    }

    /** When the early recommendation was begun ({@code System.nanoTime()}), or 0 when it was not. */
    static long earlyStartNanos() {
        Bootstrap b = started;
        return b == null ? 0 : b.earlyStartNanos;
    }
}
