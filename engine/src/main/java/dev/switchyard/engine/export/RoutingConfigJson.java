package dev.switchyard.engine.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.switchyard.engine.io.AtomicFiles;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.io.SourceLocation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@link RoutingConfig} documents. Strict: unknown fields and other schema versions are errors. */
public final class RoutingConfigJson {
    private RoutingConfigJson() {
    }

    public static void write(RoutingConfig config, Path file) throws IOException {
        AtomicFiles.writeBytes(file, toBytes(config));
    }

    public static byte[] toBytes(RoutingConfig config) throws IOException {
        return Json.mapper().writeValueAsBytes(config);
    }

    public static RoutingConfig read(Path file) throws ImportException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        }
    }

    public static RoutingConfig read(InputStream in, String fileName) throws ImportException, IOException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(in);
        } catch (JsonProcessingException e) {
            throw Json.locate(fileName, e);
        }
        if (root == null || !root.isObject()) {
            throw new ImportException(SourceLocation.ofFile(fileName), "a routing configuration must be a JSON object");
        }
        // Check the schema first so a wrong document gets "wrong schema", not a list of unknown fields.
        JsonNode schema = root.get("schema");
        if (schema == null || !RoutingConfig.SCHEMA.equals(schema.asText())) {
            throw new ImportException(SourceLocation.ofFile(fileName).withField("schema"), "this is not a Switchyard routing"
                    + " configuration (field 'schema' must be \"" + RoutingConfig.SCHEMA + "\", got " + schema + ")");
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.isIntegralNumber() || version.asInt() < RoutingConfig.OLDEST_SCHEMA_VERSION
                || version.asInt() > RoutingConfig.SCHEMA_VERSION) {
            boolean newer = version != null && version.isIntegralNumber() && version.asInt() > RoutingConfig.SCHEMA_VERSION;
            throw new ImportException(SourceLocation.ofFile(fileName).withField("schemaVersion"), "schemaVersion " + version
                    + " is not supported; this build reads versions " + RoutingConfig.OLDEST_SCHEMA_VERSION + " to "
                    + RoutingConfig.SCHEMA_VERSION
                    + (newer ? " (the file was written by a newer Switchyard)" : ""));
        }
        ObjectReader reader = Json.mapper().readerFor(RoutingConfig.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            return reader.readValue(root);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ImportException(SourceLocation.ofFile(fileName).withField(Json.readablePath(e)), cause.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw Json.locate(fileName, e);
        }
    }

    private static String path(ValueInstantiationException e) {
        String ref = e.getPathReference();
        int cut = ref == null ? -1 : ref.indexOf("->");
        return ref == null || cut < 0 ? null : ref.substring(cut + 2);
    }
}
