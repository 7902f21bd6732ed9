package dev.switchyard.app;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import dev.switchyard.app.common.Debouncer;
import dev.switchyard.app.common.Formats;
import dev.switchyard.app.common.TaskRunner;
import dev.switchyard.app.compare.CompareViewModel;
import dev.switchyard.app.data.DataSession;
import dev.switchyard.app.data.DataSources;
import dev.switchyard.app.data.DataViewModel;
import dev.switchyard.app.data.EngineDataSources;
import dev.switchyard.app.export.EngineExporter;
import dev.switchyard.app.export.ExportViewModel;
import dev.switchyard.app.negotiate.NegotiateViewModel;
import dev.switchyard.app.plan.Advice;
import dev.switchyard.app.plan.Candidate;
import dev.switchyard.app.plan.PlanViewModel;
import dev.switchyard.app.plan.PlanningEngine;
import dev.switchyard.app.scenario.EnginePlanner;
import dev.switchyard.app.scenario.PlannerEngine;
import dev.switchyard.app.scenario.ScenarioOutcome;
import dev.switchyard.app.scenario.ScenarioViewModel;
import dev.switchyard.app.shell.AppState;
import dev.switchyard.app.shell.MainWindow;
import dev.switchyard.app.shell.Theme;
import dev.switchyard.app.workspace.WorkspaceSyncViewModel;
import dev.switchyard.app.workspace.WorkspaceViewModel;

/**
 * Wires the app: one background pool for long work, the UI executor, the data session, the four
 * view models and the window. Opens on the bundled sample with a first result on screen.
 */
public class SwitchyardApp extends Application {
    /** Slider moves are collapsed into one run this long after the last move. */
    public static final long DEBOUNCE_MILLIS = 150;
    /** The planner runs dozens of simulations before the answer is on screen: generous on a busy machine. */
    static final long SELF_TEST_TIMEOUT_SECONDS = 300;

    private ExecutorService workers;
    private ScheduledExecutorService timer;
    /** Workspace reads and writes, one at a time and in order (edits must be saved as made). */
    private ExecutorService workspaceIo;
    private AppState state;
    private MainWindow window;
    private Context context;
    private final long startedNanos = System.nanoTime();
    private long windowShownNanos;

    /** Everything the window is built from; tests build their own with test doubles. */
    public record Context(TaskRunner runner, DataSession session, DataViewModel data, ScenarioViewModel scenario,
                          NegotiateViewModel negotiate, CompareViewModel compare, WorkspaceViewModel files,
                          WorkspaceSyncViewModel sync, ExportViewModel export, PlanViewModel plan) {

        /**
         * @param workspaceIo runs workspace reads and writes one at a time, in order
         * @param ui          the UI executor ({@code Platform::runLater})
         */
        public static Context create(TaskRunner runner, Debouncer debouncer, DataSources sources, EnginePlanner engine,
                                     PlanningEngine planning,
                                     java.util.function.Consumer<java.nio.file.Path> remember, WorkspaceViewModel files,
                                     java.util.concurrent.Executor workspaceIo, java.util.concurrent.Executor ui) {
            DataSession session = new DataSession();
            DataViewModel data = new DataViewModel(session, sources, runner, remember);
            ScenarioViewModel scenario = new ScenarioViewModel(session, engine, runner, debouncer);
            NegotiateViewModel negotiate = new NegotiateViewModel(session, engine, planning, runner, scenario::settings);
            // the negotiation's range follows the scenario's target
            scenario.targetProperty().addListener(o -> negotiate.followScenario());
            negotiate.followScenario();
            WorkspaceSyncViewModel sync = new WorkspaceSyncViewModel(files, scenario, engine, workspaceIo, ui);
            ExportViewModel export = new ExportViewModel(scenario, new EngineExporter(engine), runner,
                    () -> files.currentFileProperty().get() == null ? null
                            : files.currentFileProperty().get().getFileName().toString());
            PlanViewModel plan = new PlanViewModel(scenario, planning, runner, debouncer.another());
            // the negotiation's range stops at the ceiling the recommendation found
            plan.adviceProperty().addListener((o, was, now) -> negotiate.setCeiling(now == null ? Double.NaN : now.ceiling()));
            return new Context(runner, session, data, scenario, negotiate, new CompareViewModel(), files, sync, export, plan);
        }
    }

    /**
     * Where the recent-workspaces list lives: the user's own normally (null); in self-test mode a
     * throwaway file, so a smoke test never edits what the user sees under File > Recent workspaces.
     */
    static java.nio.file.Path recentList(boolean selfTest) throws IOException {
        if (!selfTest) {
            return null;
        }
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("switchyard-self-test");
        dir.toFile().deleteOnExit();
        return dir.resolve("recent-workspaces.json");
    }

