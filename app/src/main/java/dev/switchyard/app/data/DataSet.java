package dev.switchyard.app.data;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.traffic.TrafficSample;

/**
 * What the planner works on: one catalog, the price sheets (newest last is typical) and one
 * traffic sample. Immutable: an import or an edit builds a new one, so a failed import changes
 * nothing.
 *
 * @param origin where it came from, for the title bar and status ("bundled sample", a file)
 */
public record DataSet(Catalog catalog, List<PriceSheet> priceSheets, TrafficSample traffic, String origin) {

    public DataSet {
        Objects.requireNonNull(catalog, "catalog");
        priceSheets = List.copyOf(priceSheets);
        Objects.requireNonNull(traffic, "traffic");
        origin = origin == null ? "" : origin;
    }

    public Optional<PriceSheet> sheet(String label) {
        return priceSheets.stream().filter(s -> s.label().equals(label)).findFirst();
    }

    public DataSet withCatalog(Catalog c) {
        return new DataSet(c, priceSheets, traffic, origin);
    }

    public DataSet withTraffic(TrafficSample t, String newOrigin) {
        return new DataSet(catalog, priceSheets, t, newOrigin);
    }

    /** Adds a sheet, replacing one with the same label. */
    public DataSet withSheet(PriceSheet sheet) {
        List<PriceSheet> sheets = new java.util.ArrayList<>(priceSheets);
        sheets.removeIf(s -> s.label().equals(sheet.label()));
        sheets.add(sheet);
        return new DataSet(catalog, sheets, traffic, origin);
    }
}
