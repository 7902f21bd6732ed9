package dev.switchyard.app.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.switchyard.app.common.TaskRunner;
import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.ModelInfo;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.pricing.CostTable;
import dev.switchyard.engine.pricing.PriceSheet;

/**
 * The data screen: the loaded catalog (editable), price sheets and their diff, traffic
 * statistics, and imports whose failures are shown located, in place. Never references a Node.
 */
public final class DataViewModel {
    private final DataSession session;
    private final DataSources sources;
    private final TaskRunner runner;
    private final Consumer<Path> rememberFile;

    private final ObservableList<ModelInfo> models = FXCollections.observableArrayList();
    /** Handed out instead of {@code models}: one wrapper, so listeners on it are not garbage-collected with a throwaway copy. */
    private final ObservableList<ModelInfo> readOnlyModels = FXCollections.unmodifiableObservableList(models);
    private final ObservableList<String> sheetLabels = FXCollections.observableArrayList();
    /** Handed out instead of {@code sheetLabels}: one wrapper, so listeners on it are not garbage-collected with a throwaway copy. */
    private final ObservableList<String> readOnlySheetLabels = FXCollections.unmodifiableObservableList(sheetLabels);
    private final ObjectProperty<String> costSheet = new SimpleObjectProperty<>(this, "costSheet");
    private final ObjectProperty<String> diffBefore = new SimpleObjectProperty<>(this, "diffBefore");
    private final ObjectProperty<String> diffAfter = new SimpleObjectProperty<>(this, "diffAfter");
    private final ObservableList<PriceDiff.Row> diffRows = FXCollections.observableArrayList();
    /** Handed out instead of {@code diffRows}: one wrapper, so listeners on it are not garbage-collected with a throwaway copy. */
    private final ObservableList<PriceDiff.Row> readOnlyDiffRows = FXCollections.unmodifiableObservableList(diffRows);
    private final ReadOnlyObjectWrapper<TrafficStats> stats = new ReadOnlyObjectWrapper<>(this, "stats");
    private final ReadOnlyObjectWrapper<ImportProblem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "No data loaded");
    private TaskRunner.Handle statsTask;

    public DataViewModel(DataSession session, DataSources sources, TaskRunner runner, Consumer<Path> rememberFile) {
        this.session = Objects.requireNonNull(session);
        this.sources = Objects.requireNonNull(sources);
        this.runner = Objects.requireNonNull(runner);
        this.rememberFile = rememberFile == null ? p -> { } : rememberFile;
        session.dataSetProperty().addListener((o, was, now) -> onDataSet(now));
        costSheet.addListener((o, was, now) -> recomputeStats());
        diffBefore.addListener((o, was, now) -> recomputeDiff());
        diffAfter.addListener((o, was, now) -> recomputeDiff());
        if (session.get() != null) {
            onDataSet(session.get());
        }
    }

    // ---- commands ---------------------------------------------------------------------------

    /**
     * Puts the bundled sample on screen at once when it has already been read (the start-up prefetch), so the window's
     * first layout is the one with data and the screens ask their questions before it (decision 1120); false when it has
     * not been read yet ({@link #loadSample} then reads it in the background). Never waits.
     */
    public boolean loadSampleIfRead() {
        java.util.Optional<DataSet> ready = sources.sampleIfRead();
        ready.ifPresent(ds -> {
            problem.set(null);
            session.set(ds);
        });
        return ready.isPresent();
    }

    /** Loads the bundled sample (what the app opens on). */
    public void loadSample() {
        runner.submit("Loading sample data", sink -> sources.loadSample(), ds -> {
            problem.set(null);
            session.set(ds);
        }, this::fail);
    }

    public void importCatalog(Path file) {
        runner.submit("Importing catalog " + file.getFileName(), sink -> sources.readCatalog(file), c -> {
            accept(file, "Catalog '" + c.name() + "' loaded: " + c.models().size() + " models");
            session.set(current().withCatalog(c));
        }, e -> failImport(file, e));
    }

    public void importPriceSheet(Path file) {
        runner.submit("Importing prices " + file.getFileName(), sink -> sources.readPriceSheet(file), sheet -> {
            accept(file, "Price sheet '" + sheet.label() + "' loaded: " + sheet.prices().size() + " models priced");
            session.set(current().withSheet(sheet));
            costSheet.set(sheet.label());
        }, e -> failImport(file, e));
    }

    public void importTraffic(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        Catalog catalog = current() == null ? Catalog.empty() : current().catalog();
        runner.submit("Importing traffic", sink -> sources.readTraffic(files, catalog), load -> {
            files.forEach(rememberFile);
            problem.set(null);
            String origin = files.size() == 1 ? files.get(0).getFileName().toString() : files.size() + " traffic files";
            notice.set("Traffic '" + load.sample().name() + "' loaded: " + load.sample().size() + " queries x "
                    + load.sample().modelCount() + " models" + (load.notes().isEmpty() ? "" : ". " + String.join("; ", load.notes()))
                    + pricingNote(load.sample()));
            session.set(current().withTraffic(load.sample(), origin));
        }, e -> failImport(files.get(0), e));
    }

    /** Drag and drop: each file's kind is sniffed; traffic files are imported together. */
    public void importDropped(List<Path> files) {
        runner.submit("Reading dropped files", sink -> {
            List<List<Path>> byKind = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (Path f : files) {
                byKind.get(FileKind.sniff(f).ordinal()).add(f);
            }
            return byKind;
        }, byKind -> {
            byKind.get(FileKind.CATALOG.ordinal()).forEach(this::importCatalog);
            byKind.get(FileKind.PRICES.ordinal()).forEach(this::importPriceSheet);
            importTraffic(byKind.get(FileKind.TRAFFIC.ordinal()));
        }, e -> failImport(files.isEmpty() ? null : files.get(0), e));
    }

    /**
     * Replaces one catalog entry (an edit in the table).
     *
     * @return null when accepted, else why not (the edit is then not applied)
     */
    public String editModel(String id, ModelInfo edited) {
        DataSet ds = current();
        if (ds == null) {
            return "no catalog loaded";
        }
        List<ModelInfo> list = new ArrayList<>(ds.catalog().models());
        int index = -1;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(id)) {
                index = i;
            }
        }
        if (index < 0) {
            return "model '" + id + "' is not in the catalog";
        }
        try {
            list.set(index, edited);
            Catalog next = new Catalog(ds.catalog().name(), list);
            session.set(ds.withCatalog(next));
            notice.set("Edited " + edited.id());
            return null;
        } catch (IllegalArgumentException e) {
            notice.set("Edit rejected: " + e.getMessage());
            return e.getMessage();
        }
    }

    public void saveCatalog(Path file) {
        Catalog catalog = current().catalog();
        runner.submit("Saving catalog", sink -> {
            sources.writeCatalog(catalog, file);
            return file;
        }, f -> {
            rememberFile.accept(f);
            notice.set("Catalog saved to " + f);
        }, e -> notice.set("Could not save catalog: " + e.getMessage()));
    }

    public void dismissProblem() {
        problem.set(null);
    }

    // ---- derived state ----------------------------------------------------------------------

    private DataSet current() {
        return session.get();
    }

    private void onDataSet(DataSet ds) {
        if (ds == null) {
            models.clear();
            sheetLabels.clear();
            stats.set(null);
            summary.set("No data loaded");
            return;
        }
        models.setAll(ds.catalog().models());
        List<String> labels = ds.priceSheets().stream().map(PriceSheet::label).toList();
        sheetLabels.setAll(labels);
        summary.set(ds.traffic().name() + ": " + ds.traffic().size() + " queries, " + ds.traffic().modelCount()
                + " models, " + ds.traffic().categories().size() + " categories; catalog '" + ds.catalog().name()
                + "' (" + ds.catalog().models().size() + " models); "
                + dev.switchyard.app.common.Formats.plural(labels.size(), "price sheet", "price sheets"));
        if (labels.isEmpty()) {
            costSheet.set(null);
            diffBefore.set(null);
            diffAfter.set(null);
        } else {
            if (costSheet.get() == null || !labels.contains(costSheet.get())) {
                costSheet.set(labels.get(labels.size() - 1));
            }
            if (diffBefore.get() == null || !labels.contains(diffBefore.get())) {
                diffBefore.set(labels.get(0));
            }
            if (diffAfter.get() == null || !labels.contains(diffAfter.get())) {
                diffAfter.set(labels.get(labels.size() - 1));
            }
        }
        recomputeStats();
        recomputeDiff();
    }

    private void recomputeDiff() {
        DataSet ds = current();
        if (ds == null || diffBefore.get() == null || diffAfter.get() == null) {
            diffRows.clear();
            return;
        }
        PriceSheet a = ds.sheet(diffBefore.get()).orElse(null);
        PriceSheet b = ds.sheet(diffAfter.get()).orElse(null);
        if (a == null || b == null) {
            diffRows.clear();
            return;
        }
        diffRows.setAll(PriceDiff.between(a, b));
    }

    private void recomputeStats() {
        DataSet ds = current();
        if (ds == null) {
            return;
        }
        if (statsTask != null) {
            statsTask.cancel();
        }
        PriceSheet sheet = costSheet.get() == null ? null : ds.sheet(costSheet.get()).orElse(null);
        statsTask = runner.submit("Traffic statistics", sink -> {
            CostTable costs = null;
            String note;
            try {
                costs = CostTable.of(ds.traffic(), sheet, ds.catalog());
                note = "Costs from " + costs.basis();
            } catch (CostTable.UnpricedModelsException e) {
                note = e.getMessage();
            }
            return TrafficStats.compute(ds.traffic(), costs, note, sink);
        }, stats::set, e -> notice.set("Could not compute traffic statistics: " + e.getMessage()));
    }

    /** How the new traffic will be priced: the loaded sheets are kept; without any, the user is asked for one. */
    private String pricingNote(dev.switchyard.engine.traffic.TrafficSample sample) {
        List<PriceSheet> sheets = current() == null ? List.of() : current().priceSheets();
        if (!sheets.isEmpty()) {
            return ". Priced with " + (sheets.size() == 1 ? "the price sheet '" + sheets.get(0).label() + "'"
                    : "the loaded price sheets (newest: '" + sheets.get(sheets.size() - 1).label() + "')") + ".";
        }
        return sample.hasRecordedCosts() ? ". Priced from the costs recorded in the file."
                : ". It records no costs per request: import a price sheet (File > Import price sheet…) to run scenarios.";
    }

    private void accept(Path file, String message) {
        rememberFile.accept(file);
        problem.set(null);
        notice.set(message);
    }

    private void fail(Throwable e) {
        problem.set(e instanceof ImportException ie ? ImportProblem.of(ie, null)
                : ImportProblem.ofOther(null, e instanceof Exception ex ? ex : new IOException(e)));
    }

    private void failImport(Path file, Throwable e) {
        if (e instanceof ImportException ie) {
            problem.set(ImportProblem.of(ie, file));
        } else {
            problem.set(ImportProblem.ofOther(file, e instanceof Exception ex ? ex : new IOException(e)));
        }
        notice.set("");
    }

    // ---- properties -------------------------------------------------------------------------

    public ObservableList<ModelInfo> models() {
        return readOnlyModels;
    }

    public ObservableList<String> sheetLabels() {
        return readOnlySheetLabels;
    }

    public ObjectProperty<String> costSheetProperty() {
        return costSheet;
    }

    public ObjectProperty<String> diffBeforeProperty() {
        return diffBefore;
    }

    public ObjectProperty<String> diffAfterProperty() {
        return diffAfter;
    }

    public ObservableList<PriceDiff.Row> diffRows() {
        return readOnlyDiffRows;
    }

    public ReadOnlyObjectProperty<TrafficStats> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImportProblem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public DataSession session() {
        return session;
    }
}
