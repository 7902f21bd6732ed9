package dev.switchyard.engine.workspace;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.CatalogJson;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.pricing.PriceSheetJson;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.traffic.TrafficSample;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One open planning project: a single SQLite file holding inputs, scenarios, results and pinned
 * comparisons. This is the package's facade: the file's lifecycle lives in {@link WorkspaceStore}
 * (opening, read-only, session lock, backups, crash recovery), the tables in small repositories
 * ({@link DatasetRepository}, {@link ScenarioRepository}, {@link RunRepository},
 * {@link ComparisonRepository}). The package is the only one that speaks JDBC.
 *
 * <p>Thread-safe: every method may be called from any thread and may block (disk, fsync), so a UI
 * calls it off its event thread. A method that stores something returns only after the data is
 * durable (WAL, {@code synchronous=FULL}). Settings and their reasons:
 * docs/decisions/0601-workspace-sqlite-settings.md; crash handling: 0603; locking, read-only and
 * full disks: 0605.
 *
 * <p>While open for writing, a session lock keeps every other writer out (a second window, a CLI
 * run storing a result, {@code workspace new --force}): they get {@link WorkspaceException.Reason#LOCKED}.
 * Readers ({@link #openReadOnly}) may read while a session writes.
 */
public final class Workspace implements AutoCloseable {
    /** Suffix of the last-good backup kept beside the workspace file. */
    public static final String BACKUP_SUFFIX = ".bak";
    /** Conventional extension; not required. */
    public static final String EXTENSION = ".switchyard";
    static final int BUSY_TIMEOUT_MS = WorkspaceStore.BUSY_TIMEOUT_MS;

    /** Fills a workspace being created, before it appears under its name (see {@link #create(Path, boolean, Initializer)}). */
    @FunctionalInterface
    public interface Initializer {
        void fill(Workspace w) throws WorkspaceException;
    }

    private final WorkspaceStore store;
    private final DatasetRepository datasets;
    private final ScenarioRepository scenarios;
    private final RunRepository runs;
    private final ComparisonRepository comparisons;

    Workspace(WorkspaceStore store) {
        this.store = store;
        this.datasets = new DatasetRepository(store);
        this.scenarios = new ScenarioRepository(store, datasets);
        this.runs = new RunRepository(store, scenarios);
        this.comparisons = new ComparisonRepository(store);
    }

    // ------------------------------------------------------------------ lifecycle

    /** Creates a new, empty workspace; refuses to replace an existing file. */
    public static Workspace create(Path file) throws WorkspaceException {
        return create(file, false);
    }

    /**
     * Creates a new, empty workspace. The file is built beside the target under a temporary name
     * and moved into place, so a crash never leaves half a workspace. Replacing a file another
     * session has open is refused ({@link WorkspaceException.Reason#LOCKED}).
     *
     * @param replaceExisting the user confirmed overwriting an existing file
     */
    public static Workspace create(Path file, boolean replaceExisting) throws WorkspaceException {
        return create(file, replaceExisting, null);
    }

    /**
     * Creates a workspace and fills it (e.g. with the sample data) <em>before</em> it appears under
     * its name: if filling fails (a full disk), nothing is left behind and a replaced file is kept.
     */
    public static Workspace create(Path file, boolean replaceExisting, Initializer initializer) throws WorkspaceException {
        return new Workspace(WorkspaceStore.create(file, replaceExisting, initializer == null ? null : initializer::fill));
    }

    /**
     * Opens a workspace. Refuses (leaving the file untouched) a missing file, a non-SQLite file,
     * another program's database, a file from a newer Switchyard, a truncated or damaged file and
     * a file another session is writing. After an unclean shutdown it runs a full integrity check
     * (letting SQLite apply a pending WAL first) and, if that fails and a good backup exists,
     * restores the backup (the damaged file is kept beside it); {@link #openReport()} says what
     * happened. Older schemas are migrated. A file or folder this process cannot write is opened
     * read-only ({@link #isReadOnly()}, {@link OpenReport#readOnly()}).
     */
    public static Workspace open(Path file) throws WorkspaceException {
        return new Workspace(WorkspaceStore.open(file));
    }

    /**
     * Opens for reading only, even while a session (the app) is writing it: the CLI's export and
     * info. Nothing is written: no lock, no migration, no backup; store methods are refused.
     */
    public static Workspace openReadOnly(Path file) throws WorkspaceException {
        return new Workspace(WorkspaceStore.openReadOnly(file, WorkspaceStore.whyReadOnly(file.toAbsolutePath().normalize())));
    }

    /**
     * Replaces a damaged workspace with its last good backup (the damaged file and its sidecars are
     * moved aside with a ".damaged-TIME" suffix, never deleted) and opens it.
     */
    public static Workspace restoreFromBackup(Path file) throws WorkspaceException {
        return new Workspace(WorkspaceStore.restoreFromBackup(file));
    }

    /** Where the last-good backup of {@code file} lives. */
    public static Path backupOf(Path file) {
        Path f = file.toAbsolutePath().normalize();
        return f.resolveSibling(f.getFileName() + BACKUP_SUFFIX);
    }

    public Path file() {
        return store.file();
    }

    /** True when nothing can be stored (read-only file or folder, or {@link #openReadOnly}); offer Save As. */
    public boolean isReadOnly() {
        return store.readOnly();
    }

    /** What happened when this workspace was opened (recovery, restore, migration, read-only). */
    public OpenReport openReport() {
        return store.openReport();
    }

    /** How often {@link #backupIfDue()} refreshes the backup; saves are cheap, backups copy the whole file. */
    public void setBackupInterval(Duration interval) {
        store.setBackupInterval(interval);
    }

    /**
     * Makes the last-good backup now: a consistent snapshot with {@code VACUUM INTO} to a temp file,
     * fsynced, then moved over the previous backup. Never copies the live file.
     */
    public void backupNow() throws WorkspaceException {
        store.backupNow();
    }

    /** Refreshes the backup when the last one is older than the backup interval. */
    public boolean backupIfDue() throws WorkspaceException {
        return store.backupIfDue();
    }

    /**
     * Save As: writes a consistent copy to {@code target} (replacing it atomically) that opens as a
     * cleanly closed workspace; works on a read-only workspace too. This workspace stays open;
     * {@link WorkspaceService#saveAs} switches to the copy.
     */
    public void saveCopyAs(Path target) throws WorkspaceException {
        store.saveCopyAs(target);
    }

    /** Runs {@code PRAGMA integrity_check}; returns the problems found (empty when the file is sound). */
    public List<String> integrityCheck() throws WorkspaceException {
        return store.integrityCheck();
    }

    /**
     * Closes cleanly: refreshes the backup, marks the session closed, checkpoints the WAL into the
     * main file, releases the session lock. Idempotent.
     */
    @Override
    public void close() throws WorkspaceException {
        store.close();
    }

    /** A metadata value (workspace_id, created_at, created_by_engine, ...). */
    public Optional<String> meta(String key) throws WorkspaceException {
        return store.meta(key);
    }

    /** Test seam: SQLite fails writes beyond this many pages with SQLITE_FULL, exactly as on a full disk. */
    void limitPagesForTesting(long maxPages) throws WorkspaceException {
        store.limitPages(maxPages);
    }

    // ------------------------------------------------------------------ datasets

    /** Stores a traffic sample (compact binary, hashed). Storing the same content again returns the existing entry. */
    public DatasetInfo putTraffic(TrafficSample sample, String originalFile) throws WorkspaceException {
        return datasets.putTraffic(sample, originalFile);
    }

    /** Stores a catalog in its native JSON ({@code CatalogJson}); hash over the bytes. */
    public DatasetInfo putCatalogJson(String name, String originalFile, byte[] nativeJson) throws WorkspaceException {
        return datasets.putCatalogJson(name, originalFile, nativeJson);
    }

    /** Stores a price sheet in its native JSON ({@code PriceSheetJson}); hash over the bytes. */
    public DatasetInfo putPriceSheetJson(String name, String originalFile, byte[] nativeJson) throws WorkspaceException {
        return datasets.putPriceSheetJson(name, originalFile, nativeJson);
    }

    /** Stores a catalog as its native JSON ({@link CatalogJson}). */
    public DatasetInfo putCatalog(Catalog catalog, String originalFile) throws WorkspaceException {
        return datasets.putCatalog(catalog, originalFile);
    }

    /** Stores a price sheet as its native JSON ({@link PriceSheetJson}). */
    public DatasetInfo putPriceSheet(PriceSheet sheet, String originalFile) throws WorkspaceException {
        return datasets.putPriceSheet(sheet, originalFile);
    }

    public Catalog loadCatalog(String hash) throws WorkspaceException {
        return datasets.loadCatalog(hash);
    }

    public PriceSheet loadPriceSheet(String hash) throws WorkspaceException {
        return datasets.loadPriceSheet(hash);
    }

    public List<DatasetInfo> datasets(DatasetKind kind) throws WorkspaceException {
        return datasets.datasets(kind);
    }

    public Optional<DatasetInfo> dataset(String hash) throws WorkspaceException {
        return datasets.dataset(hash);
    }

    /** The traffic sample stored under {@code hash}, decoded and verified against the hash. */
    public TrafficSample loadTraffic(String hash) throws WorkspaceException {
        return datasets.loadTraffic(hash);
    }

    /** The native JSON of a stored catalog or price sheet, verified against its hash. */
    public byte[] loadJson(String hash) throws WorkspaceException {
        return datasets.loadJson(hash);
    }

    /** Deletes an input no scenario or result uses; otherwise says who uses it. */
    public void deleteDataset(String hash) throws WorkspaceException {
        datasets.deleteDataset(hash);
    }

    // ------------------------------------------------------------------ scenarios

    /** Inserts or replaces the scenario with this name; returns it with its new revision and time. */
    public ScenarioDocument saveScenario(ScenarioDocument doc) throws WorkspaceException {
        return scenarios.save(doc);
    }

    public Optional<ScenarioDocument> scenario(String name) throws WorkspaceException {
        return scenarios.find(name);
    }

    public List<ScenarioDocument> scenarios() throws WorkspaceException {
        return scenarios.all();
    }

    /**
     * Stores a simulator {@link Scenario}: its inputs (deduplicated by content hash) and its
     * settings as {@link ScenarioJson}. Returns the saved document.
     */
    public ScenarioDocument saveScenario(Scenario scenario) throws WorkspaceException {
        return scenarios.save(scenario);
    }

    /** Stores a scenario's traffic, catalog and price sheet (once each) and returns their hashes. */
    public InputRefs storeInputs(Scenario scenario) throws WorkspaceException {
        return scenarios.storeInputs(scenario);
    }

    /** Rebuilds a stored scenario with its inputs, ready to simulate. */
    public Scenario loadScenario(String name) throws WorkspaceException {
        return scenarios.load(name);
    }

    /** The router's own aim stored with scenario {@code name} (NaN: it aims at the contract target, or no such scenario). */
    public double loadAim(String name) throws WorkspaceException {
        return scenario(name).map(Workspace::aimOf).orElse(Double.NaN);
    }

    /** Rebuilds the scenario a document describes, loading its inputs. */
    public Scenario toScenario(ScenarioDocument doc) throws WorkspaceException {
        return scenarios.toScenario(doc);
    }

    /** Deletes a scenario; its past results keep their snapshot of it. */
    public boolean deleteScenario(String name) throws WorkspaceException {
        return scenarios.delete(name);
    }

    public void renameScenario(String from, String to) throws WorkspaceException {
        scenarios.rename(from, to);
    }

    // ------------------------------------------------------------------ results

    /** Stores a run result; its inputs must already be stored. Returns it with id and time. */
    public RunRecord recordRun(RunRecord run) throws WorkspaceException {
        return runs.record(run);
    }

    /**
     * Stores a simulation of {@code scenario}: its inputs (deduplicated), the scenario snapshot,
     * seed, engine version and the full result as JSON.
     */
    public RunRecord recordSimulation(Scenario scenario, SimulationResult result, String label) throws WorkspaceException {
        return runs.recordSimulation(scenario, result, label);
    }

    /**
     * Stores a run whose router was set to aim at {@code aim} while {@code contract}'s target is what it promises and is
     * judged against (the planner's safety margin, issue 9): the snapshot keeps both ({@link ScenarioJson#aimOf}).
     */
    public RunRecord recordSimulation(Scenario contract, double aim, SimulationResult result, String label)
            throws WorkspaceException {
        return runs.recordSimulation(contract, aim, result, label);
    }

    /** The router's own aim of a stored run (NaN: it aimed at the contract target). */
    public static double aimOf(RunRecord run) {
        return ScenarioJson.aimOf(run.scenarioJson());
    }

    /** The router's own aim of a stored scenario (NaN: it aims at the contract target). */
    public static double aimOf(ScenarioDocument doc) {
        return ScenarioJson.aimOf(doc.json());
    }

    /** Rebuilds the scenario exactly as a stored run used it (snapshot and inputs), e.g. to re-run it. */
    public Scenario scenarioOf(RunRecord run) throws WorkspaceException {
        return runs.scenarioOf(run);
    }

    public Optional<RunRecord> run(long id) throws WorkspaceException {
        return runs.find(id);
    }

    /** Results of one scenario (by the name it had when it ran), oldest first. */
    public List<RunRecord> runs(String scenarioName) throws WorkspaceException {
        return runs.ofScenario(scenarioName);
    }

    public List<RunRecord> allRuns() throws WorkspaceException {
        return runs.all();
    }

    public boolean deleteRun(long id) throws WorkspaceException {
        return runs.delete(id);
    }

    // ------------------------------------------------------------------ pinned comparisons

    /** Pins (or re-pins, replacing) a named comparison of stored runs. */
    public Comparison pinComparison(String name, String note, List<Long> runIds) throws WorkspaceException {
        return comparisons.pin(name, note, runIds);
    }

    public List<Comparison> comparisons() throws WorkspaceException {
        return comparisons.all();
    }

    public boolean unpinComparison(String name) throws WorkspaceException {
        return comparisons.unpin(name);
    }

    // ------------------------------------------------------------------ for tests in this package

    static List<String> check(Connection c, String pragma) throws SQLException {
        return WorkspaceStore.check(c, pragma);
    }

    static Path sidecar(Path file, String suffix) {
        return DurableFiles.sidecar(file, suffix);
    }
}
