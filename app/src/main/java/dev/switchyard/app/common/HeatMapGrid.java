package dev.switchyard.app.common;

import java.util.List;
import java.util.function.DoubleFunction;

import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;

/**
 * A labelled matrix of coloured cells (rows x columns), each showing its value. Used for the
 * model x category maps and the feedback-rate x target compliance grid. NaN cells are blank.
 */
public class HeatMapGrid extends GridPane {

    public HeatMapGrid() {
        getStyleClass().add("heat-map");
        setHgap(2);
        setVgap(2);
    }

    /** Like {@link #show}, colouring by log10 of the values (all must be > 0; others are blank). */
    public void showLog(List<String> rowNames, List<String> columnNames, double[][] values,
                        DoubleFunction<String> format, boolean higherIsBetter, DoubleFunction<String> tooltip) {
        double[][] logs = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            logs[r] = new double[values[r].length];
            for (int c = 0; c < values[r].length; c++) {
                logs[r][c] = values[r][c] > 0 ? Math.log10(values[r][c]) : Double.NaN;
            }
        }
        show(rowNames, columnNames, logs, v -> format.apply(Math.pow(10, v)), higherIsBetter,
                v -> tooltip.apply(Math.pow(10, v)));
    }

    /**
     * @param values values[row][column]
     * @param higherIsBetter picks the colour direction (green = good)
     */
    public void show(List<String> rowNames, List<String> columnNames, double[][] values,
                     DoubleFunction<String> format, boolean higherIsBetter, DoubleFunction<String> tooltip) {
        getChildren().clear();
        getColumnConstraints().clear();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        ColumnConstraints first = new ColumnConstraints();
        first.setMinWidth(80);
        getColumnConstraints().add(first);
        for (int c = 0; c < columnNames.size(); c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHgrow(Priority.ALWAYS);
            cc.setMinWidth(46);
            cc.setHalignment(HPos.CENTER);
            getColumnConstraints().add(cc);
            Label head = new Label(columnNames.get(c));
            head.getStyleClass().add("heat-header");
            head.setMinWidth(0);
            ChartCardTooltips.install(head, columnNames.get(c));
            add(head, c + 1, 0);
        }
        for (int r = 0; r < rowNames.size(); r++) {
            Label name = new Label(rowNames.get(r));
            name.getStyleClass().add("heat-header");
            ChartCardTooltips.install(name, rowNames.get(r));
            add(name, 0, r + 1);
            for (int c = 0; c < columnNames.size(); c++) {
                double v = values[r][c];
                Label cell = new Label(Double.isFinite(v) ? format.apply(v) : "");
                cell.setMaxWidth(Double.MAX_VALUE);
                cell.setMinWidth(0);
                cell.setAlignment(Pos.CENTER);
                cell.getStyleClass().add("heat-cell");
                if (Double.isFinite(v)) {
                    double t = max > min ? (v - min) / (max - min) : 0.5;
                    Color color = colour(higherIsBetter ? t : 1 - t);
                    cell.setStyle("-fx-background-color: " + web(color) + "; -fx-text-fill: "
                            + (color.getBrightness() > 0.6 ? "#1b1f24" : "white") + ";");
                    ChartCardTooltips.install(cell, rowNames.get(r) + " / " + columnNames.get(c) + ": "
                            + tooltip.apply(v));
                }
                add(cell, c + 1, r + 1);
            }
        }
    }

    /**
     * Writes {@code text} into the blank (NaN) cell at ({@code row}, {@code column}), greyed, with {@code tooltip}: a cell
     * that has no value for a reason the reader must see (e.g. "not met" where no router keeps the promise).
     */
    public void markBlank(int row, int column, String text, String tooltip) {
        for (javafx.scene.Node n : getChildren()) {
            Integer r = GridPane.getRowIndex(n);
            Integer c = GridPane.getColumnIndex(n);
            if (n instanceof Label l && r != null && c != null && r == row + 1 && c == column + 1 && l.getText().isEmpty()) {
                l.setText(text);
                l.getStyleClass().add("heat-cell-blank");
                l.setStyle("-fx-background-color: #e6e8eb; -fx-text-fill: #5a6270; -fx-font-style: italic;");
                ChartCardTooltips.install(l, tooltip);
            }
        }
    }

    /** 0 = worst (red) .. 1 = best (green), through a pale yellow. */
    static Color colour(double t) {
        t = Math.max(0, Math.min(1, t));
        Color bad = Color.web("#d7301f");
        Color mid = Color.web("#fee08b");
        Color good = Color.web("#1a9850");
        return t < 0.5 ? bad.interpolate(mid, t * 2) : mid.interpolate(good, (t - 0.5) * 2);
    }

    private static String web(Color c) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x",
                (int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }
}
