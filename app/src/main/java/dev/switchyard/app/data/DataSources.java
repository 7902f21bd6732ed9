package dev.switchyard.app.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.traffic.TrafficSample;

/**
 * The engine's readers and writers as the data screen needs them. One implementation calls the
 * engine ({@link EngineDataSources}); tests may pass their own. Every method is slow (disk) and
 * is only ever called off the FX thread.
 */
public interface DataSources {

    /** The bundled sample data (catalog, sheets, traffic), found without set-up. */
    DataSet loadSample() throws IOException, ImportException;

    /**
     * The bundled sample when it has already been read (a start-up prefetch that finished), without waiting and without
     * reading anything; empty otherwise ({@link #loadSample} then reads it, off the UI thread).
     */
    default java.util.Optional<DataSet> sampleIfRead() {
        return java.util.Optional.empty();
    }

    Catalog readCatalog(Path file) throws IOException, ImportException;

    PriceSheet readPriceSheet(Path file) throws IOException, ImportException;

    /** Several files are merged into one sample; {@code notes} says what was skipped or dropped. */
    TrafficLoad readTraffic(List<Path> files, Catalog catalog) throws IOException, ImportException;

    void writeCatalog(Catalog catalog, Path file) throws IOException;

    record TrafficLoad(TrafficSample sample, List<String> notes) {
        public TrafficLoad {
            notes = List.copyOf(notes);
        }
    }
}
