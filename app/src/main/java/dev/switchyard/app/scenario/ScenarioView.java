package dev.switchyard.app.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.controlsfx.control.CheckListView;

import dev.switchyard.app.common.ChartCard;
import dev.switchyard.app.common.ChartCardTooltips;
import dev.switchyard.app.common.Formats;
import dev.switchyard.app.common.TaskRunner;

/** The main screen: controls on the left, KPI tiles and charts on the right. */
public final class ScenarioView extends SplitPane {
    static final int MAX_POINTS = 400;

    private final ScenarioViewModel vm;
    private final TaskRunner runner;

    final CheckListView<String> poolList = new CheckListView<>();
    final ComboBox<RouterChoice> routerBox = new ComboBox<>();
    final Slider targetSlider = new Slider(0.60, 0.99, 0.78);
    final Slider feedbackSlider = new Slider(0.0, 1.0, 0.20);
    private final Label routerDescription = new Label();
    private final Label reconstructedBadge = new Label("reconstructed");
    private final Label boundBadge = new Label("bound, not deployable");
    private final VBox advancedBox = new VBox(6);
    private final ScenarioResults results;

    public ScenarioView(ScenarioViewModel vm, TaskRunner runner) {
        this.vm = vm;
        this.runner = runner;
        getStyleClass().add("scenario-view");
        poolList.setId("pool-list");
        routerBox.setId("router-box");
        targetSlider.setId("target-slider");
        feedbackSlider.setId("feedback-slider");
        reconstructedBadge.setId("reconstructed-badge");
        ScrollPane left = new ScrollPane(buildControls());
        left.setFitToWidth(true);
        left.setMinWidth(290);
        left.setPrefWidth(330);
        left.getStyleClass().add("controls-pane");
        results = new ScenarioResults(vm, runner);
        getItems().addAll(left, results);
        setDividerPositions(0.24);
        SplitPane.setResizableWithParent(left, false);
    }

    // ---- controls ----------------------------------------------------------------------------

