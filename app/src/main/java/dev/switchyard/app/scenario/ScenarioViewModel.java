package dev.switchyard.app.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import dev.switchyard.app.common.Debouncer;
import dev.switchyard.app.common.TaskRunner;
import dev.switchyard.app.data.DataSession;
import dev.switchyard.app.data.DataSet;
import dev.switchyard.engine.pricing.PriceSheet;

/**
 * The main screen: the scenario's controls and the latest outcome. Any control change re-runs the
 * simulation in the background, debounced, cancelling the run before it; the outcome is applied
 * on the UI executor. Never references a Node.
 */
public final class ScenarioViewModel {
    /** Shown in the price-sheet picker when the sample's own recorded costs are used. */
    public static final String RECORDED_COSTS = "Recorded costs in the sample";

    private final DataSession session;
    private final PlannerEngine engine;
    private final TaskRunner runner;
    private final Debouncer debouncer;

    private final ObservableList<String> availableModels = FXCollections.observableArrayList();
    /** Handed out instead of {@code availableModels}: one wrapper, so listeners on it are not garbage-collected with a throwaway copy. */
    private final ObservableList<String> readOnlyAvailableModels = FXCollections.unmodifiableObservableList(availableModels);
    private final ObservableList<String> pool = FXCollections.observableArrayList();
    /** Handed out instead of {@code pool}: one wrapper, so listeners on it are not garbage-collected with a throwaway copy. */
    private final ObservableList<String> readOnlyPool = FXCollections.unmodifiableObservableList(pool);
    private final ObservableList<RouterChoice> routers = FXCollections.observableArrayList();
    /** Handed out instead of {@code routers}: one wrapper, so listeners on it are not garbage-collected with a throwaway copy. */
    private final ObservableList<RouterChoice> readOnlyRouters = FXCollections.unmodifiableObservableList(routers);
    private final ObjectProperty<RouterChoice> router = new SimpleObjectProperty<>(this, "router");
    private final ObservableMap<String, String> routerParameters = FXCollections.observableMap(new LinkedHashMap<>());
    /** Handed out instead of {@code routerParameters}: one wrapper, so listeners on it are not garbage-collected with a throwaway copy. */
    private final ObservableMap<String, String> readOnlyRouterParameters = FXCollections.unmodifiableObservableMap(routerParameters);
    private final DoubleProperty target = new SimpleDoubleProperty(this, "target", 0.78);
    private final ObjectProperty<SlaWindow> window = new SimpleObjectProperty<>(this, "window", SlaWindow.WEEK);
    private final DoubleProperty feedbackRate = new SimpleDoubleProperty(this, "feedbackRate", 0.20);
    private final LongProperty monthlyVolume = new SimpleLongProperty(this, "monthlyVolume", 1_000_000);
    private final DoubleProperty monthlyGrowth = new SimpleDoubleProperty(this, "monthlyGrowth", 0.03);
    private final IntegerProperty horizonMonths = new SimpleIntegerProperty(this, "horizonMonths", 12);
    private final ObservableList<String> priceSheets = FXCollections.observableArrayList();
    /** Handed out instead of {@code priceSheets}: one wrapper, so listeners on it are not garbage-collected with a throwaway copy. */
    private final ObservableList<String> readOnlyPriceSheets = FXCollections.unmodifiableObservableList(priceSheets);
    private final ObjectProperty<String> priceSheet = new SimpleObjectProperty<>(this, "priceSheet");
    private final ObjectProperty<Timeline> timeline = new SimpleObjectProperty<>(this, "timeline", Timeline.NONE);
    private final IntegerProperty replications = new SimpleIntegerProperty(this, "replications", 4);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 20260601L);
    private final BooleanProperty autoRun = new SimpleBooleanProperty(this, "autoRun", true);
    /** The latency term of the SLA (off by default): p-th percentile of time to first token under L ms. */
    private final ObjectProperty<LatencyGoal> latency = new SimpleObjectProperty<>(this, "latency", LatencyGoal.OFF);
    /** The router's own aim when the planner's setting is on screen (NaN: it aims at the target); see {@link ScenarioSettings#aim}. */
    private final ReadOnlyObjectWrapper<Double> aim = new ReadOnlyObjectWrapper<>(this, "aim", Double.NaN);

    private final ReadOnlyObjectWrapper<ScenarioOutcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyLongWrapper lastRunMillis = new ReadOnlyLongWrapper(this, "lastRunMillis");
    private final ReadOnlyLongWrapper completedRuns = new ReadOnlyLongWrapper(this, "completedRuns");
    private final ReadOnlyStringWrapper feedbackNote = new ReadOnlyStringWrapper(this, "feedbackNote", "");
    /** SLA tiers of the loaded traffic (gold, silver...), for per-tier targets. */
    private final ObservableList<String> tiers = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyTiers = FXCollections.unmodifiableObservableList(tiers);
    /** Tiers with a target of their own (tier -> target); the rest use the scenario's target. */
    private final ObservableMap<String, Double> tierTargets = FXCollections.observableMap(new LinkedHashMap<>());
    private final ObservableMap<String, Double> readOnlyTierTargets = FXCollections.unmodifiableObservableMap(tierTargets);
    private TaskRunner.Handle current;
    private boolean targetTouched;
    private long runGeneration;
    private boolean applyingData;
    private boolean holdFullRun;
    private boolean holdDataRun;
    private boolean dataRunPending;
    private final List<Runnable> editListeners = new ArrayList<>();

    public ScenarioViewModel(DataSession session, PlannerEngine engine, TaskRunner runner, Debouncer debouncer) {
        this.session = Objects.requireNonNull(session);
        this.engine = Objects.requireNonNull(engine);
        this.runner = Objects.requireNonNull(runner);
        this.debouncer = Objects.requireNonNull(debouncer);
        routers.setAll(engine.routers());
        router.set(routers.stream().filter(r -> r.name().equals(engine.defaultRouter())).findFirst()
                .orElse(routers.isEmpty() ? null : routers.get(0)));
        resetParameters(router.get());
        feedbackNote.set(router.get() == null ? "" : router.get().feedbackIgnoredNote());
        router.addListener((o, was, now) -> {
            if (!applyingData) {
                clearAim(); // an aim belongs to the router the planner set it for
            }
            feedbackNote.set(now == null ? "" : now.feedbackIgnoredNote());
            resetParameters(now);
            requestRun();
        });
        for (Observable p : List.<Observable>of(target, window, feedbackRate, monthlyVolume, monthlyGrowth,
                horizonMonths, priceSheet, replications, seed, timeline, latency)) {
            p.addListener(o -> requestRun());
        }
        pool.addListener((ListChangeListener<String>) c -> requestRun());
        target.addListener(o -> targetTouched |= !applyingData);
        // the planner's margin was found for one target: a new target is aimed at as it is
        target.addListener(o -> {
            if (!applyingData) {
                clearAim();
            }
        });
        aim.addListener(o -> requestRun());
        routerParameters.addListener((MapChangeListener<String, String>) c -> requestRun());
        tierTargets.addListener((MapChangeListener<String, Double>) c -> requestRun());
        session.dataSetProperty().addListener((o, was, now) -> onData(now));
        if (session.get() != null) {
            onData(session.get());
        }
    }

    // ---- commands ---------------------------------------------------------------------------

    /** Debounced re-run: what every control change calls. */
    public void requestRun() {
        requestRun(false);
    }

    private void requestRun(boolean dataArrived) {
        // nothing to run on yet: the data's arrival triggers the first run
        if (applyingData || session.get() == null) {
            return;
        }
        for (Runnable r : List.copyOf(editListeners)) {
            r.run();
        }
        if (!autoRun.get()) {
            return;
        }
        if (holdDataRun && dataArrived) {
            dataRunPending = true; // run when the hold ends (the planner's pick usually replaces the setting first)
            return;
        }
        // any other change (the user's, the planner's pick) ends the hold: its run is wanted now
        holdDataRun = false;
        dataRunPending = false;
        debouncer.trigger(this::runNow);
    }

    /**
     * Until {@link #releaseDataRun()} (or any other change of the scenario), the data's arrival does not start a run of
     * the setting on screen: at start-up the planner's first look puts its pick on screen within moments, and a preview of
     * the default router beside it would only take a core from it and the FX thread (decision 1101).
     */
    public void holdDataRun() {
        holdDataRun = true;
    }

    /** Ends {@link #holdDataRun()}: a run the data's arrival asked for starts now. */
    public void releaseDataRun() {
        if (!holdDataRun) {
            return;
        }
        holdDataRun = false;
        if (dataRunPending) {
            dataRunPending = false;
            if (session.get() != null && autoRun.get()) {
                debouncer.trigger(this::runNow);
            }
        }
    }

    /**
     * Told on the UI thread whenever the scenario changed (a control, the data, an applied
     * scenario): the same moment a debounced re-run is requested. Workspace autosave listens here.
     */
    public void addEditListener(Runnable listener) {
        editListeners.add(Objects.requireNonNull(listener));
    }

    /** Runs now, cancelling a run in flight. */
    public void runNow() {
        DataSet data = session.get();
        if (data == null) {
            error.set("No data loaded: open the Data screen and import traffic, or load the sample.");
            return;
        }
        ScenarioSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        if (settings.priceSheet() == null && !data.traffic().hasRecordedCosts()) {
            error.set(noPricesMessage(data));
            outcome.set(null);
            return;
        }
        if (current != null) {
            current.cancel();
        }
        running.set(true);
        long started = System.nanoTime();
        long generation = ++runGeneration;
        String shown = router.get() == null ? settings.router() : router.get().displayName();
        if (engine.isReady(data, settings)) {
            // the planner already ran this very setting: its figures at once, no preview first
            current = runner.submit("Showing " + shown, sink -> engine.run(data, settings, Fidelity.FULL, sink), full -> {
                if (generation != runGeneration) {
                    return;
                }
                lastRunMillis.set((System.nanoTime() - started) / 1_000_000);
                error.set("");
                running.set(false);
                outcome.set(full);
                completedRuns.set(completedRuns.get() + 1);
            }, this::failed);
            return;
        }
        boolean previewOnly = holdFullRun;
        // a quick preview first so the charts follow the slider, then the full run replaces it
        String name = router.get() == null ? settings.router() : router.get().displayName();
        current = runner.submit("Previewing " + name, sink -> engine.run(data, settings, Fidelity.PREVIEW, sink),
                preview -> {
                    if (generation != runGeneration) {
                        return;
                    }
                    lastRunMillis.set((System.nanoTime() - started) / 1_000_000);
                    error.set("");
                    if (previewOnly) {
                        // the planner's setting replaces this setting in a moment: its full run would be thrown away
                        running.set(false);
                        outcome.set(preview);
                        return;
                    }
                    outcome.set(preview);
                    current = runner.submit("Simulating " + name, sink -> engine.run(data, settings, Fidelity.FULL, sink),
                            full -> {
                                if (generation != runGeneration) {
                                    return;
                                }
                                running.set(false);
                                outcome.set(full);
                                completedRuns.set(completedRuns.get() + 1);
                            }, this::failed);
                }, this::failed);
    }

    /**
     * While the planner's first recommendation is on its way (it will replace the setting on screen), runs stop
     * at the preview: a full run of a setting about to be replaced would only take cores from the planner.
     */
    public void holdFullRun() {
        holdFullRun = true;
    }

    /** Ends {@link #holdFullRun()}: a preview on screen gets its full run now. */
    public void releaseFullRun() {
        if (!holdFullRun) {
            return;
        }
        holdFullRun = false;
        ScenarioOutcome o = outcome.get();
        if ((o == null || o.isPreview()) && !applyingData && session.get() != null && autoRun.get()) {
            debouncer.trigger(this::runNow);
        }
    }

    public boolean isHoldingFullRun() {
        return holdFullRun;
    }

    private void failed(Throwable e) {
        running.set(false);
        error.set(e.getMessage() == null ? e.toString() : e.getMessage());
    }

    /** What to do when nothing prices the traffic, in the app's words (not the command line's). */
    static String noPricesMessage(DataSet data) {
        String what = "The traffic '" + data.traffic().name() + "' records no costs per request, so it needs a price sheet.";
        return data.priceSheets().isEmpty()
                ? what + " Import one (File > Import price sheet…) and the scenario runs again."
                : what + " Pick one under Price sheet, or import another (File > Import price sheet…).";
    }

    private void cancelRunInFlight() {
        runGeneration++;
        if (current != null) {
            current.cancel();
            running.set(false);
        }
    }

    public void cancel() {
        runGeneration++;
        if (current != null) {
            current.cancel();
            running.set(false);
        }
    }

    /** The settings as they stand; throws with a readable message when a control is invalid. */
    public ScenarioSettings settings() {
        RouterChoice r = router.get();
        if (r == null) {
            throw new IllegalArgumentException("pick a router");
        }
        if (pool.isEmpty()) {
            throw new IllegalArgumentException("the model pool is empty: tick at least one model");
        }
        String sheet = RECORDED_COSTS.equals(priceSheet.get()) ? null : priceSheet.get();
        return new ScenarioSettings(List.copyOf(pool), r.name(), Map.copyOf(routerParameters), target.get(), window.get(),
                feedbackRate.get(), monthlyVolume.get(), monthlyGrowth.get(), horizonMonths.get(), sheet,
                replications.get(), seed.get(), Map.copyOf(tierTargets), timeline.get(), aim.get(), latency.get());
    }

    /** Puts every control back as a pinned scenario had it (Compare: "open in scenario"). */
    public void apply(ScenarioSettings s) {
        applyingData = true;
        try {
            routers.stream().filter(r -> r.name().equals(s.router())).findFirst().ifPresent(router::set);
            routerParameters.clear();
            routerParameters.putAll(s.routerParameters());
            target.set(s.target());
            window.set(s.window());
            feedbackRate.set(s.feedbackRate());
            monthlyVolume.set(s.monthlyVolume());
            monthlyGrowth.set(s.monthlyGrowth());
            horizonMonths.set(s.horizonMonths());
            priceSheet.set(s.priceSheet() == null ? RECORDED_COSTS : s.priceSheet());
            replications.set(s.replications());
            seed.set(s.seed());
            pool.setAll(s.pool().isEmpty() ? availableModels : s.pool());
            timeline.set(s.timeline());
            latency.set(s.latency());
            if (!(Double.isNaN(s.aim()) && Double.isNaN(aim.get()))) {
                aim.set(s.aim());
            }
            tierTargets.clear();
            s.tierTargets().forEach((k, v) -> {
                if (tiers.contains(k)) {
                    tierTargets.put(k, v);
                }
            });
        } finally {
            applyingData = false;
        }
        requestRun();
    }

    /** Gives some tiers a target of their own, in one change (one re-run); tiers not in the traffic are refused. */
    public void setTierTargets(Map<String, Double> targets) {
        for (Map.Entry<String, Double> e : targets.entrySet()) {
            if (!tiers.contains(e.getKey())) {
                throw new IllegalArgumentException("the traffic has no SLA tier '" + e.getKey() + "'");
            }
            if (!(e.getValue() > 0 && e.getValue() < 1)) {
                throw new IllegalArgumentException("a tier target must be between 0% and 100%, got " + e.getValue());
            }
        }
        boolean was = applyingData;
        applyingData = true;
        try {
            tierTargets.clear();
            tierTargets.putAll(targets);
        } finally {
            applyingData = was;
        }
        requestRun();
    }

    /** One tier's own target, or NaN to hold it to the scenario's target. */
    public void setTierTarget(String tier, double value) {
        Map<String, Double> next = new LinkedHashMap<>(tierTargets);
        if (Double.isNaN(value)) {
            next.remove(tier);
        } else {
            next.put(tier, value);
        }
        setTierTargets(next);
    }

    public void setParameter(String key, String value) {
        routerParameters.put(key, value);
    }

    /** Sets the pool from the check list in one change (one re-run, not one per tick). */
    public void setPool(List<String> models) {
        List<String> ordered = new ArrayList<>();
        for (String m : availableModels) {
            if (models.contains(m)) {
                ordered.add(m);
            }
        }
        if (!ordered.equals(pool)) {
            pool.setAll(ordered);
        }
    }

    private void resetParameters(RouterChoice r) {
        boolean was = applyingData;
        applyingData = true;
        try {
            routerParameters.clear();
            if (r != null) {
                for (RouterChoice.Parameter p : r.parameters()) {
                    routerParameters.put(p.key(), p.defaultText());
                }
            }
        } finally {
            applyingData = was;
        }
    }

    private void onData(DataSet data) {
        applyingData = true;
        try {
            clearAim(); // the planner's margin was found on the old data
            if (data == null) {
                availableModels.clear();
                pool.clear();
                priceSheets.clear();
                tiers.clear();
                tierTargets.clear();
                return;
            }
            // results of the previous data must not stay on screen as if they were this data's
            cancelRunInFlight();
            outcome.set(null);
            error.set("");
            if (!targetTouched) {
                target.set(suggestedTarget(data));
            }
            List<String> dataTiers = data.traffic().hasSlaTiers() ? data.traffic().slaTiers().values() : List.of();
            tiers.setAll(dataTiers);
            tierTargets.keySet().retainAll(dataTiers);
            LatencyGoal lg = latency.get();
            if (!dataTiers.containsAll(lg.tierTargetsMs().keySet())) {
                Map<String, Double> kept = new LinkedHashMap<>(lg.tierTargetsMs());
                kept.keySet().retainAll(dataTiers);
                latency.set(new LatencyGoal(lg.targetMs(), lg.percentile(), kept));
            }
            List<String> models = data.traffic().models();
            List<String> keep = pool.stream().filter(models::contains).toList();
            availableModels.setAll(models);
            pool.setAll(keep.isEmpty() ? models : keep);
            List<String> sheets = new ArrayList<>(data.priceSheets().stream().map(PriceSheet::label).toList());
            if (data.traffic().hasRecordedCosts()) {
                sheets.add(RECORDED_COSTS);
            }
            String previous = priceSheet.get();
            // the newest sheet, else the sample's recorded costs; a sheet still loaded is kept
            String chosen = previous != null && sheets.contains(previous) ? previous
                    : sheets.isEmpty() ? null : sheets.get(Math.max(0, data.priceSheets().size() - 1));
            priceSheets.setAll(sheets);
            Timeline t = timeline.get();
            if (t.sheetFromEffectiveDate() != null && !sheets.contains(t.sheetFromEffectiveDate())) {
                timeline.set(new Timeline(t.priceChanges(), null, t.deprecations()));
            }
            // set after the list: a picker bound to the property clears it when its items are replaced
            priceSheet.set(chosen);
        } finally {
            applyingData = false;
        }
        requestRun(true);
    }

    /**
     * Where a fresh sample opens: the 90% SLA the planner's budget question is about, or one point
     * below the best single model's mean score when that is lower. A 90% target on traffic whose
     * best model scores 79% would open on a wall of breaches (decision 0502).
     */
    /** The SLA most customers ask for first, and the one the budget question is framed around. */
    static final double OPENING_TARGET = 0.90;

    static double suggestedTarget(DataSet data) {
        var t = data.traffic();
        double best = 0;
        for (int j = 0; j < t.modelCount(); j++) {
            double sum = 0;
            for (int q = 0; q < t.size(); q++) {
                sum += t.score(q, j);
            }
            best = Math.max(best, sum / Math.max(1, t.size()));
        }
        double belowBestFixed = Math.floor(best * 100) / 100 - 0.01;
        return Math.max(0.5, Math.min(OPENING_TARGET, belowBestFixed));
    }

    // ---- properties -------------------------------------------------------------------------

    public ObservableList<String> availableModels() {
        return readOnlyAvailableModels;
    }

    public ObservableList<String> pool() {
        return readOnlyPool;
    }

    public ObservableList<RouterChoice> routers() {
        return readOnlyRouters;
    }

    public ObjectProperty<RouterChoice> routerProperty() {
        return router;
    }

    public ObservableMap<String, String> routerParameters() {
        return readOnlyRouterParameters;
    }

    public DoubleProperty targetProperty() {
        return target;
    }

    public ObjectProperty<SlaWindow> windowProperty() {
        return window;
    }

    public DoubleProperty feedbackRateProperty() {
        return feedbackRate;
    }

    public LongProperty monthlyVolumeProperty() {
        return monthlyVolume;
    }

    public DoubleProperty monthlyGrowthProperty() {
        return monthlyGrowth;
    }

    public IntegerProperty horizonMonthsProperty() {
        return horizonMonths;
    }

    public ObservableList<String> priceSheets() {
        return readOnlyPriceSheets;
    }

    public ObjectProperty<String> priceSheetProperty() {
        return priceSheet;
    }

    /** Price and catalog what-ifs; the planner's answers include them (the month-by-month run does not). */
    public ObjectProperty<Timeline> timelineProperty() {
        return timeline;
    }

    public IntegerProperty replicationsProperty() {
        return replications;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    /** The latency term; set to {@link LatencyGoal#OFF} for none. */
    public ObjectProperty<LatencyGoal> latencyProperty() {
        return latency;
    }

    /**
     * Sets the latency target from the screen's field ("2000", "2,000 ms", "2 s"; empty = off) and percentile;
     * returns why not when the text is not a duration, changing nothing.
     */
    public String setLatencyText(String text, double percentile) {
        try {
            double ms = parseDuration(text);
            // the tiers' own targets stay as they were: the default L and the percentile change
            latency.set(new LatencyGoal(ms, percentile, latency.get().tierTargetsMs()));
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * Gives SLA tier {@code tier} a latency target of its own from the screen's field (as {@link #setLatencyText};
     * empty = the tier uses the scenario's L), like the CLI's {@code --tier-latency TIER=L}; returns why not when the
     * text is not a duration or the traffic has no such tier, changing nothing.
     */
    public String setTierLatencyText(String tier, String text) {
        if (!tiers.contains(tier)) {
            return "the traffic has no SLA tier '" + tier + "'";
        }
        try {
            latency.set(latency.get().withTier(tier, parseDuration(text)));
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** No latency term at all: neither the default L nor any tier's own (the screen's check box off). */
    public void clearLatency() {
        latency.set(new LatencyGoal(Double.NaN, latency.get().percentile()));
    }

    /** Milliseconds from "2000", "2,000 ms" or "2 s"; NaN for empty text. */
    static double parseDuration(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT).replace(",", "");
        if (t.isEmpty()) {
            return Double.NaN;
        }
        double mult = 1;
        if (t.endsWith("ms")) {
            t = t.substring(0, t.length() - 2).strip();
        } else if (t.endsWith("s")) {
            t = t.substring(0, t.length() - 1).strip();
            mult = 1000;
        }
        double ms;
        try {
            ms = Double.parseDouble(t) * mult;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; try 2000, 2,000 ms or 2 s", e);
        }
        LatencyGoal.requireMs(ms);
        return ms;
    }

    /** Back to aiming at the target; no change event (and no re-run) when it already does. */
    private void clearAim() {
        if (!Double.isNaN(aim.get())) {
            aim.set(Double.NaN);
        }
    }

    /** The router's own aim (NaN: the target); set with the planner's setting through {@link #apply}. */
    public ReadOnlyObjectProperty<Double> aimProperty() {
        return aim.getReadOnlyProperty();
    }

    public BooleanProperty autoRunProperty() {
        return autoRun;
    }

    public ReadOnlyObjectProperty<ScenarioOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty lastRunMillisProperty() {
        return lastRunMillis.getReadOnlyProperty();
    }

    /** The SLA tiers of the loaded traffic. */
    public ObservableList<String> tiers() {
        return readOnlyTiers;
    }

    /** Tiers with a target of their own; change through {@link #setTierTargets} / {@link #setTierTarget}. */
    public ObservableMap<String, Double> tierTargets() {
        return readOnlyTierTargets;
    }

    /** Next to the feedback slider: why it changes nothing for the chosen router, or "". */
    public ReadOnlyStringProperty feedbackNoteProperty() {
        return feedbackNote.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty completedRunsProperty() {
        return completedRuns.getReadOnlyProperty();
    }

    public DataSession session() {
        return session;
    }

    public PlannerEngine engine() {
        return engine;
    }
}
