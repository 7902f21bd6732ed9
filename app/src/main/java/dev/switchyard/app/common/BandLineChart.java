package dev.switchyard.app.common;

import javafx.collections.ObservableList;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;

/**
 * A line chart that shades the band between its first two series (e.g. P10 and P90) so the
 * spread across replications reads as one shape around the mean line.
 */
public class BandLineChart extends LineChart<Number, Number> {
    private final Path band = new Path();

    public BandLineChart(Axis<Number> x, Axis<Number> y) {
        super(x, y);
        band.getStyleClass().add("chart-band");
        band.setManaged(false);
        getPlotChildren().add(0, band);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        band.getElements().clear();
        ObservableList<Series<Number, Number>> data = getData();
        if (data == null || data.size() < 2) {
            return;
        }
        ObservableList<XYChart.Data<Number, Number>> low = data.get(0).getData();
        ObservableList<XYChart.Data<Number, Number>> high = data.get(1).getData();
        int n = Math.min(low.size(), high.size());
        if (n < 2) {
            return;
        }
        for (int i = 0; i < n; i++) {
            double px = getXAxis().getDisplayPosition(high.get(i).getXValue());
            double py = getYAxis().getDisplayPosition(high.get(i).getYValue());
            band.getElements().add(i == 0 ? new MoveTo(px, py) : new LineTo(px, py));
        }
        for (int i = n - 1; i >= 0; i--) {
            band.getElements().add(new LineTo(getXAxis().getDisplayPosition(low.get(i).getXValue()),
                    getYAxis().getDisplayPosition(low.get(i).getYValue())));
        }
        band.getElements().add(new ClosePath());
        band.toBack();
    }
}
