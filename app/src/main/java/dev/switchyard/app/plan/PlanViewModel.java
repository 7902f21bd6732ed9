package dev.switchyard.app.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;

import dev.switchyard.app.common.Debouncer;
import dev.switchyard.app.common.ProgressSink;
import dev.switchyard.app.common.TaskRunner;
import dev.switchyard.app.data.DataSet;
import dev.switchyard.app.scenario.ScenarioSettings;
import dev.switchyard.app.scenario.ScenarioViewModel;

/**
 * The planner's two direct answers on the Scenario screen: the recommendation (which router keeps
 * the target cheapest, and why the others lost) and the budget (the highest target a monthly budget
 * buys). Both re-run in the background when a setting they depend on changes; the router picker does
 * not count (the recommendation is about every router). The first recommendation after the data
 * loads is put on screen (the app opens on it) unless the user picked a router first. Never
 * references a Node.
 */
public final class PlanViewModel {
    private final ScenarioViewModel scenario;
    private final PlanningEngine engine;
    private final TaskRunner runner;
    private final Debouncer debouncer;

    private final ReadOnlyObjectWrapper<Advice> advice = new ReadOnlyObjectWrapper<>(this, "advice");
    private final ReadOnlyBooleanWrapper recommending = new ReadOnlyBooleanWrapper(this, "recommending");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final DoubleProperty monthlyBudget = new SimpleDoubleProperty(this, "monthlyBudget", Double.NaN);
    private final ReadOnlyObjectWrapper<BudgetResult> budget = new ReadOnlyObjectWrapper<>(this, "budget");
    private final ReadOnlyBooleanWrapper budgeting = new ReadOnlyBooleanWrapper(this, "budgeting");
    private final ReadOnlyStringWrapper budgetError = new ReadOnlyStringWrapper(this, "budgetError", "");

    private final javafx.beans.property.ReadOnlyDoubleWrapper progress = new javafx.beans.property.ReadOnlyDoubleWrapper(this,
            "progress", 0);
    private final ReadOnlyObjectWrapper<List<Candidate>> provisional = new ReadOnlyObjectWrapper<>(this, "provisional",
            List.of());
    private final ReadOnlyObjectWrapper<Provisional> provisionalStage = new ReadOnlyObjectWrapper<>(this, "provisionalStage");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyBooleanWrapper recommendedOnScreen = new ReadOnlyBooleanWrapper(this, "recommendedOnScreen");
    private final ReadOnlyStringWrapper tilesCaption = new ReadOnlyStringWrapper(this, "tilesCaption", "");

    private TaskRunner.Handle recommendTask;
    private TaskRunner.Handle budgetTask;
    private Object lastKey;
    private Object lastBudgetKey;
    private long generation;
    private boolean applyOnArrival = true;
    private boolean applying;

    public PlanViewModel(ScenarioViewModel scenario, PlanningEngine engine, TaskRunner runner, Debouncer debouncer) {
        this.scenario = Objects.requireNonNull(scenario);
        this.engine = Objects.requireNonNull(engine);
        this.runner = Objects.requireNonNull(runner);
        this.debouncer = Objects.requireNonNull(debouncer);
        scenario.addEditListener(() -> debouncer.trigger(this::refresh));
        // until the first recommendation lands (and replaces the setting on screen) the screen shows previews only
        scenario.holdFullRun();
        // and the opening data's run waits for the first look, whose pick replaces the setting on screen (decision 1101)
        scenario.holdDataRun();
        scenario.routerProperty().addListener((o, was, now) -> {
            if (!applying) {
                applyOnArrival = false;
                scenario.releaseDataRun();
                scenario.releaseFullRun(); // the user's own choice gets its full run
            }
        });
        scenario.session().dataSetProperty().addListener((o, was, now) -> {
            // the old data's answers must not stay on screen; the new data's follow
            Advice current = advice.get();
            if (current != null && lastKey instanceof java.util.List<?> k && k.get(0) != now) {
                advice.set(null);
                budget.set(null);
            }
            // new data is one event, not a slider's burst: asked at once (at start-up the answer is waiting, decision
            // 1120); the screen's own reaction to the data (its settings) came first, so this asks with them
            refresh();
        });
        monthlyBudget.addListener(o -> refreshBudget());
        advice.addListener(o -> updateCaption());
        provisionalStage.addListener(o -> updateCaption());
        scenario.outcomeProperty().addListener(o -> updateCaption());
    }

    /**
     * True when the outcome on screen is the recommended setting itself (router, parameters, aim, target): then its
     * tiles are the recommendation's figures, from the same run.
     */
    static boolean isRecommended(dev.switchyard.app.scenario.ScenarioOutcome o, Advice a) {
        if (o == null || a == null || a.recommended().isEmpty()) {
            return false;
        }
        Candidate c = a.recommended().get();
        ScenarioSettings s = o.settings();
        return s.router().equals(c.router()) && Math.abs(s.routerAim() - c.aimTarget()) < 1e-9
                && Math.abs(s.target() - a.target()) < 1e-9 && s.routerParameters().equals(c.params());
    }

