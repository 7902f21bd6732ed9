package dev.switchyard.app.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.switchyard.engine.io.AtomicFiles;
import dev.switchyard.engine.io.Json;

/**
 * What the app remembers between sessions: window geometry, theme, last screen and recent files.
 * A small JSON file in the user's home (or {@code -Dswitchyard.state.file}), written atomically;
 * an unreadable file is ignored rather than stopping the app.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class AppState {
    public static final int MAX_RECENT = 10;

    public double width = 1400;
    public double height = 880;
    public double x = Double.NaN;
    public double y = Double.NaN;
    public boolean maximized;
    public boolean dark;
    public int screen = 1;
    public List<String> recentFiles = new ArrayList<>();

    public static Path defaultFile() {
        String override = System.getProperty("switchyard.state.file");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(System.getProperty("user.home"), ".switchyard", "app-state.json");
    }

    public static AppState load(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                AppState s = Json.mapper().readValue(file.toFile(), AppState.class);
                if (s.recentFiles == null) {
                    s.recentFiles = new ArrayList<>();
                }
                if (!(s.width >= 640 && s.width < 20000) || !(s.height >= 480 && s.height < 20000)) {
                    s.width = 1400;
                    s.height = 880;
                }
                return s;
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("switchyard: ignoring unreadable app state " + file + ": " + e.getMessage());
        }
        return new AppState();
    }

    public void save(Path file) throws IOException {
        byte[] bytes = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
        AtomicFiles.writeBytes(file, bytes);
    }

    /** Most recent first, no duplicates, at most {@link #MAX_RECENT}. */
    public void remember(Path file) {
        String s = file.toAbsolutePath().toString();
        recentFiles.remove(s);
        recentFiles.add(0, s);
        while (recentFiles.size() > MAX_RECENT) {
            recentFiles.remove(recentFiles.size() - 1);
        }
    }
}