    /** The engine begun before the toolkit (Launcher), awaited here on the launcher thread, never on the FX thread. */
    private Bootstrap.Engines engines;

    @Override
    public void init() {
        Startup.mark("init");
        engines = Bootstrap.engines();
        Startup.mark("init engines");
    }

    @Override
    public void start(Stage stage) {
        Startup.mark("start");
        boolean selfTest = getParameters().getRaw().contains("--self-test");
        workers = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), daemon("switchyard-worker"));
        timer = Executors.newSingleThreadScheduledExecutor(daemon("switchyard-debounce"));
        TaskRunner runner = new TaskRunner(workers, Platform::runLater);
        state = selfTest ? new AppState() : AppState.load(AppState.defaultFile());
        Theme theme = new Theme(state.dark);
        MainWindow[] holder = new MainWindow[1];
        workspaceIo = Executors.newSingleThreadExecutor(daemon("switchyard-workspace"));
        WorkspaceViewModel files;
        try {
            files = WorkspaceViewModel.create(recentList(selfTest), workspaceIo, Platform::runLater);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not prepare the self-test's workspace list", e);
        }
        // begun before the toolkit (Launcher): the same planner is already working on the opening recommendation
        context = Context.create(runner, new Debouncer(timer, Platform::runLater, DEBOUNCE_MILLIS), new EngineDataSources(),
                engines.planner(), engines.planning(), p -> {
                    if (holder[0] != null) {
                        holder[0].remember(p);
                    }
                }, files, workspaceIo, Platform::runLater);
        window = new MainWindow(stage, state, theme, runner, context.data(), context.scenario(), context.negotiate(),
                context.compare(), context.files(), context.export(), context.plan());
        holder[0] = window;
        Startup.mark("window built");
        if (selfTest) {
            installSelfTest();
        }
        // the sample read before the toolkit started goes on screen before the window's first layout (decision 1120)
        boolean sampleOnScreen = context.data().loadSampleIfRead();
        stage.show();
        windowShownNanos = System.nanoTime();
        Startup.mark("window shown");
        if (!sampleOnScreen) {
            context.data().loadSample();
        }
    }

    private void installSelfTest() {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(SELF_TEST_TIMEOUT_SECONDS * 1000);
                System.err.println("switchyard self-test: FAILED (no result within " + SELF_TEST_TIMEOUT_SECONDS + " s)");
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "switchyard-self-test-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        context.data().problemProperty().addListener((o, was, now) -> {
            if (now != null) {
                System.err.println("switchyard self-test: FAILED loading sample: " + now.where() + ": " + now.problem());
                Runtime.getRuntime().halt(1);
            }
        });
        context.scenario().errorProperty().addListener((o, was, now) -> {
            if (now != null && !now.isEmpty()) {
                System.err.println("switchyard self-test: FAILED simulating: " + now);
                Runtime.getRuntime().halt(2);
            }
        });
        long[] firstResultMillis = {-1};
        long[] dataMillis = {-1};
        context.session().dataSetProperty().addListener((o, was, now) -> {
            if (dataMillis[0] < 0) {
                dataMillis[0] = (System.nanoTime() - startedNanos) / 1_000_000;
                Startup.mark("data set on screen");
            }
        });
        long[] recommendationMillis = {-1};
        // the first recommendation on screen: the provisional pick (labelled so, from the planner's first replications)
        // or, when none came first, the confirmed one
        long[] firstRecommendationMillis = {-1};
        long[] firstRecommendationNanos = {0};
        String[] firstStage = {"confirmed"};
        context.plan().provisionalProperty().addListener((o, was, now) -> {
            if (firstRecommendationMillis[0] < 0 && now != null && now.stream().anyMatch(Candidate::meetsSla)) {
                firstRecommendationNanos[0] = System.nanoTime();
                Startup.mark("first recommendation on screen");
                firstRecommendationMillis[0] = (firstRecommendationNanos[0] - startedNanos) / 1_000_000;
                var stage = context.plan().provisionalStageProperty().get();
                firstStage[0] = stage == null ? "routers-so-far" : stage.stage().name().toLowerCase(Locale.ROOT).replace('_', '-');
            }
        });
        context.plan().errorProperty().addListener((o, was, now) -> {
            if (now != null && !now.isEmpty()) {
                System.err.println("switchyard self-test: FAILED recommending: " + now);
                Runtime.getRuntime().halt(4);
            }
        });
        Runnable finishIfDone = () -> {
            ScenarioOutcome now = context.scenario().outcomeProperty().get();
            Advice advice = context.plan().adviceProperty().get();
            // the preview comes first; the self-test reports the full run, of the recommended router once it is on screen
            if (now == null || now.isPreview() || advice == null || context.scenario().runningProperty().get()) {
                return;
            }
            String recommended = advice.recommended().map(Candidate::router).orElse(null);
            if (recommended != null && !recommended.equals(now.settings().router())) {
                return;
            }
            long endNanos = System.nanoTime();
            long total = (endNanos - startedNanos) / 1_000_000;
            long firstNanos = firstRecommendationNanos[0] != 0 ? firstRecommendationNanos[0]
                    : startedNanos + recommendationMillis[0] * 1_000_000;
            long early = Bootstrap.earlyStartNanos();
            System.out.println(summary(now, total) + " sampleLoadedMs=" + dataMillis[0] + " firstResultMs=" + firstResultMillis[0]
                    + " " + recommendationSummary(advice, recommendationMillis[0], total) + " firstRecommendationMs="
                    + (firstRecommendationMillis[0] >= 0 ? firstRecommendationMillis[0] : recommendationMillis[0])
                    + " firstRecommendationStage=" + firstStage[0]
                    + " appStartFromJvmMs=" + Startup.fromJvmStart(startedNanos)
                    + " windowShownFromJvmMs=" + Startup.fromJvmStart(windowShownNanos)
                    + " earlyPlanStartFromJvmMs=" + (early == 0 ? -1 : Startup.fromJvmStart(early))
                    + " firstRecommendationFromJvmMs=" + Startup.fromJvmStart(firstNanos)
                    + " answerFromJvmMs=" + Startup.fromJvmStart(endNanos)
                    + " jit=" + Startup.jit() + " classArchive=" + Startup.classArchive());
            System.out.flush();
            Platform.exit();
            Runtime.getRuntime().halt(0);
        };
        context.plan().adviceProperty().addListener((o, was, now) -> {
            if (now != null && recommendationMillis[0] < 0) {
                recommendationMillis[0] = (System.nanoTime() - startedNanos) / 1_000_000;
            }
            finishIfDone.run();
        });
        context.scenario().outcomeProperty().addListener((o, was, now) -> {
            if (now != null && firstResultMillis[0] < 0) {
                firstResultMillis[0] = (System.nanoTime() - startedNanos) / 1_000_000;
            }
            finishIfDone.run();
        });
        context.scenario().runningProperty().addListener((o, was, now) -> finishIfDone.run());
    }

    /**
     * The self-test's recommendation fields: the router, its spend and breach probability, when the
     * recommendation was on screen, and when the recommended router's full run was (the start-up to
     * the answer).
     */
    public static String recommendationSummary(Advice a, long recommendationMs, long answerMs) {
        return a.recommended().map(c -> String.format(Locale.ROOT,
                        "recommended=%s recommendedMonthlySpend=%s recommendedBreachProbability=%.3f", c.router(),
                        Formats.plain(c.monthlySpend()), c.breachProbability()))
                .orElse("recommended=none") + String.format(Locale.ROOT, " ceiling=%.4f recommendationMs=%d answerMs=%d",
                a.ceiling(), recommendationMs, answerMs);
    }

    /** The self-test's one line: what ran and its headline figures. */
    public static String summary(ScenarioOutcome o, long millis) {
        return String.format(Locale.ROOT, "switchyard self-test: OK router=%s target=%.2f monthlySpend=%s costPer1k=%s "
                        + "satisfaction=%.4f breachProbability=%.3f savingsVsBestFixed=%.3f months=%d seed=%d engine=%s startupMs=%d",
                o.settings().router(), o.target(), Formats.plain(o.monthlySpend()), Formats.plain(o.costPer1k()),
                o.satisfaction(), o.breachProbability(), o.savingsVsBestFixed(), o.months().size(), o.seed(),
                o.engineVersion(), millis);
    }

    @Override
    public void stop() {
        if (window != null && state != null && !getParameters().getRaw().contains("--self-test")) {
            window.captureGeometry();
            try {
                state.save(AppState.defaultFile());
            } catch (IOException e) {
                System.err.println("switchyard: could not save window state: " + e.getMessage());
            }
        }
        closeWorkspace();
        if (workers != null) {
            workers.shutdownNow();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Lets queued workspace writes finish, then closes the workspace, writing pending autosaves. */
    private void closeWorkspace() {
        if (workspaceIo != null) {
            workspaceIo.shutdown();
            try {
                if (!workspaceIo.awaitTermination(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    System.err.println("switchyard: workspace writes still running at exit; closing anyway");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (context != null) {
            try {
                context.files().shutdown();
            } catch (Exception e) {
                System.err.println("switchyard: could not close the workspace cleanly: " + e.getMessage());
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            // simulations are CPU-bound; the FX thread must win every contest for a core
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        };
    }

}
