package dev.switchyard.app.negotiate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.controlsfx.control.CheckComboBox;

import dev.switchyard.app.common.ChartCard;
import dev.switchyard.app.common.ChartCardTooltips;
import dev.switchyard.app.common.Charts;
import dev.switchyard.app.common.Formats;
import dev.switchyard.app.common.HeatMapGrid;
import dev.switchyard.app.common.TaskRunner;
import dev.switchyard.app.scenario.RouterChoice;

/** The negotiate screen: what each extra point of SLA costs, per router. */
public final class NegotiateView extends ScrollPane {
    private final NegotiateViewModel vm;
    final LineChart<Number, Number> monthlyChart = new LineChart<>(Charts.percentAxis("SLA target", 0.8, 0.96),
            logUsdAxis("Spend per month (log scale)"));
    final LineChart<Number, Number> per1kChart = new LineChart<>(Charts.percentAxis("SLA target", 0.8, 0.96),
            logUsdAxis("Cost per 1,000 requests (log scale)"));
    final LineChart<Number, Number> breachChart = new LineChart<>(Charts.percentAxis("SLA target", 0.8, 0.96),
            Charts.percentAxis("Share of windows breached", 0, 1));
    final BarChart<String, Number> marginalChart = new dev.switchyard.app.common.IntervalBarChart(new CategoryAxis(),
            Charts.usdAxis("USD a month per extra point"));
    final HeatMapGrid grid = new HeatMapGrid();
    final LineChart<Number, Number> tierChart = new LineChart<>(Charts.percentAxis("SLA target", 0.7, 0.9),
            Charts.percentAxis("Tier satisfaction", 0.7, 1.0));
    final Button analyse = new Button("Analyse");
    /** The quality x latency grid: monthly cost of the cheapest router keeping both terms, per (target, L). */
    final HeatMapGrid latencyGrid = new HeatMapGrid();
    final Button computeLatency = new Button("Compute");
    private final Label rangeLabel = new Label();
    private final List<ChartCard> cards = new ArrayList<>();

    public NegotiateView(NegotiateViewModel vm, TaskRunner runner) {
        this.vm = vm;
        getStyleClass().add("negotiate-view");
        setFitToWidth(true);

        CheckComboBox<RouterChoice> routers = new CheckComboBox<>(vm.availableRouters());
        for (RouterChoice r : vm.availableRouters()) {
            if (vm.chosenRouters().contains(r.name())) {
                routers.getCheckModel().check(r);
            }
        }
        routers.getCheckModel().getCheckedItems().addListener((ListChangeListener<RouterChoice>) c ->
                vm.chosenRouters().setAll(routers.getCheckModel().getCheckedItems().stream().map(RouterChoice::name).toList()));
        ChartCardTooltips.install(routers, "The routers to compare. Each is run at every target on the axis.");
        analyse.setDefaultButton(true);
        analyse.setOnAction(e -> vm.analyse());
        analyse.disableProperty().bind(vm.runningProperty());
        ChartCardTooltips.install(analyse, "Run every chosen router at every SLA target, and the feedback-rate x target grid "
                + "(Ctrl+Shift+A). Uses the Scenario screen's volume, horizon, pool and prices.");
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.runningProperty().not());
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        status.getStyleClass().add("notes");
        Label routersLabel = new Label("Routers");
        for (javafx.scene.control.Control c : List.of(routersLabel, analyse, cancel)) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        routers.setPrefWidth(420);
        rangeLabel.setId("negotiate-range");
        rangeLabel.getStyleClass().add("notes");
        rangeLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ChartCardTooltips.install(rangeLabel, "The SLA targets analysed: from 5 points below the Scenario screen's target up "
                + "to the highest any deployable router reaches (the ceiling), always with 95% and 99% (past the ceiling "
                + "no router keeps them, and the charts show no price there) and every tier's own target.");
        vm.targets().addListener((ListChangeListener<Double>) c -> showRange());
        showRange();
        HBox bar = new HBox(8, routersLabel, routers, analyse, cancel, rangeLabel);
        bar.setAlignment(Pos.CENTER_LEFT);

