package dev.switchyard.app;

import javafx.application.Application;

/**
 * Entry point of the jar, jpackage and {@code ./switchyard app}. A plain class (not an
 * Application subclass) so JavaFX starts from the class path without module flags.
 *
 * <p>{@code --self-test}: opens the main window, loads the bundled sample, runs one simulation,
 * prints a one-line summary and exits 0; any failure exits non-zero (installer CI uses it).
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Startup.mainBegan();
        int relaunched = QuickJitRelaunch.runIfChosen(args); // the installed app on two cores (decision 1120)
        if (relaunched >= 0) {
            System.exit(relaunched);
        }
        // the sample and the engine (and, once the sample is in, the opening recommendation) start before the toolkit
        Startup.mark("main");
        Bootstrap.begin();
        Application.launch(SwitchyardApp.class, args);
    }
}
