package dev.switchyard.engine.pricing.importer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.switchyard.engine.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Line and column of the entries of a JSON price list, found by a second, streaming pass (a JSON
 * tree forgets where its nodes were). Only called on a document that already parsed.
 */
final class JsonLocations {
    private JsonLocations() {
    }

    /** Location of each top-level key of an object document. */
    static Map<String, long[]> topLevelKeys(Path file) throws IOException {
        Map<String, long[]> out = new HashMap<>();
        try (JsonParser p = Json.mapper().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return out;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                JsonLocation loc = p.currentTokenLocation();
                out.putIfAbsent(p.currentName(), new long[] {loc.getLineNr(), loc.getColumnNr()});
                p.nextToken();
                p.skipChildren();
            }
        }
        return out;
    }

    /** Location of each element of the array under top-level key {@code field}. */
    static List<long[]> arrayElements(Path file, String field) throws IOException {
        List<long[]> out = new ArrayList<>();
        try (JsonParser p = Json.mapper().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return out;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals(field) && t == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        JsonLocation loc = p.currentTokenLocation();
                        out.add(new long[] {loc.getLineNr(), loc.getColumnNr()});
                        p.skipChildren();
                    }
                    return out;
                }
                p.skipChildren();
            }
        }
        return out;
    }
}
