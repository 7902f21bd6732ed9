package dev.switchyard.engine.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.engine.io.AtomicFiles;
import dev.switchyard.engine.io.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The "recent workspaces" list. Stored outside any workspace, in the user's settings folder, as a
 * small JSON file written atomically; a damaged list is treated as empty (it is a convenience, not
 * data). Thread-safe.
 */
public final class RecentWorkspaces {
    public static final int DEFAULT_LIMIT = 10;
    private static final String FORMAT = "switchyard-recent-workspaces";

    /** One entry: where, and when it was last opened. */
    public record Entry(Path file, Instant lastOpened) {
        public Entry {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(lastOpened, "lastOpened");
        }

        /** False when the file was moved or deleted since; the UI may grey it out. */
        public boolean exists() {
            return Files.isRegularFile(file);
        }
    }

    private final Path store;
    private final int limit;

    public RecentWorkspaces(Path store, int limit) {
        this.store = Objects.requireNonNull(store, "store").toAbsolutePath();
        if (limit < 1) {
            throw new IllegalArgumentException("the recent list must keep at least one entry");
        }
        this.limit = limit;
    }

    /**
     * The list in the user's Switchyard folder, beside the app's own state: {@code switchyard.config.dir}
     * if set, else {@code ~/.switchyard}.
     */
    public static RecentWorkspaces inUserConfig() {
        return new RecentWorkspaces(configDir().resolve("recent-workspaces.json"), DEFAULT_LIMIT);
    }

    static Path configDir() {
        String override = System.getProperty("switchyard.config.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(System.getProperty("user.home"), ".switchyard");
    }

    public Path storeFile() {
        return store;
    }

    /** Most recent first. */
    public synchronized List<Entry> list() {
        if (!Files.isRegularFile(store)) {
            return List.of();
        }
        try {
            JsonNode root = Json.mapper().readTree(store.toFile());
            if (root == null || !FORMAT.equals(root.path("format").asText()) || !root.path("entries").isArray()) {
                return List.of();
            }
            List<Entry> out = new ArrayList<>();
            for (JsonNode e : root.path("entries")) {
                try {
                    out.add(new Entry(Path.of(e.path("file").asText()), Instant.parse(e.path("lastOpened").asText())));
                } catch (RuntimeException skip) {
                    // one bad entry does not cost the others
                }
            }
            return List.copyOf(out.subList(0, Math.min(limit, out.size())));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Moves {@code file} to the top (adding it if new) and trims the list. */
    public synchronized void touch(Path file) throws IOException {
        Path f = file.toAbsolutePath().normalize();
        List<Entry> entries = new ArrayList<>(list());
        entries.removeIf(e -> e.file().equals(f));
        entries.add(0, new Entry(f, Instant.now()));
        write(entries.subList(0, Math.min(limit, entries.size())));
    }

    public synchronized void remove(Path file) throws IOException {
        Path f = file.toAbsolutePath().normalize();
        List<Entry> entries = new ArrayList<>(list());
        if (entries.removeIf(e -> e.file().equals(f))) {
            write(entries);
        }
    }

    public synchronized void clear() throws IOException {
        write(List.of());
    }

    private void write(List<Entry> entries) throws IOException {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", 1);
        ArrayNode list = root.putArray("entries");
        for (Entry e : entries) {
            list.addObject().put("file", e.file().toString()).put("lastOpened", e.lastOpened().toString());
        }
        try {
            AtomicFiles.writeBytes(store, Json.mapper().writeValueAsBytes(root));
        } catch (JsonProcessingException e) {
            throw new IOException("could not encode the recent-workspaces list", e);
        }
    }
}
