package dev.switchyard.engine.pricing;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.ModelInfo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A named, versioned, dated set of prices. Sheets disagree and change monthly, so each carries
 * where it came from and when it applies. A model missing from a sheet is unpriced, never free.
 *
 * @param retrievedOn when the prices were read from their source (may be null if unknown)
 * @param effectiveFrom from when the prices apply (may be null if unknown)
 */
public record PriceSheet(
        String name,
        String version,
        String source,
        LocalDate retrievedOn,
        LocalDate effectiveFrom,
        String currency,
        Map<String, ModelPrice> prices) {

    public PriceSheet {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("price sheet name must not be blank");
        }
        version = version == null ? "" : version.strip();
        source = source == null ? "" : source.strip();
        currency = currency == null || currency.isBlank() ? "USD" : currency.strip();
        if (!currency.equals("USD")) {
            throw new IllegalArgumentException("price sheet '" + name + "' is in " + currency
                    + "; Switchyard works in USD");
        }
        Map<String, ModelPrice> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ModelPrice> e : prices.entrySet()) {
            if (!e.getKey().equals(e.getValue().modelId())) {
                throw new IllegalArgumentException("price sheet '" + name + "' keys '" + e.getKey()
                        + "' to the price of '" + e.getValue().modelId() + "'");
            }
            copy.put(e.getKey(), e.getValue());
        }
        prices = java.util.Collections.unmodifiableMap(copy);
    }

    public static PriceSheet of(String name, List<ModelPrice> prices) {
        Map<String, ModelPrice> map = new LinkedHashMap<>();
        for (ModelPrice p : prices) {
            if (map.put(p.modelId(), p) != null) {
                throw new IllegalArgumentException("price sheet '" + name + "' prices '" + p.modelId() + "' twice");
            }
        }
        return new PriceSheet(name, "", "", null, null, "USD", map);
    }

    /** A label such as "list-2026-06 (effective 2026-06-01)" for tables and reports. */
    public String label() {
        StringBuilder sb = new StringBuilder(name);
        if (!version.isEmpty()) {
            sb.append(' ').append(version);
        }
        if (effectiveFrom != null) {
            sb.append(" (effective ").append(effectiveFrom).append(')');
        }
        return sb.toString();
    }

    /** The price of {@code name}, matched directly or through the catalog's ids and aliases. */
    public Optional<ModelPrice> priceOf(String modelName, Catalog catalog) {
        ModelPrice direct = prices.get(modelName);
        if (direct != null) {
            return Optional.of(direct);
        }
        Optional<ModelInfo> model = catalog.resolve(modelName);
        if (model.isEmpty()) {
            return Optional.empty();
        }
        ModelPrice byId = prices.get(model.get().id());
        if (byId != null) {
            return Optional.of(byId);
        }
        for (String alias : model.get().aliases()) {
            ModelPrice byAlias = prices.get(alias);
            if (byAlias != null) {
                return Optional.of(byAlias);
            }
        }
        return Optional.empty();
    }

    /** Model ids from {@code modelIds} this sheet has no price for (directly or via aliases). */
    public List<String> unpriced(List<String> modelIds, Catalog catalog) {
        List<String> missing = new ArrayList<>();
        for (String id : modelIds) {
            if (priceOf(id, catalog).isEmpty()) {
                missing.add(id);
            }
        }
        return missing;
    }
}
