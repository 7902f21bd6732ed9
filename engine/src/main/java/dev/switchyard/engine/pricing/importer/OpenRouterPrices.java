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
import dev.switchyard.engine.pricing.PriceTier;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeMap;
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
        Map<String, List<String>> notUnderstood = new TreeMap<>();
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
            List<PriceTier> tiers = overrides(pricing, in, out, cached, loc, f, id, notUnderstood);
            Iterator<Map.Entry<String, JsonNode>> fields = pricing.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                if (!UNDERSTOOD.contains(e.getKey()) && charges(e.getValue())) {
                    notUnderstood.computeIfAbsent("pricing." + e.getKey(), k -> new ArrayList<>()).add(id);
                }
            }
            try {
                prices.put(id, new ModelPrice(id, PerToken.toPer1M(in), PerToken.toPer1M(out),
                        cached == null ? null : PerToken.toPer1M(cached), request == null ? 0.0 : request.doubleValue(),
                        tiers, null, null));
            } catch (IllegalArgumentException ex) {
                throw new ImportException(loc, ex.getMessage(), ex);
            }
        }
        if (!variable.isEmpty()) {
            notes.add("skipped " + variable.size() + " models with variable price (\"-1\"): "
                    + PerToken.abbreviate(String.join(", ", variable)));
        }
        if (!notUnderstood.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : notUnderstood.entrySet()) {
                parts.add(e.getKey() + " (" + e.getValue().size() + (e.getValue().size() == 1 ? " model: " : " models, e.g. ")
                        + PerToken.abbreviate(e.getValue().get(0)) + ")");
            }
            notes.add("price fields not understood, so not in the costs: " + String.join(", ", parts)
                    + "; Switchyard prices prompt, completion, input_cache_read, request and long-context overrides by min_prompt_tokens");
        }
        if (prices.isEmpty()) {
            throw new ImportException(SourceLocation.ofFile(file).withField("data"), "no priced model found");
        }
        return new PriceImport(new PriceSheet(name, retrievedOn.toString(), SOURCE, retrievedOn, null, "USD", prices),
                PriceFormat.OPENROUTER_JSON, notes);
    }

    /** Pricing keys that are in the costs; any other key with a non-zero price is reported. */
    private static final Set<String> UNDERSTOOD = Set.of("prompt", "completion", "input_cache_read", "request", "overrides");
    private static final Set<String> OVERRIDE_PRICES = Set.of("prompt", "completion", "input_cache_read");

    /** True when a pricing value would charge something: a price other than "0" (or a non-price value). */
    private static boolean charges(JsonNode v) {
        if (v == null || v.isNull()) {
            return false;
        }
        String s = v.isTextual() ? v.asText().strip() : v.isNumber() ? v.asText() : null;
        if (s == null) {
            return !v.isContainerNode() || v.size() > 0;
        }
        try {
            return new BigDecimal(s).signum() != 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /**
     * {@code pricing.overrides}: entries whose only condition is {@code min_prompt_tokens} are
     * long-context tiers. Once a prompt has at least that many tokens the whole request is billed at
     * the tier (as the providers bill); a price key the entry does not name keeps the price of the
     * tier below it (later entries win per key, as OpenRouter documents). Entries with other
     * conditions (a time window...) or other price keys are reported as not understood.
     */
    private static List<PriceTier> overrides(JsonNode pricing, BigDecimal in, BigDecimal out, BigDecimal cached, SourceLocation loc,
            String f, String id, Map<String, List<String>> notUnderstood) throws ImportException {
        JsonNode overrides = pricing.get("overrides");
        if (overrides == null || overrides.isNull()) {
            return List.of();
        }
        if (!overrides.isArray()) {
            throw new ImportException(loc.withField(f + ".overrides"), "expected a list of overrides, found " + PerToken.describe(overrides));
        }
        TreeMap<Long, JsonNode> byThreshold = new TreeMap<>();
        Map<Long, String> fieldOf = new java.util.HashMap<>();
        for (int k = 0; k < overrides.size(); k++) {
            JsonNode o = overrides.get(k);
            String of = f + ".overrides[" + k + "]";
            if (!o.isObject()) {
                throw new ImportException(loc.withField(of), "expected an override object, found " + PerToken.describe(o));
            }
            JsonNode min = o.get("min_prompt_tokens");
            List<String> otherConditions = new ArrayList<>();
            Iterator<String> names = o.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (n.equals("min_prompt_tokens")) {
                    continue;
                }
                if (!OVERRIDE_PRICES.contains(n)) {
                    if (n.startsWith("utc_") || n.startsWith("min_") || n.startsWith("max_")) {
                        otherConditions.add(n);
                    } else if (charges(o.get(n))) {
                        notUnderstood.computeIfAbsent("pricing.overrides[]." + n, x -> new ArrayList<>()).add(id);
                    }
                }
            }
            if (min == null || min.isNull() || !otherConditions.isEmpty()) {
                notUnderstood.computeIfAbsent("pricing.overrides[] with condition " + (otherConditions.isEmpty() ? "none"
                        : String.join("+", otherConditions)), x -> new ArrayList<>()).add(id);
                continue;
            }
            if (!min.canConvertToExactIntegral() || min.asDouble() < 1 || min.asDouble() > 1e12) {
                throw new ImportException(loc.withField(of + ".min_prompt_tokens"), "min_prompt_tokens "
                        + PerToken.abbreviate(min.asText()) + " is not a token count >= 1");
            }
            long threshold = min.asLong();
            if (byThreshold.put(threshold, o) != null) {
                throw new ImportException(loc.withField(of + ".min_prompt_tokens"), "two overrides start at " + threshold
                        + " prompt tokens (also " + fieldOf.get(threshold) + ")");
            }
            fieldOf.put(threshold, of);
        }
        List<PriceTier> tiers = new ArrayList<>();
        BigDecimal tIn = in;
        BigDecimal tOut = out;
        BigDecimal tCached = cached;
        for (Map.Entry<Long, JsonNode> e : byThreshold.entrySet()) {
            JsonNode o = e.getValue();
            String of = fieldOf.get(e.getKey());
            if (o.hasNonNull("prompt")) {
                tIn = PerToken.text(o.get("prompt"), loc.withField(of + ".prompt"));
            }
            if (o.hasNonNull("completion")) {
                tOut = PerToken.text(o.get("completion"), loc.withField(of + ".completion"));
            }
            if (o.hasNonNull("input_cache_read")) {
                tCached = PerToken.text(o.get("input_cache_read"), loc.withField(of + ".input_cache_read"));
            }
            try {
                // PriceTier applies strictly above its threshold; min_prompt_tokens is inclusive.
                tiers.add(new PriceTier(e.getKey() - 1, PerToken.toPer1M(tIn), PerToken.toPer1M(tOut),
                        tCached == null ? null : PerToken.toPer1M(tCached)));
            } catch (IllegalArgumentException ex) {
                throw new ImportException(loc.withField(of), ex.getMessage(), ex);
            }
        }
        return tiers;
    }

    private static boolean isVariable(JsonNode v) {
        return v.isTextual() && v.asText().strip().equals("-1") || v.isNumber() && v.asDouble() == -1.0;
    }

    private static BigDecimal optional(JsonNode pricing, String field, SourceLocation loc) throws ImportException {
        JsonNode v = pricing.get(field);
        return v == null || v.isNull() ? null : PerToken.text(v, loc);
    }
}
