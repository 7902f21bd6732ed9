package dev.switchyard.app.common;

import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

/** Small helpers shared by the chart screens. */
public final class Charts {
    private Charts() {
    }

    public static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis();
        a.setLabel(label);
        a.setForceZeroInRange(false);
        a.setAnimated(false);
        return a;
    }

    public static NumberAxis percentAxis(String label, double lower, double upper) {
        NumberAxis a = new NumberAxis(lower, upper, (upper - lower) / 5);
        a.setLabel(label);
        a.setAutoRanging(false);
        a.setAnimated(false);
        a.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return Math.round(n.doubleValue() * 1000) / 10.0 + "%";
            }

            @Override
            public Number fromString(String s) {
                return Double.parseDouble(s.replace("%", "")) / 100;
            }
        });
        return a;
    }

    public static NumberAxis usdAxis(String label) {
        NumberAxis a = axis(label);
        a.setForceZeroInRange(true);
        a.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return Formats.usd(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        return a;
    }

    public static NumberAxis countAxis(String label) {
        NumberAxis a = axis(label);
        a.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return Formats.count(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        return a;
    }

    /** A series from x/y arrays, drawn with at most {@code maxPoints} (LTTB), never truncated. */
    public static XYChart.Series<Number, Number> series(String name, double[] x, double[] y, int maxPoints) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        int[] keep = Downsample.lttb(x, y, maxPoints);
        var data = new java.util.ArrayList<XYChart.Data<Number, Number>>(keep.length);
        for (int i : keep) {
            data.add(new XYChart.Data<>(x[i], y[i]));
        }
        s.getData().setAll(data);
        return s;
    }

    /** The same x positions for companion series (band edges), so the band lines up with its mean. */
    public static XYChart.Series<Number, Number> seriesAt(String name, double[] x, double[] y, int[] keep) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        var data = new java.util.ArrayList<XYChart.Data<Number, Number>>(keep.length);
        for (int i : keep) {
            data.add(new XYChart.Data<>(x[i], y[i]));
        }
        s.getData().setAll(data);
        return s;
    }
}
