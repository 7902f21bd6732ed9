package dev.switchyard.app.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import dev.switchyard.app.common.ChartCard;
import dev.switchyard.app.common.Charts;
import dev.switchyard.app.common.DataTable;
import dev.switchyard.app.common.TaskRunner;
import dev.switchyard.app.scenario.ScenarioOutcome;
import dev.switchyard.app.scenario.ScenarioSettings;

/** Pinned scenarios side by side: a KPI table and overlaid charts. */
public final class CompareView extends ScrollPane {
    private final CompareViewModel vm;
    final TableView<List<String>> kpiTable = new TableView<>();
    final ListView<ScenarioOutcome> pinnedList = new ListView<>();
    final LineChart<Number, Number> spendChart = new LineChart<>(Charts.axis("Month"), Charts.usdAxis("Spend per month"));
    final LineChart<Number, Number> satisfactionChart = new LineChart<>(Charts.axis("Month"), Charts.percentAxis("Satisfaction", 0.7, 1.0));
    private final Label empty = new Label("Nothing pinned yet. On the Scenario screen press Pin (Ctrl+P) to keep the "
            + "current scenario here; pin a second one to compare them side by side.");

    public CompareView(CompareViewModel vm, TaskRunner runner, Consumer<ScenarioSettings> openInScenario) {
        this.vm = vm;
        getStyleClass().add("compare-view");
        VBox box = new VBox(8);
        box.setPadding(new Insets(8));
        setFitToWidth(true);
        setContent(box);
        kpiTable.setId("compare-kpis");
        spendChart.setId("compare-spend-chart");
        empty.getStyleClass().add("empty-state");
        empty.setWrapText(true);

        pinnedList.setItems(vm.pinned());
        pinnedList.setPrefHeight(110);
        pinnedList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ScenarioOutcome o, boolean isEmpty) {
                super.updateItem(o, isEmpty);
                setText(o == null || isEmpty ? null : "#" + (getIndex() + 1) + "  " + o.label());
            }
        });
        Button open = new Button("Open in Scenario");
        open.setOnAction(e -> {
            ScenarioOutcome o = pinnedList.getSelectionModel().getSelectedItem();
            if (o != null) {
                openInScenario.accept(o.settings());
            }
        });
        Button unpin = new Button("Unpin");
        unpin.setOnAction(e -> {
            ScenarioOutcome o = pinnedList.getSelectionModel().getSelectedItem();
            if (o != null) {
                vm.unpin(o);
            }
        });
        Button clear = new Button("Clear all");
        clear.setOnAction(e -> vm.clear());
        for (Button b : List.of(open, unpin)) {
            b.disableProperty().bind(pinnedList.getSelectionModel().selectedItemProperty().isNull());
        }
        VBox buttons = new VBox(6, open, unpin, clear);
        HBox top = new HBox(8, pinnedList, buttons);
        HBox.setHgrow(pinnedList, Priority.ALWAYS);

        kpiTable.setPlaceholder(new Label("Pin scenarios to compare their figures."));
        // each figure explains itself on hover, like the tiles it comes from
        kpiTable.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(List<String> row, boolean isEmpty) {
                super.updateItem(row, isEmpty);
                setTooltip(null);
                if (row != null && !isEmpty) {
                    CompareViewModel.KPIS.stream().filter(k -> k.name().equals(row.get(0))).findFirst()
                            .ifPresent(k -> setTooltip(ChartCard.wrap(k.explanation())));
                }
            }
        });
        kpiTable.setPrefHeight(14 * 30 + 40);
        kpiTable.setMinHeight(Region.USE_PREF_SIZE);
        ChartCard kpiCard = new ChartCard("Side by side", "Headline figures of each pinned scenario.", kpiTable,
                vm::kpiTable, runner);
        spendChart.setAnimated(false);
        satisfactionChart.setAnimated(false);
        spendChart.setCreateSymbols(false);
        satisfactionChart.setCreateSymbols(false);
        ChartCard spendCard = new ChartCard("Spend per month", "Mean spend per month of each pinned scenario.",
                spendChart, vm::spendTable, runner);
        ChartCard satCard = new ChartCard("Satisfaction per month", "Mean satisfaction per month of each pinned scenario; "
                + "compare it with each scenario's target in the table.", satisfactionChart, vm::satisfactionTable, runner);
        GridPane charts = new GridPane();
        charts.setHgap(8);
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setPercentWidth(50);
        ColumnConstraints c2 = new ColumnConstraints();
        c2.setPercentWidth(50);
        charts.getColumnConstraints().addAll(c1, c2);
        charts.add(spendCard, 0, 0);
        charts.add(satCard, 1, 0);
        VBox.setVgrow(charts, Priority.ALWAYS);
        spendCard.setPrefHeight(360);
        satCard.setPrefHeight(360);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        box.getChildren().addAll(empty, top, charts, kpiCard);
        vm.pinned().addListener((ListChangeListener<ScenarioOutcome>) c -> refresh());
        refresh();
    }

    private void refresh() {
        boolean none = vm.pinned().isEmpty();
        empty.setVisible(none);
        empty.setManaged(none);
        DataTable t = vm.kpiTable();
        kpiTable.getColumns().clear();
        for (int i = 0; i < t.headers().size(); i++) {
            final int col = i;
            TableColumn<List<String>, String> c = new TableColumn<>(t.headers().get(i));
            c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().get(col)));
            c.setPrefWidth(i == 0 ? 190 : 230);
            c.setSortable(false);
            kpiTable.getColumns().add(c);
        }
        kpiTable.getItems().setAll(t.rows());

        List<XYChart.Series<Number, Number>> spend = new ArrayList<>();
        List<XYChart.Series<Number, Number>> sat = new ArrayList<>();
        double minSat = 1;
        int maxMonths = 1;
        for (int i = 0; i < vm.pinned().size(); i++) {
            ScenarioOutcome o = vm.pinned().get(i);
            int n = o.months().size();
            maxMonths = Math.max(maxMonths, n);
            double[] x = new double[n];
            double[] s = new double[n];
            double[] q = new double[n];
            for (int m = 0; m < n; m++) {
                x[m] = o.months().get(m).month();
                s[m] = o.months().get(m).spendMean();
                q[m] = o.months().get(m).satisfactionMean();
                minSat = Math.min(minSat, Math.min(q[m], o.target()));
            }
            String name = "#" + (i + 1) + " " + o.label();
            spend.add(Charts.series(name, x, s, 400));
            sat.add(Charts.series(name, x, q, 400));
        }
        spendChart.getData().setAll(spend);
        satisfactionChart.getData().setAll(sat);
        var satAxis = (javafx.scene.chart.NumberAxis) satisfactionChart.getYAxis();
        satAxis.setLowerBound(Math.max(0, Math.floor((minSat - 0.02) * 20) / 20));
        satAxis.setTickUnit((1 - satAxis.getLowerBound()) / 5);
        for (var c : List.of(spendChart, satisfactionChart)) {
            var x = (javafx.scene.chart.NumberAxis) c.getXAxis();
            x.setAutoRanging(false);
            x.setLowerBound(1);
            x.setUpperBound(Math.max(2, maxMonths));
            x.setTickUnit(maxMonths <= 12 ? 1 : maxMonths <= 24 ? 2 : 6);
        }
    }
}
