package dev.switchyard.app.shell;

import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/** AtlantaFX Primer light and dark, switched for the whole application at once. */
public final class Theme {
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");

    public Theme(boolean startDark) {
        dark.addListener((o, was, now) -> apply(now));
        dark.set(startDark);
        apply(startDark);
    }

    private static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public void toggle() {
        dark.set(!dark.get());
    }
}