    private Node buildControls() {
        VBox box = new VBox(10);
        box.setPadding(new Insets(10));

        poolList.setItems(vm.availableModels());
        // JavaFX 21 throws in VirtualFlow.findOwnerCell (every pulse, blanking the window) when a focused
        // check box inside a recycled cell leaves the scene: the check boxes take clicks but not focus
        poolList.setCellFactory(lv -> new javafx.scene.control.cell.CheckBoxListCell<String>(poolList::getItemBooleanProperty) {
            @Override
            public void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (getGraphic() != null) {
                    getGraphic().setFocusTraversable(false);
                }
            }
        });
        poolList.setPrefHeight(170);
        syncPool();
        vm.availableModels().addListener((ListChangeListener<String>) c -> syncPool());
        vm.pool().addListener((ListChangeListener<String>) c -> syncPool());
        poolList.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            if (!syncingPool) {
                vm.setPool(List.copyOf(poolList.getCheckModel().getCheckedItems()));
            }
        });
        box.getChildren().add(section("Model pool", "The models the router may send requests to. Untick a model to see what "
                + "happens without it (e.g. a provider you cannot use).", poolList));

        routerBox.setItems(vm.routers());
        routerBox.valueProperty().bindBidirectional(vm.routerProperty());
        routerBox.setMaxWidth(Double.MAX_VALUE);
        routerBox.setVisibleRowCount(16);
        routerDescription.setWrapText(true);
        routerDescription.getStyleClass().add("router-description");
        reconstructedBadge.getStyleClass().addAll("badge", "badge-warning");
        boundBadge.getStyleClass().addAll("badge", "badge-info");
        HBox badges = new HBox(6, reconstructedBadge, boundBadge);
        vm.routerProperty().addListener((o, was, now) -> showRouter(now));
        showRouter(vm.routerProperty().get());
        box.getChildren().add(section("Router", "The algorithm that picks a model for every request. "
                + "Hover the badge for where it comes from.", new VBox(4, routerBox, badges, routerDescription)));

        configurePercentSlider(targetSlider, 0.10);
        targetSlider.valueProperty().bindBidirectional(vm.targetProperty());
        box.getChildren().add(section("SLA target", "The share of requests that must satisfy users, e.g. 90%. "
                + "A higher target needs dearer models more often.", sliderWithValue(targetSlider, vm.targetProperty())));

        VBox tierBox = new VBox(4);
        tierBox.setId("tier-targets");
        vm.tiers().addListener((ListChangeListener<String>) c -> buildTierTargets(tierBox));
        buildTierTargets(tierBox);
        TitledPane tierPane = new TitledPane("Per-tier targets", tierBox);
        tierPane.setExpanded(false);
        tierPane.visibleProperty().bind(Bindings.isNotEmpty(vm.tiers()));
        tierPane.managedProperty().bind(tierPane.visibleProperty());
        ChartCardTooltips.install(tierPane, "Give an SLA tier (e.g. gold) a target of its own. The recommendation then keeps "
                + "every tier's target, and the per-tier tile turns red when one is missed.");
        box.getChildren().add(tierPane);

        ComboBox<SlaWindow> windowBox = new ComboBox<>();
        windowBox.getItems().addAll(SlaWindow.DAY, SlaWindow.WEEK, SlaWindow.MONTH, SlaWindow.ofRequests(10_000),
                SlaWindow.ofRequests(100_000));
        windowBox.valueProperty().bindBidirectional(vm.windowProperty());
        windowBox.setMaxWidth(Double.MAX_VALUE);
        box.getChildren().add(section("SLA window", "Over what stretch satisfaction is measured against the target: "
                + "a day, a week, a month, or a fixed number of requests. Shorter windows are breached more often.", windowBox));

        // the latency term of the SLA: off by default; "p95 time to first token under L ms"
        CheckBox latencyOn = new CheckBox("Latency target");
        latencyOn.setId("latency-on");
        TextField latencyMs = new TextField("2000");
        latencyMs.setId("latency-ms");
        latencyMs.setPrefColumnCount(6);
        ComboBox<String> latencyPct = new ComboBox<>();
        latencyPct.setId("latency-percentile");
        latencyPct.getItems().addAll("p50", "p90", "p95", "p99");
        latencyPct.setValue("p95");
        Label latencyError = new Label();
        latencyError.getStyleClass().addAll("notes", "control-note");
        latencyError.setWrapText(true);
        latencyError.setMinHeight(Region.USE_PREF_SIZE);
        // per-tier latency targets (the CLI's --tier-latency TIER=L): empty = the tier is held to L above
        VBox tierLatencyBox = new VBox(4);
        tierLatencyBox.setId("tier-latency");
        Map<String, TextField> tierLatencyFields = new java.util.LinkedHashMap<>();
        boolean[] syncingLatency = {false};
        boolean[] pushingLatency = {false};
        Runnable pushLatency = () -> {
            if (syncingLatency[0]) {
                return;
            }
            pushingLatency[0] = true; // the fields are the source here: the view model's echo must not overwrite them
            try {
                if (!latencyOn.isSelected()) {
                    vm.clearLatency();
                    latencyError.setText("");
                    return;
                }
                double pct = Integer.parseInt(latencyPct.getValue().substring(1)) / 100.0;
                String why = vm.setLatencyText(latencyMs.getText(), pct);
                for (Map.Entry<String, TextField> e : tierLatencyFields.entrySet()) {
                    String tierWhy = vm.setTierLatencyText(e.getKey(), e.getValue().getText());
                    if (why == null && tierWhy != null) {
                        why = e.getKey() + ": " + tierWhy;
                    }
                }
                latencyError.setText(why == null ? "" : why);
            } finally {
                pushingLatency[0] = false;
            }
        };
        // the screen shows what the view model holds (a restored workspace, Compare's "open in scenario")
        java.util.function.Consumer<LatencyGoal> showLatencyGoal = g -> {
            syncingLatency[0] = true;
            try {
                if (g.isOn()) {
                    latencyMs.setText(Double.isNaN(g.targetMs()) ? "" : msText(g.targetMs()));
                    latencyPct.setValue(String.format(java.util.Locale.ROOT, "p%.0f", 100 * g.percentile()));
                    tierLatencyFields.forEach((tier, field) -> {
                        Double own = g.tierTargetsMs().get(tier);
                        field.setText(own == null ? "" : msText(own));
                    });
                }
                latencyOn.setSelected(g.isOn());
                latencyMs.setDisable(!g.isOn());
                latencyPct.setDisable(!g.isOn());
                tierLatencyFields.values().forEach(f -> f.setDisable(!g.isOn()));
            } finally {
                syncingLatency[0] = false;
            }
        };
        Runnable buildTierLatency = () -> {
            tierLatencyBox.getChildren().clear();
            tierLatencyFields.clear();
            for (String tier : vm.tiers()) {
                Label name = new Label(tier);
                name.setMinWidth(60);
                TextField field = new TextField();
                field.setId("tier-latency-" + tier);
                field.setPromptText("= L");
                field.setPrefColumnCount(6);
                Double own = vm.latencyProperty().get().tierTargetsMs().get(tier);
                field.setText(own == null ? "" : msText(own));
                field.setDisable(!latencyOn.isSelected());
                field.setOnAction(e -> pushLatency.run());
                field.focusedProperty().addListener((o, was, now) -> {
                    if (!now) {
                        pushLatency.run();
                    }
                });
                ChartCardTooltips.install(field, "A latency target of the " + tier + " tier's own, in ms (e.g. 1200 for a"
                        + " tighter gold SLA); empty, the tier is held to L above.");
                HBox row = new HBox(6, name, field, new Label("ms"));
                row.setAlignment(Pos.CENTER_LEFT);
                tierLatencyBox.getChildren().add(row);
                tierLatencyFields.put(tier, field);
            }
        };
        vm.tiers().addListener((ListChangeListener<String>) c -> buildTierLatency.run());
        buildTierLatency.run();
        Label tierLatencyTitle = new Label("Per tier (empty: L above)");
        tierLatencyTitle.getStyleClass().add("notes");
        VBox tierLatency = new VBox(4, tierLatencyTitle, tierLatencyBox);
        tierLatency.visibleProperty().bind(Bindings.isNotEmpty(vm.tiers()));
        tierLatency.managedProperty().bind(tierLatency.visibleProperty());
        latencyOn.selectedProperty().addListener(o -> {
            latencyMs.setDisable(!latencyOn.isSelected());
            latencyPct.setDisable(!latencyOn.isSelected());
            tierLatencyFields.values().forEach(f -> f.setDisable(!latencyOn.isSelected()));
            pushLatency.run();
        });
        latencyMs.setOnAction(e -> pushLatency.run());
        latencyMs.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                pushLatency.run();
            }
        });
        latencyPct.valueProperty().addListener(o -> pushLatency.run());
        latencyMs.setDisable(true);
        latencyPct.setDisable(true);
        vm.latencyProperty().addListener((o, was, now) -> {
            if (now != null && !syncingLatency[0] && !pushingLatency[0]) {
                showLatencyGoal.accept(now);
            }
        });
        showLatencyGoal.accept(vm.latencyProperty().get());
        Label msUnit = new Label("ms at");
        HBox latencyRow = new HBox(6, latencyMs, msUnit, latencyPct);
        latencyRow.setAlignment(Pos.CENTER_LEFT);
        box.getChildren().add(section("Latency (time to first token)", "An SLA term besides quality: that percentile of "
                + "time to first token (e.g. p95) must stay under L milliseconds, per SLA tier where a tier has an L of its "
                + "own. Off by default. The engine draws each served request's latency from its model's profile; the "
                + "latency tile and chart show p95 and how many windows keep L.",
                new VBox(4, latencyOn, latencyRow, tierLatency, latencyError)));

        configurePercentSlider(feedbackSlider, 0.25);
        feedbackSlider.valueProperty().bindBidirectional(vm.feedbackRateProperty());
        Label feedbackIgnored = new Label();
        feedbackIgnored.setId("feedback-ignored-note");
        feedbackIgnored.getStyleClass().addAll("notes", "control-note");
        feedbackIgnored.setWrapText(true);
        feedbackIgnored.setMinHeight(Region.USE_PREF_SIZE);
        feedbackIgnored.textProperty().bind(vm.feedbackNoteProperty());
        feedbackIgnored.visibleProperty().bind(vm.feedbackNoteProperty().isNotEmpty());
        feedbackIgnored.managedProperty().bind(feedbackIgnored.visibleProperty());
        box.getChildren().add(section("Feedback rate", "How often an unhappy user tells you (thumbs down, complaint). "
                + "Routers that learn online need this signal; 5% means 1 in 20 bad answers is reported.",
                new VBox(2, sliderWithValue(feedbackSlider, vm.feedbackRateProperty()), feedbackIgnored)));

        TextField volume = new TextField();
        volume.setText(Formats.count(vm.monthlyVolumeProperty().get()));
        volume.setOnAction(e -> commitVolume(volume));
        volume.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commitVolume(volume);
            }
        });
        vm.monthlyVolumeProperty().addListener((o, was, now) -> volume.setText(Formats.count(now.longValue())));
        box.getChildren().add(section("Monthly volume", "Requests in the first month. Type 250K, 2M or 1,500,000.", volume));

        Spinner<Double> growth = new Spinner<>(-50.0, 200.0, vm.monthlyGrowthProperty().get() * 100, 1.0);
        growth.setEditable(true);
        growth.valueProperty().addListener((o, was, now) -> vm.monthlyGrowthProperty().set(now / 100));
        Spinner<Integer> horizon = new Spinner<>(1, 36, vm.horizonMonthsProperty().get());
        horizon.setEditable(true);
        horizon.valueProperty().addListener((o, was, now) -> vm.horizonMonthsProperty().set(now));
        vm.horizonMonthsProperty().addListener((o, was, now) -> horizon.getValueFactory().setValue(now.intValue()));
        GridPane gh = new GridPane();
        gh.setHgap(8);
        gh.addRow(0, new Label("Growth % / month"), new Label("Horizon (months)"));
        gh.addRow(1, growth, horizon);
        box.getChildren().add(section("Growth and horizon", "Growth: how much the volume grows each month (3 = +3% a month). "
                + "Horizon: how many months to plan.", gh));

        ComboBox<String> sheet = new ComboBox<>(vm.priceSheets());
        sheet.setId("price-sheet-box");
        sheet.valueProperty().bindBidirectional(vm.priceSheetProperty());
        sheet.setMaxWidth(Double.MAX_VALUE);
        box.getChildren().add(section("Price sheet", "Which prices to apply. Sheets are dated; compare two on the Data screen.", sheet));

        box.getChildren().add(buildTimeline());

        Spinner<Integer> reps = new Spinner<>(1, 100, vm.replicationsProperty().get());
        reps.setEditable(true);
        reps.valueProperty().addListener((o, was, now) -> vm.replicationsProperty().set(now));
        box.getChildren().add(section("Replications", "How many times the year is re-drawn at random. More replications "
                + "make the P10-P90 band and the breach probability more reliable, and take longer.", reps));

        TitledPane advanced = new TitledPane("Advanced: router parameters", advancedBox);
        advanced.setExpanded(false);
        vm.routerProperty().addListener((o, was, now) -> buildAdvanced(now));
        buildAdvanced(vm.routerProperty().get());
        box.getChildren().add(advanced);
        return box;
    }

    /** What-ifs on the timeline: price changes, a second sheet from its date, deprecations. */
    private Node buildTimeline() {
        VBox box = new VBox(6);
        box.setId("timeline-controls");
        javafx.scene.control.CheckBox deprecations = new javafx.scene.control.CheckBox("Models leave at their deprecation date");
        deprecations.setId("timeline-deprecations");
        deprecations.setWrapText(true);
        ChartCardTooltips.install(deprecations, "A model whose catalog deprecation date falls inside the horizon leaves the pool "
                + "from that month; the routers re-plan without it.");
        ComboBox<String> sheetFrom = new ComboBox<>();
        sheetFrom.setId("timeline-sheet");
        sheetFrom.setMaxWidth(Double.MAX_VALUE);
        sheetFrom.setPromptText("none");
        Runnable refillSheets = () -> {
            java.util.List<String> items = new ArrayList<>();
            items.add("none");
            vm.priceSheets().stream().filter(x -> !ScenarioViewModel.RECORDED_COSTS.equals(x)).forEach(items::add);
            sheetFrom.getItems().setAll(items);
            String chosen = vm.timelineProperty().get().sheetFromEffectiveDate();
            sheetFrom.setValue(chosen == null ? "none" : chosen);
        };
        vm.priceSheets().addListener((ListChangeListener<String>) c -> refillSheets.run());
        refillSheets.run();
        TextField who = new TextField();
        who.setPromptText("provider or model, e.g. anthropic");
        Spinner<Integer> percent = new Spinner<>(-90, 300, -30, 5);
        percent.setEditable(true);
        percent.setPrefWidth(80);
        Spinner<Integer> month = new Spinner<>(1, 60, 4);
        month.setEditable(true);
        month.setPrefWidth(70);
        javafx.scene.control.Button add = new javafx.scene.control.Button("Add");
        add.setId("timeline-add");
        VBox changes = new VBox(2);
        Label listNote = new Label();
        listNote.getStyleClass().add("notes");
        listNote.setWrapText(true);
        Runnable showChanges = () -> {
            changes.getChildren().clear();
            Timeline t = vm.timelineProperty().get();
            deprecations.setSelected(t.deprecations());
            for (Timeline.PriceChange c : t.priceChanges()) {
                Label l = new Label(c.target() + " " + String.format(Locale.ROOT, "%+.0f%%", (c.factor() - 1) * 100) + " from month "
                        + c.fromMonth());
                javafx.scene.control.Button remove = new javafx.scene.control.Button("Remove");
                remove.getStyleClass().add("small");
                remove.setOnAction(e -> {
                    java.util.List<Timeline.PriceChange> next = new ArrayList<>(vm.timelineProperty().get().priceChanges());
                    next.remove(c);
                    Timeline now = vm.timelineProperty().get();
                    vm.timelineProperty().set(new Timeline(next, now.sheetFromEffectiveDate(), now.deprecations()));
                });
                HBox row = new HBox(6, l, remove);
                row.setAlignment(Pos.CENTER_LEFT);
                changes.getChildren().add(row);
            }
            listNote.setText(t.isEmpty() ? "" : "The recommendation, Negotiate and the budget include these; the month-by-month "
                    + "run below does not (the spend chart marks them).");
        };
        vm.timelineProperty().addListener((o, was, now) -> showChanges.run());
        showChanges.run();
        deprecations.selectedProperty().addListener((o, was, now) -> {
            Timeline t = vm.timelineProperty().get();
            if (t.deprecations() != now) {
                vm.timelineProperty().set(new Timeline(t.priceChanges(), t.sheetFromEffectiveDate(), now));
            }
        });
        sheetFrom.valueProperty().addListener((o, was, now) -> {
            Timeline t = vm.timelineProperty().get();
            String label = now == null || now.equals("none") ? null : now;
            if (!java.util.Objects.equals(label, t.sheetFromEffectiveDate())) {
                vm.timelineProperty().set(new Timeline(t.priceChanges(), label, t.deprecations()));
            }
        });
        add.setOnAction(e -> {
            try {
                Timeline t = vm.timelineProperty().get();
                java.util.List<Timeline.PriceChange> next = new ArrayList<>(t.priceChanges());
                next.add(new Timeline.PriceChange(who.getText().strip(), 1 + percent.getValue() / 100.0, month.getValue()));
                vm.timelineProperty().set(new Timeline(next, t.sheetFromEffectiveDate(), t.deprecations()));
                who.clear();
            } catch (IllegalArgumentException ex) {
                runner.say(ex.getMessage());
            }
        });
        GridPane change = new GridPane();
        change.setHgap(6);
        change.setVgap(3);
        change.addRow(0, new Label("Price change"), who);
        change.addRow(1, new Label("by %"), percent);
        change.addRow(2, new Label("from month"), new HBox(6, month, add));
        GridPane.setHgrow(who, Priority.ALWAYS);
        box.getChildren().addAll(deprecations, new Label("Second price sheet from its effective date"), sheetFrom, change,
                changes, listNote);
        TitledPane pane = new TitledPane("Timeline what-ifs", box);
        pane.setExpanded(false);
        ChartCardTooltips.install(pane, "Changes from a given month: a provider's price change, a second price sheet from its "
                + "effective date, models leaving at their deprecation date. The planner's answers include them.");
        return pane;
    }

    /**
     * Marks timeline events on the spend chart (the planner's events, with the months they start) and,
     * when there are any, draws the recommended plan's monthly spend with them as a line of its own.
     */
    public void showTimeline(List<Marker> events, String planName, List<Double> planMonthSpend) {
        results.showTimeline(events, planName, planMonthSpend);
    }

    /** A timeline event as the spend chart marks it. */
    public record Marker(int fromMonth, String description) {
    }

    /** A latency target as the field shows it: whole milliseconds, no grouping (the field reads it back). */
    private static String msText(double ms) {
        return ms == Math.rint(ms) ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%s", ms);
    }

    /** One row per tier: "own target" and its value; unticked, the tier is held to the scenario's target. */
    private void buildTierTargets(VBox box) {
        box.getChildren().clear();
        for (String tier : vm.tiers()) {
            javafx.scene.control.CheckBox own = new javafx.scene.control.CheckBox(tier);
            own.setMinWidth(90);
            Spinner<Double> value = new Spinner<>(50.0, 99.5, Math.round(vm.targetProperty().get() * 1000) / 10.0, 0.5);
            value.setEditable(true);
            value.setPrefWidth(90);
            Double current = vm.tierTargets().get(tier);
            own.setSelected(current != null);
            if (current != null) {
                value.getValueFactory().setValue(current * 100);
            }
            value.disableProperty().bind(own.selectedProperty().not());
            Runnable push = () -> {
                try {
                    vm.setTierTarget(tier, own.isSelected() ? value.getValue() / 100 : Double.NaN);
                } catch (IllegalArgumentException e) {
                    runner.say(e.getMessage());
                }
            };
            own.selectedProperty().addListener((o, was, now) -> push.run());
            value.valueProperty().addListener((o, was, now) -> {
                if (own.isSelected()) {
                    push.run();
                }
            });
            Label unit = new Label("%");
            HBox row = new HBox(6, own, value, unit);
            row.setAlignment(Pos.CENTER_LEFT);
            ChartCardTooltips.install(own, "Tick to hold the " + tier + " tier to a target of its own; unticked it follows "
                    + "the SLA target above.");
            box.getChildren().add(row);
        }
    }

    private boolean syncingPool;

    private void syncPool() {
        syncingPool = true;
        try {
            poolList.getCheckModel().clearChecks();
            for (String m : vm.pool()) {
                poolList.getCheckModel().check(m);
            }
        } finally {
            syncingPool = false;
        }
    }

    private void commitVolume(TextField field) {
        try {
            long v = Formats.parseCount(field.getText());
            if (v < 1) {
                throw new NumberFormatException();
            }
            field.getStyleClass().remove("invalid");
            vm.monthlyVolumeProperty().set(v);
        } catch (NumberFormatException e) {
            if (!field.getStyleClass().contains("invalid")) {
                field.getStyleClass().add("invalid");
            }
            runner.say("Monthly volume '" + field.getText() + "' is not a number; try 250K, 2M or 1,500,000");
        }
    }

    private void showRouter(RouterChoice r) {
        routerDescription.setText(r == null ? "" : r.description());
        reconstructedBadge.setVisible(r != null && r.reconstructed());
        reconstructedBadge.setManaged(reconstructedBadge.isVisible());
        boundBadge.setVisible(r != null && r.bound());
        boundBadge.setManaged(boundBadge.isVisible());
        if (r != null) {
            ChartCardTooltips.install(reconstructedBadge, "Rebuilt from the paper without its full text or code: "
                    + r.provenance() + ". Treat its figures as an informed estimate of the published method.");
            ChartCardTooltips.install(boundBadge, "Reads the hidden truth to show the best any router could do. "
                    + "A lower bound on cost, never something to deploy.");
        }
    }

    private void buildAdvanced(RouterChoice r) {
        advancedBox.getChildren().clear();
        if (r == null || r.parameters().isEmpty()) {
            advancedBox.getChildren().add(new Label("This router has no parameters."));
        } else {
            for (RouterChoice.Parameter p : r.parameters()) {
                advancedBox.getChildren().add(parameterControl(p));
            }
        }
        TextField seed = new TextField(Long.toString(vm.seedProperty().get()));
        seed.setOnAction(e -> {
            try {
                vm.seedProperty().set(Long.parseLong(seed.getText().strip()));
            } catch (NumberFormatException ex) {
                runner.say("Seed must be a whole number");
            }
        });
        advancedBox.getChildren().add(section("Seed", "The random seed: the same settings and seed always give the "
                + "same numbers. Change it to see another draw. Press Enter to apply.", seed));
    }

    private Node parameterControl(RouterChoice.Parameter p) {
        String current = vm.routerParameters().getOrDefault(p.key(), p.defaultText());
        if (p.isChoice()) {
            ComboBox<String> box = new ComboBox<>();
            box.getItems().setAll(p.choices());
            box.setValue(current);
            box.valueProperty().addListener((o, was, now) -> vm.setParameter(p.key(), now));
            return section(p.label(), p.help(), box);
        }
        boolean log = p.logScale() && p.min() > 0;
        Slider s = new Slider(log ? Math.log10(p.min()) : p.min(), log ? Math.log10(p.max()) : p.max(),
                log ? Math.log10(Double.parseDouble(current)) : Double.parseDouble(current));
        Label value = new Label(fmt(Double.parseDouble(current)));
        value.setMinWidth(60);
        s.valueProperty().addListener((o, was, now) -> {
            double v = log ? Math.pow(10, now.doubleValue()) : now.doubleValue();
            value.setText(fmt(v));
            if (!s.isValueChanging()) {
                vm.setParameter(p.key(), Double.toString(v));
            }
        });
        s.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                double v = log ? Math.pow(10, s.getValue()) : s.getValue();
                vm.setParameter(p.key(), Double.toString(v));
            }
        });
        HBox row = new HBox(6, s, value);
        HBox.setHgrow(s, Priority.ALWAYS);
        // the engine's key (e.g. dualStep) is for the command line: the tooltip names it, the label does not
        return section(p.label(), p.help() + " (Command-line name: " + p.key() + ".)", row);
    }

    private static String fmt(double v) {
        if (v != 0 && (Math.abs(v) < 0.01 || Math.abs(v) >= 10000)) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static void configurePercentSlider(Slider s, double major) {
        s.setShowTickMarks(true);
        s.setShowTickLabels(true);
        s.setMajorTickUnit(major);
        s.setMinorTickCount(4);
        s.setBlockIncrement(0.01);
        s.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double d) {
                return Math.round(d * 100) + "%";
            }

            @Override
            public Double fromString(String t) {
                return Double.parseDouble(t.replace("%", "")) / 100;
            }
        });
    }

    private static Node sliderWithValue(Slider s, javafx.beans.property.DoubleProperty p) {
        Label value = new Label();
        value.getStyleClass().add("slider-value");
        value.textProperty().bind(Bindings.createStringBinding(() -> Formats.percent(p.get()), p));
        value.setMinWidth(52);
        HBox row = new HBox(6, s, value);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(s, Priority.ALWAYS);
        return row;
    }

    static VBox section(String title, String explanation, Node control) {
        Label label = new Label(title);
        label.getStyleClass().add("control-label");
        ChartCardTooltips.install(label, explanation);
        if (control instanceof javafx.scene.control.Control c && !ChartCardTooltips.has(c)) {
            ChartCardTooltips.install(c, explanation);
        }
        VBox v = new VBox(3, label, control);
        return v;
    }

    /** The chart cards on the screen (for the app's export of every chart's table). */
    public List<ChartCard> cards() {
        return results.cards();
    }

    /** Puts the planner's answers (recommendation, budget) first on the screen, above the tiles. */
    public void addLead(Node... nodes) {
        results.addLead(nodes);
    }
}
