package dev.switchyard.engine.sample;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.pricing.PriceSheet;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The bundled sample data as loaded: catalog, dated price sheets (manifest order) and traffic samples. */
public record SampleBundle(Path dir, Catalog catalog, List<PriceSheet> priceSheets, List<NamedTraffic> traffic) {
    public SampleBundle {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(catalog, "catalog");
        priceSheets = List.copyOf(priceSheets);
        traffic = List.copyOf(traffic);
        if (priceSheets.isEmpty() || traffic.isEmpty()) {
            throw new IllegalArgumentException("a sample bundle needs at least one price sheet and one traffic sample");
        }
    }

    /** The first price sheet of the manifest: the list prices. */
    public PriceSheet defaultPriceSheet() {
        return priceSheets.get(0);
    }

    /** The first traffic sample of the manifest: the main sample the app opens on. */
    public NamedTraffic defaultTraffic() {
        return traffic.get(0);
    }

    public Optional<PriceSheet> priceSheet(String name) {
        return priceSheets.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<NamedTraffic> traffic(String name) {
        return traffic.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
