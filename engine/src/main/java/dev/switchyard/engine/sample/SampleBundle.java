package dev.switchyard.engine.sample;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.pricing.PriceSheet;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The bundled sample data as loaded: catalog, dated price sheets (manifest order) and traffic samples. */
public record SampleBundle(Path dir, Catalog catalog, List<PriceSheet> priceSheets, List<NamedTraffic> traffic,
                           String defaultTrafficName) {

    /** A bundle that opens on its first traffic sample. */
    public SampleBundle(Path dir, Catalog catalog, List<PriceSheet> priceSheets, List<NamedTraffic> traffic) {
        this(dir, catalog, priceSheets, traffic, null);
    }

    public SampleBundle {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(catalog, "catalog");
        priceSheets = List.copyOf(priceSheets);
        traffic = List.copyOf(traffic);
        if (priceSheets.isEmpty() || traffic.isEmpty()) {
            throw new IllegalArgumentException("a sample bundle needs at least one price sheet and one traffic sample");
        }
        if (defaultTrafficName != null && traffic.stream().noneMatch(t -> t.name().equals(defaultTrafficName))) {
            throw new IllegalArgumentException("the default traffic sample '" + defaultTrafficName + "' is not in the bundle");
        }
    }

    /** The first price sheet of the manifest: the list prices. */
    public PriceSheet defaultPriceSheet() {
        return priceSheets.get(0);
    }

    /** The traffic sample the app opens on: the manifest's {@code defaultTraffic}, else the first. */
    public NamedTraffic defaultTraffic() {
        return defaultTrafficName == null ? traffic.get(0) : traffic(defaultTrafficName).orElseThrow();
    }

    public Optional<PriceSheet> priceSheet(String name) {
        return priceSheets.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<NamedTraffic> traffic(String name) {
        return traffic.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
