package dev.switchyard.engine.pricing.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.io.SourceLocation;
import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenRouter's {@code /api/v1/models}: {@code {"data":[{"id","pricing":{"prompt","completion",
 * "request","input_cache_read",...}}]}} with prices as strings in USD per token ({@code request}:
 * per request). OpenRouter writes {@code "-1"} for routers whose price depends on the model they
 * pick (e.g. {@code openrouter/auto}): such an entry cannot be planned with, so it is skipped and
 * named in the notes. Any other negative or non-numeric price is a located error.
 */
final class OpenRouterPrices {
    static final String SOURCE = "OpenRouter /api/v1/models";

    private OpenRouterPrices() {
    }

    static PriceImport read(Path path, JsonNode root, String name, LocalDate retrievedOn) throws ImportException, IOException {
        String file = path.getFileName().toString();
        JsonNode data = root.get("data");
        List<long[]> where = JsonLocations.arrayElements(path, "data");
        Map<String, ModelPrice> prices = new LinkedHashMap<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> variable = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            JsonNode m = data.get(i);
            long[] at = i < where.size() ? where.get(i) : new long[] {0, 0};
            SourceLocation loc = new SourceLocation(file, Math.max(0, at[0]), Math.max(0, at[1]), "data[" + i + "]");
            if (!m.isObject()) {
                throw new ImportException(loc, "expected a model object, found " + PerToken.describe(m));
            }
            JsonNode idNode = m.get("id");
            if (idNode == null || !idNode.isTextual() || idNode.asText().isBlank()) {
                throw new ImportException(loc.withField("data[" + i + "].id"), "every model needs a string \"id\"");
            }
            String id = idNode.asText().strip();
            String f = "data[" + i + "] (" + PerToken.abbreviate(id) + ").pricing";
            JsonNode pricing = m.get("pricing");
            if (pricing == null || !pricing.isObject()) {
                throw new ImportException(loc.withField(f), "expected a \"pricing\" object, found "
                        + (pricing == null ? "none" : PerToken.describe(pricing)));
            }
            JsonNode prompt = pricing.get("prompt");
            JsonNode completion = pricing.get("completion");
            if (prompt == null || completion == null || prompt.isNull() || completion.isNull()) {
                throw new ImportException(loc.withField(f), "pricing needs \"prompt\" and \"completion\"");
            }
            if (isVariable(prompt) || isVariable(completion)) {
                variable.add(id);
                continue;
            }
            BigDecimal in = PerToken.text(prompt, loc.withField(f + ".prompt"));
            BigDecimal out = PerToken.text(completion, loc.withField(f + ".completion"));
            BigDecimal cached = optional(pricing, "input_cache_read", loc.withField(f + ".input_cache_read"));
            JsonNode requestNode = pricing.get("request");
            BigDecimal request = requestNode == null || requestNode.isNull() ? null
                    : PerToken.feeText(requestNode, loc.withField(f + ".request"));
            Integer previous = index.putIfAbsent(id, i);
            if (previous != null) {
                throw new ImportException(loc.withField("data[" + i + "].id"), "model id '" + PerToken.abbreviate(id)
                        + "' is listed twice (also data[" + previous + "])");
            }
            try {
                prices.put(id, new ModelPrice(id, PerToken.toPer1M(in), PerToken.toPer1M(out),
                        cached == null ? null : PerToken.toPer1M(cached), request == null ? 0.0 : request.doubleValue(),
                        List.of(), null, null));
            } catch (IllegalArgumentException ex) {
                throw new ImportException(loc, ex.getMessage(), ex);
            }
        }
        if (!variable.isEmpty()) {
            notes.add("skipped " + variable.size() + " models with variable price (\"-1\"): "
                    + PerToken.abbreviate(String.join(", ", variable)));
        }
        if (prices.isEmpty()) {
            throw new ImportException(SourceLocation.ofFile(file).withField("data"), "no priced model found");
        }
        return new PriceImport(new PriceSheet(name, retrievedOn.toString(), SOURCE, retrievedOn, null, "USD", prices),
                PriceFormat.OPENROUTER_JSON, notes);
    }

    private static boolean isVariable(JsonNode v) {
        return v.isTextual() && v.asText().strip().equals("-1") || v.isNumber() && v.asDouble() == -1.0;
    }

    private static BigDecimal optional(JsonNode pricing, String field, SourceLocation loc) throws ImportException {
        JsonNode v = pricing.get(field);
        return v == null || v.isNull() ? null : PerToken.text(v, loc);
    }
}
