package dev.switchyard.engine.pricing.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.io.SourceLocation;
import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.pricing.PriceTier;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * LiteLLM's {@code model_prices_and_context_window.json}: an object keyed by model id with prices
 * in USD per single token. Chat-like modes only ({@code chat}, {@code completion}, {@code responses},
 * or no mode); {@code sample_spec}, non-object entries, other modes and entries without token
 * prices are skipped and counted in the notes. Long-context fields
 * ({@code input_cost_per_token_above_200k_tokens}, any {@code _above_<N>k_tokens}) and
 * {@code tiered_pricing} ranges become {@link PriceTier}s; a range starting at 0 is the base price
 * when the entry has no top-level price.
 */
final class LiteLlmPrices {
    static final String SOURCE = "LiteLLM model_prices_and_context_window.json";
    private static final Set<String> CHAT_MODES = Set.of("chat", "completion", "responses");

    private LiteLlmPrices() {
    }

    static PriceImport read(Path path, JsonNode root, String name, LocalDate retrievedOn) throws ImportException, IOException {
        String file = path.getFileName().toString();
        Map<String, long[]> where = JsonLocations.topLevelKeys(path);
        Map<String, ModelPrice> prices = new LinkedHashMap<>();
        Map<String, Integer> skippedModes = new TreeMap<>();
        List<String> unpriced = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int nonObjects = 0;
        Map<String, List<String>> notUnderstood = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String id = e.getKey();
            JsonNode node = e.getValue();
            long[] at = where.getOrDefault(id, new long[] {0, 0});
            SourceLocation loc = new SourceLocation(file, Math.max(0, at[0]), Math.max(0, at[1]), id);
            if (id.equals("last_updated") && !node.isObject()) {
                LocalDate own = lastUpdated(root, file, null);
                notes.add(own.equals(retrievedOn) ? "dated by its last_updated field (" + own + "), not the file's modification time"
                        : "its last_updated field says " + own + "; dated " + retrievedOn + " as given");
                continue;
            }
            if (id.equals("sample_spec")) {
                notes.add("skipped 'sample_spec' (LiteLLM's field documentation)");
                continue;
            }
            if (!node.isObject()) {
                nonObjects++;
                continue;
            }
            if (id.isBlank()) {
                throw new ImportException(loc, "an entry has a blank model id");
            }
            JsonNode mode = node.get("mode");
            if (mode != null && !mode.isNull()) {
                if (!mode.isTextual()) {
                    throw new ImportException(loc.withField(id + ".mode"), "expected a mode such as \"chat\", found "
                            + PerToken.describe(mode));
                }
                if (!CHAT_MODES.contains(mode.asText())) {
                    skippedModes.merge(PerToken.abbreviate(mode.asText()), 1, Integer::sum);
                    continue;
                }
            }
            BigDecimal in = PerToken.number(node, "input_cost_per_token", loc.withField(id + ".input_cost_per_token"));
            BigDecimal out = PerToken.number(node, "output_cost_per_token", loc.withField(id + ".output_cost_per_token"));
            BigDecimal cached = PerToken.number(node, "cache_read_input_token_cost", loc.withField(id + ".cache_read_input_token_cost"));
            List<PriceTier> tiers = new ArrayList<>();
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String f = names.next();
                long threshold = threshold(f, "input_cost_per_token_above_");
                if (threshold < 0) {
                    continue;
                }
                String suffix = f.substring("input_cost_per_token".length());
                BigDecimal tIn = PerToken.number(node, f, loc.withField(id + "." + f));
                BigDecimal tOut = PerToken.number(node, "output_cost_per_token" + suffix, loc.withField(id + ".output_cost_per_token" + suffix));
                BigDecimal tCached = PerToken.number(node, "cache_read_input_token_cost" + suffix,
                        loc.withField(id + ".cache_read_input_token_cost" + suffix));
                if (tIn == null) {
                    continue;
                }
                BigDecimal outFallback = tOut != null ? tOut : out;
                if (outFallback == null) {
                    throw new ImportException(loc.withField(id + ".output_cost_per_token" + suffix),
                            "a long-context input price needs an output price");
                }
                tiers.add(new PriceTier(threshold, PerToken.toPer1M(tIn), PerToken.toPer1M(outFallback),
                        tCached == null ? null : PerToken.toPer1M(tCached)));
            }
            JsonNode tiered = node.get("tiered_pricing");
            if (tiered != null && !tiered.isNull()) {
                SourceLocation tl = loc.withField(id + ".tiered_pricing");
                if (!tiered.isArray()) {
                    throw new ImportException(tl, "expected an array of {range, input_cost_per_token, output_cost_per_token}, found "
                            + PerToken.describe(tiered));
                }
                for (int i = 0; i < tiered.size(); i++) {
                    JsonNode t = tiered.get(i);
                    SourceLocation el = loc.withField(id + ".tiered_pricing[" + i + "]");
                    if (!t.isObject()) {
                        throw new ImportException(el, "expected an object, found " + PerToken.describe(t));
                    }
                    JsonNode range = t.get("range");
                    if (range == null || !range.isArray() || range.size() < 1 || !range.get(0).isNumber()) {
                        throw new ImportException(el.withField(id + ".tiered_pricing[" + i + "].range"),
                                "expected \"range\": [from, to] in input tokens");
                    }
                    double lo = range.get(0).asDouble();
                    if (!(lo >= 0) || lo > 1e15 || lo != Math.rint(lo)) {
                        throw new ImportException(el.withField(id + ".tiered_pricing[" + i + "].range"),
                                "range start " + PerToken.abbreviate(range.get(0).asText()) + " is not a token count >= 0");
                    }
                    BigDecimal tIn = PerToken.number(t, "input_cost_per_token", el.withField(id + ".tiered_pricing[" + i + "].input_cost_per_token"));
                    BigDecimal tOut = PerToken.number(t, "output_cost_per_token", el.withField(id + ".tiered_pricing[" + i + "].output_cost_per_token"));
                    BigDecimal tCached = PerToken.number(t, "cache_read_input_token_cost",
                            el.withField(id + ".tiered_pricing[" + i + "].cache_read_input_token_cost"));
                    if (tIn == null || tOut == null) {
                        throw new ImportException(el, "a tier needs input_cost_per_token and output_cost_per_token");
                    }
                    if (lo == 0) {
                        if (in == null && out == null) {
                            in = tIn;
                            out = tOut;
                            cached = cached != null ? cached : tCached;
                        }
                        continue;
                    }
                    tiers.add(new PriceTier((long) lo, PerToken.toPer1M(tIn), PerToken.toPer1M(tOut),
                            tCached == null ? null : PerToken.toPer1M(tCached)));
                }
            }
            if (in == null || out == null) {
                unpriced.add(id);
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> all = node.fields();
            while (all.hasNext()) {
                Map.Entry<String, JsonNode> f = all.next();
                String key = f.getKey();
                if (key.contains("cost") && !understood(key) && f.getValue().isNumber() && f.getValue().doubleValue() != 0) {
                    notUnderstood.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
                }
            }
            BigDecimal batchIn = PerToken.number(node, "input_cost_per_token_batches", loc.withField(id + ".input_cost_per_token_batches"));
            BigDecimal batchOut = PerToken.number(node, "output_cost_per_token_batches", loc.withField(id + ".output_cost_per_token_batches"));
            BigDecimal perRequest = PerToken.feeNumber(node, "input_cost_per_request", loc.withField(id + ".input_cost_per_request"));
            try {
                prices.put(id, new ModelPrice(id, PerToken.toPer1M(in), PerToken.toPer1M(out),
                        cached == null ? null : PerToken.toPer1M(cached), perRequest == null ? 0.0 : perRequest.doubleValue(), tiers,
                        batchIn == null ? null : PerToken.toPer1M(batchIn), batchOut == null ? null : PerToken.toPer1M(batchOut)));
            } catch (IllegalArgumentException ex) {
                throw new ImportException(loc, ex.getMessage(), ex);
            }
        }
        if (nonObjects > 0) {
            notes.add("skipped " + nonObjects + " entries that are not objects");
        }
        if (!skippedModes.isEmpty()) {
            notes.add("skipped entries that are not chat models, by mode: " + skippedModes);
        }
        if (!unpriced.isEmpty()) {
            notes.add("skipped " + unpriced.size() + " chat entries without input and output token prices: "
                    + PerToken.abbreviate(String.join(", ", unpriced)));
        }
        if (!notUnderstood.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : notUnderstood.entrySet()) {
                parts.add(e.getKey() + " (" + e.getValue().size() + (e.getValue().size() == 1 ? " model: " : " models, e.g. ")
                        + PerToken.abbreviate(e.getValue().get(0)) + ")");
            }
            notes.add("price fields not understood, so not in the costs: " + String.join(", ", parts.subList(0, Math.min(8, parts.size())))
                    + (parts.size() > 8 ? " and " + (parts.size() - 8) + " more" : "")
                    + "; Switchyard prices input, output, cached input (cache reads), batch, per-request and long-context token prices");
        }
        if (prices.isEmpty()) {
            throw new ImportException(SourceLocation.ofFile(file), "no chat model with token prices found in this LiteLLM price list");
        }
        return new PriceImport(new PriceSheet(name, retrievedOn.toString(), SOURCE, retrievedOn, null, "USD", prices),
                PriceFormat.LITELLM_JSON, notes);
    }

    /**
     * The sheet's own date when it carries one: a top-level {@code "last_updated"} (or one inside
     * {@code sample_spec}), a date or ISO timestamp. A copied or downloaded file's modification
     * time says when it was saved, not when the prices were read; {@code fallback} otherwise.
     */
    static LocalDate lastUpdated(JsonNode root, String file, LocalDate fallback) throws ImportException {
        JsonNode v = root.get("last_updated");
        String field = "last_updated";
        JsonNode spec = root.get("sample_spec");
        if ((v == null || v.isNull()) && spec != null && spec.isObject()) {
            v = spec.get("last_updated");
            field = "sample_spec.last_updated";
        }
        if (v == null || v.isNull()) {
            return fallback;
        }
        String text = v.isTextual() ? v.asText().strip() : "";
        LocalDate d = null;
        try {
            d = LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text);
        } catch (java.time.format.DateTimeParseException e) {
            d = null;
        }
        if (d == null) {
            throw new ImportException(SourceLocation.ofFile(file).withField(field), "expected a date such as \"2026-05-30\""
                    + " (or an ISO timestamp), found " + PerToken.describe(v));
        }
        return d;
    }

    private static final Set<String> UNDERSTOOD = Set.of("input_cost_per_token", "output_cost_per_token",
            "cache_read_input_token_cost", "input_cost_per_token_batches", "output_cost_per_token_batches", "input_cost_per_request");

    /** Price fields that are in the costs (long-context variants included). */
    static boolean understood(String key) {
        if (UNDERSTOOD.contains(key)) {
            return true;
        }
        for (String prefix : new String[] {"input_cost_per_token_above_", "output_cost_per_token_above_",
            "cache_read_input_token_cost_above_"}) {
            if (threshold(key, prefix) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code input_cost_per_token_above_200k_tokens} -> 200000; -1 when {@code field} is not such a field. */
    static long threshold(String field, String prefix) {
        if (!field.startsWith(prefix) || !field.endsWith("_tokens")) {
            return -1;
        }
        String mid = field.substring(prefix.length(), field.length() - "_tokens".length());
        long unit = 1;
        if (mid.endsWith("k")) {
            unit = 1_000;
            mid = mid.substring(0, mid.length() - 1);
        } else if (mid.endsWith("m")) {
            unit = 1_000_000;
            mid = mid.substring(0, mid.length() - 1);
        }
        if (mid.isEmpty() || mid.length() > 9) {
            return -1;
        }
        for (int i = 0; i < mid.length(); i++) {
            if (mid.charAt(i) < '0' || mid.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(mid) * unit;
    }
}
