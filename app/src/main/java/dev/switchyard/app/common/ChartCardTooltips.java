package dev.switchyard.app.common;

import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips that explain a term in plain words, on controls and plain nodes alike.
 *
 * <p>The tooltip itself is made when the pointer first moves over its node, not when the node is built: every
 * {@link Tooltip} is a popup window with a scene of its own whose construction runs CSS, and the window has a few
 * hundred of them (every tile, chart card button and heat-map cell). Made eagerly they were about a quarter of the
 * FX thread's work before the first frame (decision 1130). The text is the node's accessible help at once, so a
 * screen reader reads it as before; the first move creates and installs the tooltip before the tooltip's own
 * handler sees that move, so it shows after the usual delay.
 */
public final class ChartCardTooltips {
    private static final String KEY = ChartCardTooltips.class.getName();

    private ChartCardTooltips() {
    }

    /** Explains {@code node} with {@code text}; a second call replaces the text. */
    public static void install(Node node, String text) {
        node.setAccessibleHelp(text);
        Object existing = node.getProperties().get(KEY);
        if (existing instanceof Pending pending) {
            pending.text = text;
        } else if (existing instanceof Tooltip tooltip) {
            tooltip.setText(text);
        } else {
            Pending pending = new Pending(node, text);
            node.getProperties().put(KEY, pending);
            node.addEventFilter(MouseEvent.MOUSE_MOVED, pending);
        }
    }

    /** True when {@code node} has a tooltip, made or still to be made. */
    public static boolean has(Node node) {
        return text(node) != null;
    }

    /** The text {@code node} is explained with, or null: what its tooltip shows or will show. */
    public static String text(Node node) {
        Object existing = node.getProperties().get(KEY);
        if (existing instanceof Pending pending) {
            return pending.text;
        }
        if (existing instanceof Tooltip tooltip) {
            return tooltip.getText();
        }
        return node instanceof Control c && c.getTooltip() != null ? c.getTooltip().getText() : null;
    }

    private static final class Pending implements EventHandler<MouseEvent> {
        private final Node node;
        private String text;

        Pending(Node node, String text) {
            this.node = node;
            this.text = text;
        }

        @Override
        public void handle(MouseEvent event) {
            node.removeEventFilter(MouseEvent.MOUSE_MOVED, this);
            Tooltip tooltip = ChartCard.wrap(text);
            node.getProperties().put(KEY, tooltip);
            if (node instanceof Control c) {
                c.setTooltip(tooltip);
            } else {
                Tooltip.install(node, tooltip);
            }
        }
    }
}
