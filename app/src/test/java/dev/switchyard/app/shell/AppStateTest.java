package dev.switchyard.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppStateTest {

    @Test
    void remembersGeometryThemeAndRecentFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        AppState s = new AppState();
        s.width = 1600;
        s.dark = true;
        for (int i = 0; i < 12; i++) {
            s.remember(dir.resolve("f" + i + ".csv"));
        }
        s.remember(dir.resolve("f5.csv"));
        s.save(file);
        AppState back = AppState.load(file);
        assertEquals(1600, back.width);
        assertTrue(back.dark);
        assertEquals(AppState.MAX_RECENT, back.recentFiles.size());
        assertEquals(dir.resolve("f5.csv").toString(), back.recentFiles.get(0));
    }

    @Test
    void aBrokenStateFileFallsBackToDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        Files.writeString(file, "{ not json");
        AppState s = AppState.load(file);
        assertEquals(1400, s.width);
    }
}