    private void updateCaption() {
        var o = scenario.outcomeProperty().get();
        Advice a = advice.get();
        boolean rec = isRecommended(o, a);
        recommendedOnScreen.set(rec);
        Provisional p = provisionalStage.get();
        boolean lookPick = false;
        if (o != null && p != null && p.stage() == Provisional.Stage.FIRST_LOOK) {
            ScenarioSettings s = o.settings();
            lookPick = Candidate.cheapestKeeping(p.candidates()).map(c -> c.router().equals(s.router())
                    && Math.abs(c.aimTarget() - s.routerAim()) < 1e-9).orElse(false);
        }
        tilesCaption.set(caption(o, a, rec, lookPick));
    }

    /** Says whose figures the tiles show: the recommended setting, or the user's own (labelled as such). */
    static String caption(dev.switchyard.app.scenario.ScenarioOutcome o, Advice a, boolean recommended) {
        return caption(o, a, recommended, false);
    }

    /** As above; {@code lookPick}: the setting on screen is the first look's pick, put there while the analysis runs. */
    static String caption(dev.switchyard.app.scenario.ScenarioOutcome o, Advice a, boolean recommended, boolean lookPick) {
        if (o == null) {
            return "";
        }
        ScenarioSettings s = o.settings();
        String setting = o.routerDisplayName() + (s.hasOwnAim() ? " aiming at " + pct(s.routerAim()) : "")
                + ", judged against " + pct(s.target()) + " per " + o.judgement().window();
        String preview = o.isPreview() ? " (preview; the full run follows)" : "";
        if (recommended) {
            return "Below: the recommended setting, " + setting + preview + ". Same run, same figures as the recommendation.";
        }
        if (a == null && lookPick) {
            return "Below: the first look's pick, " + setting + preview + "; the confirmed recommendation replaces it.";
        }
        if (a != null && a.recommended().isPresent()) {
            Candidate c = a.recommended().get();
            return "Below: your setting, " + setting + preview + " — not the recommendation (" + c.displayName() + ", "
                    + String.format(java.util.Locale.ROOT, "$%,.0f", c.monthlySpend()) + " a month); Show it below puts it here.";
        }
        return "Below: your setting, " + setting + preview + ".";
    }

    /** What the recommendation depends on: the settings without the router the screen shows. */
    private static Object keyOf(DataSet data, ScenarioSettings s) {
        return java.util.List.of(data, s.withRouter("-", Map.of()));
    }

    /** Re-runs the recommendation (and the budget, when a budget is set) if their inputs changed. */
    public void refresh() {
        DataSet data = scenario.session().get();
        if (data == null) {
            return;
        }
        ScenarioSettings settings;
        try {
            settings = scenario.settings();
        } catch (IllegalArgumentException e) {
            scenario.releaseDataRun(); // no recommendation will come: the screen's own run says what is wrong
            return;
        }
        Object key = keyOf(data, settings);
        if (!key.equals(lastKey)) {
            lastKey = key;
            recommend(data, settings);
        } else if (!recommending.get()) {
            scenario.releaseDataRun();
        }
        refreshBudget();
    }

