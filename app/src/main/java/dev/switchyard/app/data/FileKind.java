package dev.switchyard.app.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Guesses what a dropped file is from its first few kilobytes, so drag and drop needs no
 * question: a native catalog, a price sheet (any supported price format) or traffic.
 */
public enum FileKind {
    CATALOG, PRICES, TRAFFIC;

    public static FileKind sniff(Path file) throws IOException {
        byte[] head = new byte[8192];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        String text = new String(head, 0, read, StandardCharsets.UTF_8);
        String lower = text.toLowerCase(Locale.ROOT);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.contains("\"switchyard-catalog\"")) {
            return CATALOG;
        }
        String trimmed = lower.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[") || name.endsWith(".json")) {
            // every JSON format Switchyard reads besides the catalog is a price format
            return PRICES;
        }
        String header = lower.lines().findFirst().orElse("");
        if (header.contains("per_1m") || header.contains("per1m") || header.contains("input_price")
                || header.contains("output_price")) {
            return PRICES;
        }
        return TRAFFIC;
    }
}
