package dev.switchyard.app.common;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A headline figure: name, big value, one line of context; its tooltip says what it means. */
public class KpiTile extends VBox {
    private final Label value = new Label("–");
    private final Label detail = new Label(" ");
    private final Label name;

    public KpiTile(String title, String explanation) {
        getStyleClass().add("kpi-tile");
        name = new Label(title);
        name.getStyleClass().add("kpi-title");
        // a narrow tile wraps its name instead of clipping it ("Satisfaction vs tar…")
        name.setWrapText(true);
        name.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        value.getStyleClass().add("kpi-value");
        detail.getStyleClass().add("kpi-detail");
        detail.setWrapText(true);
        detail.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(name, value, detail);
        ChartCardTooltips.install(this, explanation);
        setMinWidth(110);
        setPrefWidth(180);
    }

    public void set(String valueText, String detailText, Tone tone) {
        value.setText(valueText);
        // a name as the value ("claude-opus-4-7") gets a smaller font instead of being clipped
        value.getStyleClass().remove("kpi-value-long");
        if (valueText != null && valueText.length() > 7) { // "1,300 ms" is clipped at full size in a narrow tile
            value.getStyleClass().add("kpi-value-long");
        }
        detail.setText(detailText == null || detailText.isEmpty() ? " " : detailText);
        getStyleClass().removeAll("good", "bad", "neutral");
        getStyleClass().add(tone.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Renames the tile (e.g. "P(breached week)" when the contract window is a week). */
    public void setTitle(String title) {
        name.setText(title);
    }

    public String title() {
        return name.getText();
    }

    public String valueText() {
        return value.getText();
    }

    public String detailText() {
        return detail.getText();
    }

    public Tone tone() {
        for (Tone t : Tone.values()) {
            if (getStyleClass().contains(t.name().toLowerCase(java.util.Locale.ROOT))) {
                return t;
            }
        }
        return Tone.NEUTRAL;
    }

    public enum Tone { GOOD, BAD, NEUTRAL }
}
