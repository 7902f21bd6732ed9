package dev.switchyard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Decision 1120: the installed app's JIT choice follows the launcher script's rule, and only a packaged app relaunches. */
class QuickJitRelaunchTest {
    @Test
    void twoCoresOrFewerChooseTheQuickJitUnlessTold() {
        assertTrue(QuickJitRelaunch.quickChosen(null, 1));
        assertTrue(QuickJitRelaunch.quickChosen(null, 2));
        assertFalse(QuickJitRelaunch.quickChosen(null, 4));
        assertTrue(QuickJitRelaunch.quickChosen("auto", 2));
        assertFalse(QuickJitRelaunch.quickChosen(" Tiered ", 2));
        assertTrue(QuickJitRelaunch.quickChosen("quick", 16));
        assertFalse(QuickJitRelaunch.quickChosen("auto", 3));
    }

    @Test
    void onlyAPackagedAppRelaunches() {
        // tests run from the class path, not from a jpackage launcher: the app runs in this JVM
        assertEquals(-1, QuickJitRelaunch.runIfChosen(new String[] {"--self-test"}));
    }
}