        // on a log axis the zero line sits at $1 and reads as a threshold
        monthlyChart.setHorizontalZeroLineVisible(false);
        per1kChart.setHorizontalZeroLineVisible(false);
        for (var c : List.of(monthlyChart, per1kChart, breachChart)) {
            c.setAnimated(false);
            c.setLegendSide(javafx.geometry.Side.BOTTOM);
        }
        marginalChart.setAnimated(false);
        marginalChart.setLegendSide(javafx.geometry.Side.BOTTOM);
        ((CategoryAxis) marginalChart.getXAxis()).setTickLabelRotation(0);
        ChartCard monthly = card("Spend per month vs SLA target", "What a month costs at each SLA target, one line per "
                + "router, on a log scale so a dear router does not flatten the others. The dashed line is the theoretical "
                + "floor: an oracle that reads the hidden truth, the least any router could spend; never deployable.",
                monthlyChart, runner, () -> vm.resultProperty().get() == null ? null : vm.resultProperty().get().curveTable());
        ChartCard per1k = card("Cost per 1,000 requests vs SLA target", "The same, per 1,000 requests: the number to quote in a contract.",
                per1kChart, runner, () -> vm.resultProperty().get() == null ? null : vm.resultProperty().get().curveTable());
        ChartCard breach = card("Probability of a breached contract window", "How often a contract window (the "
                + "Scenario screen's SLA window: day, week, month) would fall below the target you promise. Bounds (theoretical floors) are not shown: they are not routers one could deploy.",
                breachChart, runner, () -> vm.resultProperty().get() == null ? null : vm.resultProperty().get().curveTable());
        ChartCard marginal = card("Marginal cost of each extra SLA point", "Extra spend per month for each additional "
                + "percentage point of SLA, from the previous target the router keeps up to the one named. From paired runs "
                + "(same requests, same truth), so the difference is the target's doing, not chance; the whisker is its "
                + "90% interval.", marginalChart, runner,
                () -> vm.resultProperty().get() == null ? null : vm.resultProperty().get().marginalTable());
        ChartCard gridCard = card("Compliance: feedback rate x target", "For the Scenario screen's router: the probability "
                + "that a month meets the target (columns), for each share of bad answers users report (rows: the feedback "
                + "rate). Green is safe. Routers that do not learn from feedback give the same row every time.", grid, runner,
                () -> vm.resultProperty().get() == null ? null : vm.resultProperty().get().gridTable());
        tierChart.setAnimated(false);
        tierChart.setLegendSide(javafx.geometry.Side.BOTTOM);
        ChartCard tierCard = card("Per SLA tier: satisfaction vs target", "For the Scenario screen's router: how satisfied "
                + "each SLA tier (gold, silver, bronze) is at each target. Points under the dashed target line are tiers "
                + "that breach even when the traffic as a whole meets the target.", tierChart, runner,
                () -> vm.resultProperty().get() == null ? null : vm.resultProperty().get().tierTable());
        javafx.scene.control.TextField latencyField = new javafx.scene.control.TextField();
        latencyField.setPromptText(String.join(", ", vm.latencyTargets().stream().map(l -> String.format(Locale.ROOT, "%.0f", l)).toList()));
        latencyField.setPrefColumnCount(18);
        vm.latencyTargets().addListener((ListChangeListener<Double>) c -> latencyField.setPromptText(String.join(", ",
                vm.latencyTargets().stream().map(l -> String.format(Locale.ROOT, "%.0f", l)).toList())));
        latencyField.setId("negotiate-latency-targets");
        ChartCardTooltips.install(latencyField, "The latency targets of the rows, in ms of time to first token (e.g. 1000, "
                + "1500, 2 s). Empty: around the Scenario screen's latency target, or 1 to 5 seconds without one.");
        Label latencyError = new Label();
        latencyError.getStyleClass().add("error");
        latencyField.setOnAction(e -> latencyError.setText(vm.setLatencyTargets(latencyField.getText())));
        latencyField.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                latencyError.setText(vm.setLatencyTargets(latencyField.getText()));
            }
        });
        computeLatency.setId("negotiate-latency-compute");
        computeLatency.setOnAction(e -> {
            latencyError.setText(vm.setLatencyTargets(latencyField.getText()));
            if (latencyError.getText().isEmpty()) {
                vm.analyseLatencyGrid();
            }
        });
        computeLatency.disableProperty().bind(vm.latencyRunningProperty());
        ChartCardTooltips.install(computeLatency, "Runs one analysis per latency target (every chosen router told that "
                + "target), in the background; rows fill in as each is done.");
        Button cancelLatency = new Button("Cancel");
        cancelLatency.setOnAction(e -> vm.cancelLatencyGrid());
        cancelLatency.disableProperty().bind(vm.latencyRunningProperty().not());
        Label latencyStatus = new Label();
        latencyStatus.textProperty().bind(vm.latencyStatusProperty());
        latencyStatus.setWrapText(true);
        latencyStatus.getStyleClass().add("notes");
        // whose L the rows set: the default (every tier without its own) or one tier's, the others held as set
        javafx.scene.control.ComboBox<String> rowTier = new javafx.scene.control.ComboBox<>(vm.latencyRowTiers());
        rowTier.setId("negotiate-latency-tier");
        rowTier.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String t) {
                return NegotiateViewModel.rowTierLabel(t);
            }

            @Override
            public String fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        rowTier.setValue(vm.latencyRowTierProperty().get());
        vm.latencyRowTierProperty().addListener((o, was, now) -> rowTier.setValue(now));
        rowTier.valueProperty().addListener((o, was, now) -> {
            if (now != null && !now.equals(vm.latencyRowTierProperty().get())) {
                vm.setLatencyRowTier(now);
            }
        });
        ChartCardTooltips.install(rowTier, "Whose latency target the rows move: one SLA tier's (the other tiers keep the "
                + "targets set on the Scenario screen), or the default one, which holds every tier without a target of its "
                + "own. With per-tier targets it starts on the tier with the tightest one.");
        Label rowsSay = new Label();
        rowsSay.setId("negotiate-latency-rows");
        rowsSay.getStyleClass().add("notes");
        vm.latencyGridProperty().addListener((o, was, now) -> rowsSay.setText(now == null || now.rows().isEmpty() ? ""
                : "Rows: " + now.rows() + "."));
        HBox latencyBar = new HBox(6, new Label("Rows move the latency target of"), rowTier, new Label("Latency targets (ms)"),
                latencyField, computeLatency, cancelLatency, latencyError);
        latencyBar.setAlignment(Pos.CENTER_LEFT);
        VBox latencyBox = new VBox(6, latencyBar, rowsSay, latencyGrid, latencyStatus);
        ChartCard latencyCard = card("Monthly cost: SLA target x latency target", "What a month costs when the contract "
                + "names a latency as well as a satisfaction level: each cell is the monthly spend of the cheapest chosen "
                + "router that keeps both, the SLA target (columns) and 'the percentile of time to first token at most L' "
                + "(rows), in every contract window with the accepted chance of a breach. Grey cells: no router keeps that "
                + "pair. Colours on a log scale, green is cheaper.", latencyBox, runner,
                () -> vm.latencyGridProperty().get() == null ? null : NegotiateViewModel.latencyTable(vm.latencyGridProperty().get()));
        latencyCard.setEmptyMessage("");
        vm.latencyGridProperty().addListener((o, was, now) -> showLatency(now));
        showLatency(null);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setPercentWidth(50);
        ColumnConstraints c2 = new ColumnConstraints();
        c2.setPercentWidth(50);
        g.getColumnConstraints().addAll(c1, c2);
        g.add(monthly, 0, 0);
        g.add(per1k, 1, 0);
        g.add(breach, 0, 1);
        g.add(marginal, 1, 1);
        g.add(gridCard, 0, 2);
        g.add(tierCard, 1, 2);
        for (ChartCard c : cards) {
            c.setPrefHeight(330);
        }
        g.add(latencyCard, 0, 3, 2, 1);
        VBox box = new VBox(8, bar, status, g);
        box.setPadding(new Insets(8));
        setContent(box);
        vm.resultProperty().addListener((o, was, now) -> show(now));
    }

    /** The quality x latency grid as far as it is known: spend per (L, target), "not met" where no router keeps it. */
    private void showLatency(dev.switchyard.app.plan.PlanningEngine.LatencyCells g) {
        if (g == null) {
            latencyGrid.getChildren().clear();
            latencyGrid.getColumnConstraints().clear();
            return;
        }
        List<String> rows = new ArrayList<>();
        for (double l : g.latenciesMs()) {
            rows.add((g.tier().isEmpty() ? "" : g.tier() + " ") + String.format(Locale.ROOT, "p%.0f ≤ %s", 100 * g.percentile(), l >= 1000 && l % 100 == 0
                    ? String.format(Locale.ROOT, "%.1f s", l / 1000) : String.format(Locale.ROOT, "%,.0f ms", l)));
        }
        List<String> cols = g.targets().stream().map(NegotiateView::pct).toList();
        double[][] v = new double[rows.size()][cols.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < cols.size(); c++) {
                double l = g.latenciesMs().get(r);
                double t = g.targets().get(c);
                v[r][c] = g.cell(t, l).filter(dev.switchyard.app.plan.PlanningEngine.LatencyCell::met)
                        .map(dev.switchyard.app.plan.PlanningEngine.LatencyCell::monthlySpend).orElse(Double.NaN);
            }
        }
        latencyGrid.showLog(rows, cols, v, Formats::usd, false, x -> Formats.usd(x) + " a month");
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < cols.size(); c++) {
                double l = g.latenciesMs().get(r);
                double t = g.targets().get(c);
                int rr = r;
                int cc = c;
                g.cell(t, l).ifPresentOrElse(cell -> {
                    if (!cell.met()) {
                        latencyGrid.markBlank(rr, cc, "not met", "No chosen router keeps " + pct(t) + " and "
                                + rows.get(rr) + ". Closest: " + cell.router() + ", which " + cell.reason() + ".");
                    }
                }, () -> latencyGrid.markBlank(rr, cc, g.partial() ? "…" : "", "still computing"));
            }
        }
        for (javafx.scene.Node n : latencyGrid.getChildren()) {
            Integer r = GridPane.getRowIndex(n);
            Integer c = GridPane.getColumnIndex(n);
            if (n instanceof Label lab && r != null && c != null && r > 0 && c > 0) {
                g.cell(g.targets().get(c - 1), g.latenciesMs().get(r - 1)).filter(x -> x.met())
                        .ifPresent(x -> ChartCardTooltips.install(lab, x.router() + " keeps " + pct(x.target()) + " and "
                                + rows.get(r - 1) + " for " + Formats.usd(x.monthlySpend()) + " a month"
                                + (x.toldTighter() ? String.format(Locale.ROOT, ", configured for %,.0f ms: that keeps this looser "
                                + "target too, for less than the router configured for it", x.routerLatencyMs()) : "")));
                lab.setMinHeight(26);
            }
        }
    }

    private ChartCard card(String title, String explanation, Node chart, TaskRunner runner,
                           java.util.function.Supplier<dev.switchyard.app.common.DataTable> table) {
        ChartCard c = new ChartCard(title, explanation, chart, () -> {
            var t = table.get();
            return t == null ? dev.switchyard.app.common.DataTable.empty(title) : t;
        }, runner);
        c.setEmptyMessage("Press Analyse to sweep the SLA target.");
        cards.add(c);
        return c;
    }

    private void showRange() {
        List<Double> t = vm.targets();
        rangeLabel.setText(t.isEmpty() ? "" : "Targets " + pct(t.get(0)) + "–" + pct(t.get(t.size() - 1)) + " ("
                + t.size() + " points)");
    }

    /** Spend on a log10 scale (ticks every doubling, labelled in dollars): one dear router cannot flatten the rest. */
    static javafx.scene.chart.NumberAxis logUsdAxis(String label) {
        javafx.scene.chart.NumberAxis a = Charts.axis(label);
        a.setAutoRanging(false);
        a.setMinorTickVisible(false);
        // $1 to $1K until the first curve lands (the default 0..100 would read as 10^100 dollars)
        a.setLowerBound(0);
        a.setUpperBound(3);
        a.setTickUnit(1);
        a.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return Formats.usd(Math.pow(10, n.doubleValue()));
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        return a;
    }

    /** Bounds the log axis to the plotted values, ticks at doublings from a power of ten. */
    static void fitLog(javafx.scene.chart.NumberAxis axis, List<Double> values) {
        double lo = values.stream().filter(v -> v > 0).mapToDouble(Math::log10).min().orElse(0);
        double hi = values.stream().filter(v -> v > 0).mapToDouble(Math::log10).max().orElse(1);
        double step = Math.log10(2);
        double base = Math.floor(lo);
        double lower = base + Math.floor((lo - base) / step) * step;
        double upper = lower + Math.max(1, Math.ceil((hi - lower) / step + 1e-9)) * step;
        axis.setLowerBound(lower);
        axis.setUpperBound(upper);
        axis.setTickUnit(step);
    }

    private void show(NegotiationResult r) {
        if (r == null) {
            return;
        }
        cards.forEach(c -> c.setEmptyMessage(null));
        double lo = r.curve().stream().mapToDouble(NegotiationResult.Point::target).min().orElse(0.8);
        double hi = r.curve().stream().mapToDouble(NegotiationResult.Point::target).max().orElse(0.96);
        if (!vm.targets().isEmpty()) {
            lo = Math.min(lo, vm.targets().get(0));
            hi = Math.max(hi, vm.targets().get(vm.targets().size() - 1));
        }
        List<XYChart.Series<Number, Number>> monthly = new ArrayList<>();
        List<XYChart.Series<Number, Number>> per1k = new ArrayList<>();
        List<XYChart.Series<Number, Number>> breach = new ArrayList<>();
        List<Double> spends = new ArrayList<>();
        List<Double> per1ks = new ArrayList<>();
        List<String> order = new ArrayList<>(r.deployableRouters());
        order.addAll(r.bounds());
        for (String router : order) {
            List<NegotiationResult.Point> pts = r.curveOf(router);
            boolean bound = !pts.isEmpty() && pts.get(0).bound();
            String name = bound ? router + " (theoretical floor)" : router;
            XYChart.Series<Number, Number> m = new XYChart.Series<>();
            XYChart.Series<Number, Number> k = new XYChart.Series<>();
            XYChart.Series<Number, Number> b = new XYChart.Series<>();
            m.setName(name);
            k.setName(name);
            b.setName(name);
            for (NegotiationResult.Point p : pts) {
                // a target no setting of this router keeps has no price to show: the breach chart says how far it falls short
                if (p.monthlySpend() > 0 && (bound || p.meetsSla())) {
                    spends.add(p.monthlySpend());
                    m.getData().add(point(p.target(), Math.log10(p.monthlySpend()), name + " at " + Formats.percent(p.target())
                            + ": " + Formats.usd(p.monthlySpend()) + "/month" + (bound ? " (no router can spend less)"
                            : ", breach " + Formats.percent(p.breachProbability()))));
                }
                if (p.costPer1k() > 0 && (bound || p.meetsSla())) {
                    per1ks.add(p.costPer1k());
                    k.getData().add(point(p.target(), Math.log10(p.costPer1k()), name + " at " + Formats.percent(p.target())
                            + ": " + Formats.usd(p.costPer1k()) + " per 1K requests"));
                }
                if (!bound) {
                    b.getData().add(point(p.target(), p.breachProbability(), router + " at " + Formats.percent(p.target())
                            + ": a month breaches with probability " + Formats.percent(p.breachProbability())
                            + (p.meetsSla() ? "" : " (does not keep this target)")));
                }
            }
            monthly.add(m);
            per1k.add(k);
            if (!bound) {
                breach.add(b);
            }
        }
        for (LineChart<Number, Number> c : List.of(monthlyChart, per1kChart, breachChart, tierChart)) {
            var axis = (javafx.scene.chart.NumberAxis) c.getXAxis();
            axis.setLowerBound(lo);
            axis.setUpperBound(hi);
            axis.setTickUnit(hi - lo > 0.16 ? 0.02 : 0.01);
        }
        fitLog((javafx.scene.chart.NumberAxis) monthlyChart.getYAxis(), spends);
        fitLog((javafx.scene.chart.NumberAxis) per1kChart.getYAxis(), per1ks);
        monthlyChart.getData().setAll(monthly);
        per1kChart.getData().setAll(per1k);
        breachChart.getData().setAll(breach);
        markBounds(monthlyChart);
        markBounds(per1kChart);
        installTooltips(monthlyChart);
        installTooltips(per1kChart);
        installTooltips(breachChart);

        List<XYChart.Series<String, Number>> bars = new ArrayList<>();
        List<String> steps = r.marginals().stream().sorted(java.util.Comparator.comparingDouble(NegotiationResult.Marginal::toTarget))
                .map(m -> "to " + pct(m.toTarget())).distinct().toList();
        ((CategoryAxis) marginalChart.getXAxis()).getCategories().setAll(steps);
        for (String router : r.deployableRouters()) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(router);
            for (NegotiationResult.Marginal m : r.marginals()) {
                if (m.routerDisplayName().equals(router)) {
                    XYChart.Data<String, Number> d = new XYChart.Data<>("to " + pct(m.toTarget()), m.perPointPerMonth());
                    d.setExtraValue(new double[] {m.low(), m.high()});
                    s.getData().add(d);
                }
            }
            if (!s.getData().isEmpty()) {
                bars.add(s);
            }
        }
        marginalChart.getData().setAll(bars);
        for (var s : marginalChart.getData()) {
            for (var d : s.getData()) {
                if (d.getNode() != null && d.getExtraValue() instanceof double[] iv) {
                    ChartCardTooltips.install(d.getNode(), s.getName() + ", " + d.getXValue() + ": " + Formats.usd(d.getYValue()
                            .doubleValue()) + " a month per extra point (90% interval " + Formats.usd(iv[0]) + " to "
                            + Formats.usd(iv[1]) + ")");
                }
            }
        }
        if (bars.isEmpty()) {
            cards.get(3).setEmptyMessage(r.partial() ? "Filling in…" : "No router keeps two neighbouring targets: no marginal cost to show.");
        }

        List<XYChart.Series<Number, Number>> tierSeries = new ArrayList<>();
        double tierLow = 1;
        for (String tier : r.tierNames()) {
            XYChart.Series<Number, Number> ts = new XYChart.Series<>();
            ts.setName(tier);
            for (NegotiationResult.TierPoint tp : r.tiers()) {
                if (tp.tier().equals(tier)) {
                    tierLow = Math.min(tierLow, Math.min(tp.satisfaction(), tp.tierTarget()));
                    ts.getData().add(point(tp.target(), tp.satisfaction(), tier + " at a " + Formats.percent(tp.target())
                            + " contract: " + Formats.percent(tp.satisfaction()) + " satisfied (its target "
                            + Formats.percent(tp.tierTarget()) + ")" + (tp.meetsTarget() ? "" : ": below target")));
                }
            }
            tierSeries.add(ts);
        }
        if (!tierSeries.isEmpty()) {
            XYChart.Series<Number, Number> line = new XYChart.Series<>();
            line.setName("target");
            line.getData().add(new XYChart.Data<>(lo, lo));
            line.getData().add(new XYChart.Data<>(hi, hi));
            tierSeries.add(line);
            tierLow = Math.min(tierLow, lo);
        }
        var tierY = (javafx.scene.chart.NumberAxis) tierChart.getYAxis();
        tierY.setAutoRanging(false);
        tierY.setLowerBound(Math.max(0, Math.floor((tierLow - 0.01) * 50) / 50));
        tierY.setUpperBound(1.0);
        tierY.setTickUnit((1.0 - tierY.getLowerBound()) > 0.2 ? 0.05 : 0.02);
        tierChart.getData().setAll(tierSeries);
        if (!tierSeries.isEmpty() && tierSeries.get(tierSeries.size() - 1).getNode() != null) {
            tierSeries.get(tierSeries.size() - 1).getNode().getStyleClass().add("target-line");
        }
        installTooltips(tierChart);
        if (r.tiers().isEmpty()) {
            cards.get(cards.size() - 1).setEmptyMessage(r.partial() ? "Filling in…" : "The traffic sample has no SLA tiers.");
        }
        if (r.grid() == null) {
            grid.show(List.of(), List.of(), new double[0][0], v -> "", true, v -> "");
            cards.get(cards.size() - 2).setEmptyMessage("Filling in after the curves…");
        } else {
            List<String> rows = r.gridFeedbackRates().stream().map(q -> pct(q) + " of bad answers reported").toList();
            List<String> cols = r.gridTargets().stream().map(NegotiateView::pct).toList();
            grid.show(rows, cols, r.grid(), v -> Formats.percent(v), true, v -> "P(month meets target) = " + Formats.percent(v));
        }
        cards.forEach(ChartCard::refresh);
    }

    private static void markBounds(LineChart<Number, Number> chart) {
        for (var s : chart.getData()) {
            if (s.getName().endsWith("(theoretical floor)") && s.getNode() != null) {
                s.getNode().getStyleClass().add("floor-line");
            }
        }
    }

    private static XYChart.Data<Number, Number> point(double x, double y, String tip) {
        XYChart.Data<Number, Number> d = new XYChart.Data<>(x, y);
        d.setExtraValue(tip);
        return d;
    }

    private static void installTooltips(LineChart<Number, Number> chart) {
        for (var s : chart.getData()) {
            for (var d : s.getData()) {
                if (d.getNode() != null && d.getExtraValue() != null) {
                    ChartCardTooltips.install(d.getNode(), d.getExtraValue().toString());
                }
            }
        }
    }

    private static String pct(double v) {
        double p = v * 100;
        return Math.abs(p - Math.round(p)) < 1e-6 ? String.format(Locale.ROOT, "%.0f%%", p) : String.format(Locale.ROOT, "%.1f%%", p);
    }

    public List<ChartCard> cards() {
        return List.copyOf(cards);
    }

    /** Spend per month against the target, one line per router (robot tests read its points). */
    public LineChart<Number, Number> monthlyChart() {
        return monthlyChart;
    }
}
