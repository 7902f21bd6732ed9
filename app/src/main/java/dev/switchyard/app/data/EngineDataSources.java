package dev.switchyard.app.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.CatalogJson;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.pricing.importer.PriceImporter;
import dev.switchyard.engine.sample.SampleData;
import dev.switchyard.engine.traffic.importer.ImportOptions;
import dev.switchyard.engine.traffic.importer.ImportReport;
import dev.switchyard.engine.traffic.importer.SkippedRow;
import dev.switchyard.engine.traffic.importer.TrafficImport;
import dev.switchyard.engine.traffic.importer.TrafficImporter;

/** {@link DataSources} on the engine's readers, writers and bundled sample. */
public final class EngineDataSources implements DataSources {

    /** The sample being read ahead of the first {@link #loadSample()}, or null. */
    private static final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.FutureTask<DataSet>> PREFETCH =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * Starts reading the bundled sample on a background thread, so that the JavaFX toolkit and the
     * sample (about a second each on a cold JVM) start up side by side instead of one after the other.
     * The next {@link #loadSample()} takes the result; later ones read the files again.
     */
    public static void prefetchSample() {
        java.util.concurrent.FutureTask<DataSet> task = new java.util.concurrent.FutureTask<>(EngineDataSources::readSample);
        if (PREFETCH.compareAndSet(null, task)) {
            Thread reader = new Thread(task, "switchyard-sample-prefetch");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /**
     * Waits for the sample {@link #prefetchSample()} is reading and returns it without taking it (the next
     * {@link #loadSample()} still gets this very object); null when nothing was prefetched or the read failed (the
     * app's own {@link #loadSample()} then reports why).
     */
    public static DataSet awaitPrefetched() {
        java.util.concurrent.FutureTask<DataSet> task = PREFETCH.get();
        if (task == null) {
            return null;
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return null;
        }
    }

    @Override
    public java.util.Optional<DataSet> sampleIfRead() {
        java.util.concurrent.FutureTask<DataSet> task = PREFETCH.get();
        if (task == null || !task.isDone()) {
            return java.util.Optional.empty();
        }
        try {
            DataSet ds = task.get(); // done: does not wait
            return ds != null && PREFETCH.compareAndSet(task, null) ? java.util.Optional.of(ds) : java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            return java.util.Optional.empty(); // loadSample reports why
        }
    }

    @Override
    public DataSet loadSample() throws IOException, ImportException {
        java.util.concurrent.FutureTask<DataSet> prefetched = PREFETCH.getAndSet(null);
        if (prefetched != null) {
            try {
                return prefetched.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while reading the sample");
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof ImportException ie) {
                    throw ie;
                }
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IOException("reading the bundled sample failed: " + e.getCause(), e.getCause());
            }
        }
        return readSample();
    }

    private static DataSet readSample() throws IOException, ImportException {
        // Only the sample the app opens on: the others stay on disk until the user imports them,
        // which keeps start-up fast.
        dev.switchyard.engine.sample.SampleBundle bundle = SampleData.loadDefault(SampleData.locate());
        var opening = bundle.defaultTraffic();
        dev.switchyard.app.Startup.mark("sample read");
        return new DataSet(bundle.catalog(), bundle.priceSheets(), opening.sample(), "bundled sample: " + opening.name());
    }

    @Override
    public Catalog readCatalog(Path file) throws IOException, ImportException {
        return CatalogJson.read(file);
    }

    @Override
    public PriceSheet readPriceSheet(Path file) throws IOException, ImportException {
        return PriceImporter.importFile(file);
    }

    @Override
    public TrafficLoad readTraffic(List<Path> files, Catalog catalog) throws IOException, ImportException {
        TrafficImport imported = TrafficImporter.importFiles(files, ImportOptions.defaults().withCatalog(catalog));
        return new TrafficLoad(imported.sample(), notes(imported.report()));
    }

    static List<String> notes(ImportReport r) {
        List<String> notes = new ArrayList<>();
        if (!r.skippedRows().isEmpty()) {
            StringBuilder sb = new StringBuilder(r.skippedRows().size() + " incomplete rows left out (");
            int shown = 0;
            for (SkippedRow s : r.skippedRows()) {
                if (shown++ == 5) {
                    sb.append(", …");
                    break;
                }
                sb.append(shown > 1 ? ", " : "").append(Path.of(s.file()).getFileName()).append(" line ").append(s.line());
            }
            notes.add(sb.append(')').toString());
        }
        if (!r.droppedModels().isEmpty()) {
            notes.add("models dropped for missing cells: " + String.join(", ", r.droppedModels()));
        }
        notes.addAll(r.notes());
        return notes;
    }

    @Override
    public void writeCatalog(Catalog catalog, Path file) throws IOException {
        CatalogJson.write(catalog, file);
    }
}
