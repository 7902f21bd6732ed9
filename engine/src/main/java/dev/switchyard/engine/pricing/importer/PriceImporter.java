package dev.switchyard.engine.pricing.importer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.engine.io.CsvDialect;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.io.SourceLocation;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.pricing.PriceSheetJson;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Reads a price sheet from any layout Switchyard accepts, detected from the content: the native
 * JSON (delegated to {@link PriceSheetJson}), LiteLLM's price list, OpenRouter's models list, or a
 * simple CSV. Prices come out in USD per 1M tokens. Any problem is a located
 * {@link ImportException}; nothing is returned half-read. JSON is parsed with {@link Json#mapper()}
 * whose read constraints stop JSON bombs (deep nesting, huge numbers or strings) with a located
 * error too.
 */
public final class PriceImporter {
    private PriceImporter() {
    }

    /** The sheet, named after the file; retrieval date = the file's modification date (UTC). */
    public static PriceSheet importFile(Path file) throws ImportException, IOException {
        return importWithNotes(file, null).sheet();
    }

    /**
     * The sheet with its detected format and notes on what was skipped.
     *
     * @param retrievedOn when the prices were retrieved; null = the file's modification date (UTC)
     */
    public static PriceImport importWithNotes(Path file, LocalDate retrievedOn) throws ImportException, IOException {
        return importWithNotes(file, retrievedOn, CsvDialect.AUTO);
    }

    /** The sheet read with {@code dialect} when it is a CSV (JSON sheets ignore it). */
    public static PriceSheet importFile(Path file, CsvDialect dialect) throws ImportException, IOException {
        return importWithNotes(file, null, dialect).sheet();
    }

    /**
     * @param retrievedOn when the prices were retrieved; null = the file's modification date (UTC)
     * @param dialect delimiter and decimal mark of a CSV sheet
     */
    public static PriceImport importWithNotes(Path file, LocalDate retrievedOn, CsvDialect dialect)
            throws ImportException, IOException {
        String fileName = file.getFileName().toString();
        LocalDate retrieved = retrievedOn != null ? retrievedOn
                : LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneOffset.UTC);
        String name = stem(fileName);
        int first = firstSignificantChar(file);
        if (first != '{' && first != '[') {
            if (first < 0) {
                throw new ImportException(SourceLocation.ofFile(fileName), "the file is empty");
            }
            return SimplePriceCsv.read(file, name, retrieved, dialect);
        }
        JsonNode root = readTree(file, fileName);
        if (root == null || !root.isObject()) {
            throw new ImportException(SourceLocation.at(fileName, 1, 1), "expected a JSON object: a Switchyard price sheet,"
                    + " LiteLLM's model_prices_and_context_window.json or OpenRouter's /api/v1/models");
        }
        if (root.has("format")) {
            try {
                return new PriceImport(PriceSheetJson.read(file), PriceFormat.NATIVE_JSON, java.util.List.of());
            } catch (CharConversionException e) {
                throw new ImportException(SourceLocation.ofFile(fileName), "the file is not valid UTF-8 JSON: " + e.getMessage(), e);
            }
        }
        JsonNode data = root.get("data");
        if (data != null && data.isArray()) {
            return OpenRouterPrices.read(file, root, name, retrieved);
        }
        return LiteLlmPrices.read(file, root, name, retrievedOn != null ? retrievedOn : LiteLlmPrices.lastUpdated(root, fileName, retrieved));
    }

    /**
     * Parses the whole document. Constraint violations (nesting depth, number or string length)
     * carry no location of their own in Jackson, so the parser's position is used for them.
     */
    private static JsonNode readTree(Path file, String fileName) throws ImportException, IOException {
        try (JsonParser parser = Json.mapper().createParser(file.toFile())) {
            try {
                return Json.mapper().readTree(parser);
            } catch (JsonProcessingException e) {
                ImportException located = Json.locate(fileName, e);
                if (located.location().line() > 0) {
                    throw located;
                }
                JsonLocation at = parser.currentLocation();
                throw new ImportException(new SourceLocation(fileName, Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr()),
                        located.location().field()), located.problem(), e);
            } catch (CharConversionException e) {
                throw new ImportException(SourceLocation.ofFile(fileName), "the file is not valid UTF-8 JSON: " + e.getMessage(), e);
            }
        }
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** First byte that is not white space or a UTF-8 BOM, or -1. */
    private static int firstSignificantChar(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[4096];
            int n;
            int seen = 0;
            while ((n = in.read(buf)) > 0 && seen < (1 << 20)) {
                for (int i = 0; i < n; i++) {
                    int b = buf[i] & 0xff;
                    if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || (seen + i < 3 && (b == 0xEF || b == 0xBB || b == 0xBF))) {
                        continue;
                    }
                    return b;
                }
                seen += n;
            }
            return -1;
        }
    }
}
