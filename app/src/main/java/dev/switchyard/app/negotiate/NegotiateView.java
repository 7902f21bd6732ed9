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
            Charts.usdAxis("Spend per month"));
    final LineChart<Number, Number> per1kChart = new LineChart<>(Charts.percentAxis("SLA target", 0.8, 0.96),
            Charts.usdAxis("Cost per 1,000 requests"));
    final LineChart<Number, Number> breachChart = new LineChart<>(Charts.percentAxis("SLA target", 0.8, 0.96),
            Charts.percentAxis("P(breached month)", 0, 1));
    final BarChart<String, Number> marginalChart = new BarChart<>(new CategoryAxis(), Charts.usdAxis("USD / month per point"));
    final HeatMapGrid grid = new HeatMapGrid();
    final LineChart<Number, Number> tierChart = new LineChart<>(Charts.percentAxis("SLA target", 0.7, 0.9),
            Charts.usdAxis("Cost per 1,000 requests"));
    final Button analyse = new Button("Analyse");
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
        HBox bar = new HBox(8, routersLabel, routers, analyse, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);

        for (var c : List.of(monthlyChart, per1kChart, breachChart)) {
            c.setAnimated(false);
            c.setLegendSide(javafx.geometry.Side.BOTTOM);
        }
        marginalChart.setAnimated(false);
        marginalChart.setLegendSide(javafx.geometry.Side.BOTTOM);
        ((CategoryAxis) marginalChart.getXAxis()).setTickLabelRotation(0);
        ChartCard monthly = card("Spend per month vs SLA target", "What a month costs at each SLA target, one line per router.",
                monthlyChart, runner, () -> vm.resultProperty().get() == null ? null : vm.resultProperty().get().curveTable());
        ChartCard per1k = card("Cost per 1,000 requests vs SLA target", "The same, per 1,000 requests: the number to quote in a contract.",
                per1kChart, runner, () -> vm.resultProperty().get() == null ? null : vm.resultProperty().get().curveTable());
        ChartCard breach = card("Probability of a breached month", "How often a month would fall below the target you promise.",
                breachChart, runner, () -> vm.resultProperty().get() == null ? null : vm.resultProperty().get().curveTable());
        ChartCard marginal = card("Marginal cost of each extra SLA point", "Extra spend per month for each additional "
                + "percentage point of SLA, from the previous target on the axis up to the one named.", marginalChart, runner,
                () -> vm.resultProperty().get() == null ? null : vm.resultProperty().get().marginalTable());
        ChartCard gridCard = card("Compliance: feedback rate x target", "For the Scenario screen's router: the probability "
                + "that a month meets the target, for each feedback rate (rows) and target (columns). Green is safe.", grid, runner,
                () -> vm.resultProperty().get() == null ? null : vm.resultProperty().get().gridTable());
        tierChart.setAnimated(false);
        tierChart.setLegendSide(javafx.geometry.Side.BOTTOM);
        ChartCard tierCard = card("Per SLA tier: cost per 1,000 requests", "For the Scenario screen's router: what 1,000 "
                + "requests of each SLA tier (gold, silver, bronze) cost at each target, and (in the table) how satisfied "
                + "each tier is. Tiers with harder traffic cost more to keep at the same target.", tierChart, runner,
                () -> vm.resultProperty().get() == null ? null : vm.resultProperty().get().tierTable());
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
        VBox box = new VBox(8, bar, status, g);
        box.setPadding(new Insets(8));
        setContent(box);
        vm.resultProperty().addListener((o, was, now) -> show(now));
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

    private void show(NegotiationResult r) {
        if (r == null) {
            return;
        }
        cards.forEach(c -> c.setEmptyMessage(null));
        double lo = r.curve().stream().mapToDouble(NegotiationResult.Point::target).min().orElse(0.8);
        double hi = r.curve().stream().mapToDouble(NegotiationResult.Point::target).max().orElse(0.96);
        List<XYChart.Series<Number, Number>> monthly = new ArrayList<>();
        List<XYChart.Series<Number, Number>> per1k = new ArrayList<>();
        List<XYChart.Series<Number, Number>> breach = new ArrayList<>();
        for (String router : r.routers()) {
            XYChart.Series<Number, Number> m = new XYChart.Series<>();
            XYChart.Series<Number, Number> k = new XYChart.Series<>();
            XYChart.Series<Number, Number> b = new XYChart.Series<>();
            m.setName(router);
            k.setName(router);
            b.setName(router);
            for (NegotiationResult.Point p : r.curveOf(router)) {
                m.getData().add(point(p.target(), p.monthlySpend(), router + " at " + Formats.percent(p.target()) + ": "
                        + Formats.usd(p.monthlySpend()) + "/month, breach " + Formats.percent(p.breachProbability())));
                k.getData().add(point(p.target(), p.costPer1k(), router + " at " + Formats.percent(p.target()) + ": "
                        + Formats.usd(p.costPer1k()) + " per 1K requests"));
                b.getData().add(point(p.target(), p.breachProbability(), router + " at " + Formats.percent(p.target())
                        + ": a month breaches with probability " + Formats.percent(p.breachProbability())));
            }
            monthly.add(m);
            per1k.add(k);
            breach.add(b);
        }
        for (LineChart<Number, Number> c : List.of(monthlyChart, per1kChart, breachChart)) {
            var axis = (javafx.scene.chart.NumberAxis) c.getXAxis();
            axis.setLowerBound(lo);
            axis.setUpperBound(hi);
            axis.setTickUnit(0.02);
        }
        monthlyChart.getData().setAll(monthly);
        per1kChart.getData().setAll(per1k);
        breachChart.getData().setAll(breach);
        installTooltips(monthlyChart);
        installTooltips(per1kChart);
        installTooltips(breachChart);

        List<XYChart.Series<String, Number>> bars = new ArrayList<>();
        for (String router : r.routers()) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(router);
            for (NegotiationResult.Marginal m : r.marginals()) {
                if (m.routerDisplayName().equals(router)) {
                    s.getData().add(new XYChart.Data<>("to " + pct(m.toTarget()), m.perPointPerMonth()));
                }
            }
            bars.add(s);
        }
        marginalChart.getData().setAll(bars);

        List<XYChart.Series<Number, Number>> tierSeries = new ArrayList<>();
        for (String tier : r.tierNames()) {
            XYChart.Series<Number, Number> ts = new XYChart.Series<>();
            ts.setName(tier);
            for (NegotiationResult.TierPoint tp : r.tiers()) {
                if (tp.tier().equals(tier)) {
                    ts.getData().add(point(tp.target(), tp.costPer1k(), tier + " at " + Formats.percent(tp.target()) + ": "
                            + Formats.usd(tp.costPer1k()) + " per 1K, " + Formats.percent(tp.satisfaction()) + " satisfied"));
                }
            }
            tierSeries.add(ts);
        }
        tierChart.getData().setAll(tierSeries);
        installTooltips(tierChart);
        var tierAxis = (javafx.scene.chart.NumberAxis) tierChart.getXAxis();
        tierAxis.setLowerBound(lo);
        tierAxis.setUpperBound(hi);
        tierAxis.setTickUnit(0.02);
        if (r.tiers().isEmpty()) {
            cards.get(cards.size() - 1).setEmptyMessage("The traffic sample has no SLA tiers.");
        }
        List<String> rows = r.gridFeedbackRates().stream().map(q -> "q = " + pct(q)).toList();
        List<String> cols = r.gridTargets().stream().map(NegotiateView::pct).toList();
        grid.show(rows, cols, r.grid(), v -> Formats.percent(v), true, v -> "P(month meets target) = " + Formats.percent(v));
        cards.forEach(ChartCard::refresh);
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
        return String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    public List<ChartCard> cards() {
        return List.copyOf(cards);
    }
}
