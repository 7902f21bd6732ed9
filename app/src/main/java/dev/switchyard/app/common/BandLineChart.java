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
    private final java.util.List<Marker> markers = new java.util.ArrayList<>();
    private final java.util.List<javafx.scene.Node> markerNodes = new java.util.ArrayList<>();

    /** A vertical mark at {@code x} (e.g. a price change from month 4), with a short label and a tooltip. */
    public record Marker(double x, String label, String description) {
    }

    /** Replaces the vertical marks (timeline events). */
    public void setMarkers(java.util.List<Marker> next) {
        markers.clear();
        markers.addAll(next);
        requestChartLayout();
    }

    public java.util.List<Marker> markers() {
        return java.util.List.copyOf(markers);
    }

    public BandLineChart(Axis<Number> x, Axis<Number> y) {
        super(x, y);
        band.getStyleClass().add("chart-band");
        band.setManaged(false);
        getPlotChildren().add(0, band);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        getPlotChildren().removeAll(markerNodes);
        markerNodes.clear();
        double top = getYAxis().getDisplayPosition(((javafx.scene.chart.ValueAxis<Number>) getYAxis()).getUpperBound());
        double bottom = getYAxis().getDisplayPosition(((javafx.scene.chart.ValueAxis<Number>) getYAxis()).getLowerBound());
        for (Marker m : markers) {
            double x = getXAxis().getDisplayPosition(m.x());
            javafx.scene.shape.Line line = new javafx.scene.shape.Line(x, top, x, bottom);
            line.getStyleClass().add("event-marker");
            javafx.scene.text.Text text = new javafx.scene.text.Text(x + 3, top + 12 + 12 * markerNodes.size() / 2.0, m.label());
            text.getStyleClass().add("event-marker-label");
            for (javafx.scene.Node n : java.util.List.<javafx.scene.Node>of(line, text)) {
                n.setManaged(false);
                ChartCardTooltips.install(n, m.description());
                markerNodes.add(n);
            }
        }
        getPlotChildren().addAll(markerNodes);
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
