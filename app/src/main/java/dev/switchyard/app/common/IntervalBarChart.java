package dev.switchyard.app.common;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.chart.Axis;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Line;

/**
 * A bar chart whose bars may carry an interval: a {@code double[] {low, high}} as the data item's
 * extra value is drawn as a whisker over the bar (e.g. the 90% interval of a marginal cost).
 */
public class IntervalBarChart extends BarChart<String, Number> {
    private final List<Line> whiskers = new ArrayList<>();

    public IntervalBarChart(Axis<String> x, Axis<Number> y) {
        super(x, y);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        getPlotChildren().removeAll(whiskers);
        whiskers.clear();
        for (XYChart.Series<String, Number> s : getData()) {
            for (XYChart.Data<String, Number> d : s.getData()) {
                if (!(d.getExtraValue() instanceof double[] iv) || iv.length < 2 || d.getNode() == null
                        || !Double.isFinite(iv[0]) || !Double.isFinite(iv[1])) {
                    continue;
                }
                var b = d.getNode().getBoundsInParent();
                double x = b.getMinX() + b.getWidth() / 2;
                double y0 = getYAxis().getDisplayPosition(iv[0]);
                double y1 = getYAxis().getDisplayPosition(iv[1]);
                double cap = Math.max(2, Math.min(6, b.getWidth() / 3));
                for (Line l : List.of(new Line(x, y0, x, y1), new Line(x - cap, y0, x + cap, y0), new Line(x - cap, y1, x + cap, y1))) {
                    l.getStyleClass().add("interval-whisker");
                    l.setManaged(false);
                    whiskers.add(l);
                }
            }
        }
        getPlotChildren().addAll(whiskers);
    }
}