    private void recommend(DataSet data, ScenarioSettings settings) {
        if (recommendTask != null) {
            recommendTask.cancel();
        }
        long g = ++generation;
        recommending.set(true);
        error.set("");
        progress.set(0);
        progressText.set("");
        provisionalStage.set(null);
        provisional.set(List.of());
        recommendTask = runner.submit("Finding the cheapest router that keeps " + pct(settings.target()),
                sink -> engine.recommendStaged(data, settings, soFar -> runner.uiExecutor().execute(() -> {
                    if (g == generation && recommending.get()) {
                        provisionalStage.set(soFar);
                        provisional.set(soFar.candidates());
                        if (applyOnArrival && soFar.stage() == Provisional.Stage.FIRST_LOOK) {
                            // the first look's pick on screen first (its preview), until the confirmed one replaces it
                            Candidate.cheapestKeeping(soFar.candidates()).ifPresent(this::put);
                        }
                        scenario.releaseDataRun(); // (no pick: the setting on screen gets its run now)
                    }
                }), forwarding(sink, g)), a -> {
                    if (g != generation) {
                        return;
                    }
                    recommending.set(false);
                    provisionalStage.set(null);
                    provisional.set(List.of());
                    progress.set(1);
                    advice.set(a);
                    if (applyOnArrival && a.recommended().isPresent()) {
                        applyOnArrival = false;
                        apply();
                    }
                    scenario.releaseDataRun();
                    scenario.releaseFullRun();
                }, e -> {
                    if (g != generation) {
                        return;
                    }
                    recommending.set(false);
                    provisionalStage.set(null);
                    provisional.set(List.of());
                    advice.set(null);
                    scenario.releaseDataRun();
                    scenario.releaseFullRun();
                    error.set("No recommendation: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                });
    }

    /** Passes the engine's progress on to the status bar and to the recommendation panel (on the UI executor). */
    private ProgressSink forwarding(ProgressSink sink, long g) {
        return new ProgressSink() {
            @Override
            public void progress(double fraction, String message) {
                sink.progress(fraction, message);
                runner.uiExecutor().execute(() -> {
                    if (g == generation) {
                        progress.set(fraction);
                        progressText.set(message == null ? "" : message);
                    }
                });
            }

            @Override
            public boolean isCancelled() {
                return sink.isCancelled();
            }
        };
    }

    /** Puts the recommended router and its settings on the Scenario screen. */
    public void apply() {
        Advice a = advice.get();
        if (a == null || a.recommended().isEmpty()) {
            return;
        }
        put(a.recommended().get());
    }

    /** Puts a candidate's router, parameters and aim on the Scenario screen (not a choice of the user's). */
    private void put(Candidate c) {
        ScenarioSettings s;
        try {
            s = scenario.settings();
        } catch (IllegalArgumentException e) {
            return;
        }
        applying = true;
        try {
            scenario.apply(s.withRouter(c.router(), c.params()).withAim(c.aimTarget()));
        } finally {
            applying = false;
        }
    }

    private void refreshBudget() {
        double b = monthlyBudget.get();
        DataSet data = scenario.session().get();
        if (!(b > 0) || data == null) {
            return;
        }
        ScenarioSettings settings;
        try {
            settings = scenario.settings();
        } catch (IllegalArgumentException e) {
            return;
        }
        Object key = java.util.List.of(keyOf(data, settings), b);
        if (key.equals(lastBudgetKey)) {
            return;
        }
        lastBudgetKey = key;
        if (budgetTask != null) {
            budgetTask.cancel();
        }
        budgeting.set(true);
        budgetError.set("");
        budgetTask = runner.submit("Finding the highest target " + String.format(java.util.Locale.ROOT, "$%,.0f", b)
                + " a month buys", sink -> engine.budget(data, settings, b, sink), r -> {
                    if (!key.equals(lastBudgetKey)) {
                        return;
                    }
                    budgeting.set(false);
                    budget.set(r);
                }, e -> {
                    budgeting.set(false);
                    budget.set(null);
                    budgetError.set("No budget answer: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                });
    }

    /** Parses the budget field ("500", "$1,200", "2.5K"); returns why not when it is not an amount. */
    public String setBudgetText(String text) {
        String t = text == null ? "" : text.strip().replace("$", "").replace(",", "").toUpperCase(java.util.Locale.ROOT);
        if (t.isEmpty()) {
            monthlyBudget.set(Double.NaN);
            budget.set(null);
            return null;
        }
        double mult = t.endsWith("K") ? 1e3 : t.endsWith("M") ? 1e6 : 1;
        if (mult > 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            double v = Double.parseDouble(t) * mult;
            if (!(v > 0) || !Double.isFinite(v)) {
                return "a monthly budget must be a positive amount of dollars, got '" + text + "'";
            }
            monthlyBudget.set(v);
            return null;
        } catch (NumberFormatException e) {
            return "'" + text + "' is not an amount of dollars; try 500, $1,200 or 2.5K";
        }
    }

    private static String pct(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", v * 100);
    }

    /** The outcome on screen is the recommended setting (the tiles are the recommendation's figures). */
    public ReadOnlyBooleanProperty recommendedOnScreenProperty() {
        return recommendedOnScreen.getReadOnlyProperty();
    }

    /**
     * While a recommendation runs: the routers judged so far, each at its best setting (the engine's figures), so
     * the panel can say which keeps the target cheapest so far; empty otherwise.
     */
    public ReadOnlyObjectProperty<List<Candidate>> provisionalProperty() {
        return provisional.getReadOnlyProperty();
    }

    /**
     * While a recommendation runs: the provisional answer on screen with the stage it comes from (the planner's first
     * look, the first replications, routers confirmed so far), so the panel can say what it rests on; null otherwise.
     * Set together with {@link #provisionalProperty()}, before it.
     */
    public ReadOnlyObjectProperty<Provisional> provisionalStageProperty() {
        return provisionalStage.getReadOnlyProperty();
    }

    /** How far the running recommendation is (0..1), for a progress bar next to it. */
    public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The engine's words for that progress ("7 of 24 runs"). */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** Above the tiles: whose figures they are. */
    public ReadOnlyStringProperty tilesCaptionProperty() {
        return tilesCaption.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Advice> adviceProperty() {
        return advice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty recommendingProperty() {
        return recommending.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public DoubleProperty monthlyBudgetProperty() {
        return monthlyBudget;
    }

    public ReadOnlyObjectProperty<BudgetResult> budgetProperty() {
        return budget.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty budgetingProperty() {
        return budgeting.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty budgetErrorProperty() {
        return budgetError.getReadOnlyProperty();
    }
}
