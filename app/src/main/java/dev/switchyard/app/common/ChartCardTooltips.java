package dev.switchyard.app.common;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;

/** Tooltips that explain a term in plain words, on controls and plain nodes alike. */
public final class ChartCardTooltips {
    private ChartCardTooltips() {
    }

    public static void install(Node node, String text) {
        Tooltip t = ChartCard.wrap(text);
        if (node instanceof Control c) {
            c.setTooltip(t);
        } else {
            Tooltip.install(node, t);
        }
    }
}
