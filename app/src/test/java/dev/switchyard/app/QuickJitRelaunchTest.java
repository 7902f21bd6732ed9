package dev.switchyard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void theInstallsArchiveSitsBesideTheAppsJarsAndCountsOnlyWhenNewerThanEveryJar(@TempDir Path dir) throws Exception {
        // jpackage's layout: lib/runtime/bin/java and lib/app/<jars>
        Path java = dir.resolve("lib/runtime/bin/java");
        assertEquals(dir.resolve("lib/app/switchyard.jsa"), QuickJitRelaunch.installedArchive(java));
        Path app = Files.createDirectories(dir.resolve("lib/app"));
        Path a = Files.writeString(app.resolve("a.jar"), "a");
        Path b = Files.writeString(app.resolve("b.jar"), "b");
        String classPath = a + File.pathSeparator + b;
        Path archive = app.resolve("switchyard.jsa");
        assertFalse(QuickJitRelaunch.newerThanJars(archive, classPath), "no archive written (no postinst ran)");
        assertFalse(QuickJitRelaunch.newerThanJars(null, classPath));
        Files.writeString(archive, "archive");
        Files.setLastModifiedTime(a, FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(b, FileTime.fromMillis(2_000_000));
        Files.setLastModifiedTime(archive, FileTime.fromMillis(3_000_000));
        assertTrue(QuickJitRelaunch.newerThanJars(archive, classPath));
        // an upgrade's jar newer than an archive left behind: the archive is not used
        Files.setLastModifiedTime(b, FileTime.fromMillis(4_000_000));
        assertFalse(QuickJitRelaunch.newerThanJars(archive, classPath));
    }
}
