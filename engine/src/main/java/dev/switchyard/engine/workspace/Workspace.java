package dev.switchyard.engine.workspace;

import dev.switchyard.engine.EngineInfo;
import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.CatalogJson;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.pricing.PriceSheetJson;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.io.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchyard.engine.traffic.TrafficSample;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One open planning project: a single SQLite file holding inputs, scenarios, results and pinned
 * comparisons. The only class (with its package) that speaks JDBC.
 *
 * <p>Thread-safe: every method may be called from any thread and may block (disk, fsync), so a UI
 * calls it off its event thread. A method that stores something returns only after the data is
 * durable (WAL, {@code synchronous=FULL}). Settings and their reasons:
 * docs/decisions/0601-workspace-sqlite-settings.md; crash handling: 0603-workspace-crash-recovery.md.
 *
 * <p>While open, the file is held with SQLite's exclusive locking mode, so a second window or a
 * CLI run cannot write the same project behind the app's back; they get {@link WorkspaceException.Reason#LOCKED}.
 */
public final class Workspace implements AutoCloseable {
    /** Suffix of the last-good backup kept beside the workspace file. */
    public static final String BACKUP_SUFFIX = ".bak";
    /** Conventional extension; not required. */
    public static final String EXTENSION = ".switchyard";
    static final int BUSY_TIMEOUT_MS = 3000;
    private static final String JSON_ENCODING = "json";
    private static final String TRAFFIC_ENCODING = "sytr-" + TrafficCodec.FORMAT_VERSION + "+deflate";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path file;
    private final Connection conn;
    private final Object lock = new Object();
    private OpenReport report;
    private boolean closed;
    private Instant lastBackup;
    private volatile Duration backupInterval = Duration.ofMinutes(2);

    private Workspace(Path file, Connection conn) {
        this.file = file;
        this.conn = conn;
    }

    // ------------------------------------------------------------------ lifecycle

    /** Creates a new, empty workspace; refuses to replace an existing file. */
    public static Workspace create(Path file) throws WorkspaceException {
        return create(file, false);
    }

    /**
     * Creates a new, empty workspace. The file is built beside the target under a temporary name
     * and moved into place, so a crash never leaves half a workspace.
     *
     * @param replaceExisting the user confirmed overwriting an existing file
     */
    public static Workspace create(Path file, boolean replaceExisting) throws WorkspaceException {
        Path target = file.toAbsolutePath().normalize();
        if (Files.exists(target) && !replaceExisting) {
            throw new WorkspaceException(target, WorkspaceException.Reason.ALREADY_EXISTS,
                    target + " already exists; choose another name or confirm replacing it");
        }
        Path temp = target.resolveSibling("." + target.getFileName() + ".new-" + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            try (Connection c = connect(temp, false)) {
                WorkspaceSchema.migrate(c);
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA journal_mode=WAL");
                }
                putMeta(c, "workspace_id", UUID.randomUUID().toString());
                putMeta(c, "created_at", Instant.now().toString());
                putMeta(c, "created_by_engine", EngineInfo.version());
                putMeta(c, "session_open", "0");
            }
            fsync(temp);
            if (replaceExisting) {
                // A stale -wal of the replaced file must never be applied to the new one.
                Files.deleteIfExists(sidecar(target, "-wal"));
                Files.deleteIfExists(sidecar(target, "-shm"));
            }
            move(temp, target);
        } catch (SQLException | IOException e) {
            deleteQuietly(temp);
            throw new WorkspaceException(target, WorkspaceException.Reason.IO,
                    "could not create workspace " + target + ": " + e.getMessage(), e);
        }
        Workspace w = openChecked(target, false);
        w.report = new OpenReport(target, OpenReport.Status.CREATED, WorkspaceSchema.CURRENT_VERSION,
                WorkspaceSchema.CURRENT_VERSION, false, null, null, null, List.of("Created a new workspace."));
        return w;
    }

    /**
     * Opens a workspace. Refuses (leaving the file untouched) a missing file, a non-SQLite file,
     * another program's database, a file from a newer Switchyard, a truncated or damaged file and
     * a file another process holds open. After an unclean shutdown it runs a full integrity check
     * and, if that fails and a good backup exists, restores the backup (the damaged file is kept
     * beside it); {@link #openReport()} says what happened. Older schemas are migrated.
     */
    public static Workspace open(Path file) throws WorkspaceException {
        Path target = file.toAbsolutePath().normalize();
        Probe probe = probe(target);
        if (probe.damage() != null) {
            boolean unclean = probe.sessionOpen() || Files.exists(sidecar(target, "-wal"));
            Optional<Instant> backup = validBackup(target);
            if (unclean && backup.isPresent()) {
                return restore(target, backup.get(), "The workspace was not closed cleanly and is damaged ("
                        + probe.damage() + ").");
            }
            throw new WorkspaceException(target, WorkspaceException.Reason.CORRUPT,
                    target.getFileName() + " is damaged (" + probe.damage() + "). Nothing was changed."
                            + (backup.isPresent() ? " A backup from " + backup.get()
                            + " is available: restore it to continue from that point." : " No backup is available."),
                    backup.isPresent(), null);
        }
        Workspace w = openChecked(target, true);
        List<String> messages = new ArrayList<>();
        OpenReport.Status status = OpenReport.Status.CLEAN;
        if (probe.sessionOpen()) {
            status = OpenReport.Status.RECOVERED_AFTER_UNCLEAN_SHUTDOWN;
            messages.add("Switchyard did not close this workspace cleanly last time. It passed the integrity check"
                    + " and holds every save that completed.");
        }
        int now = probe.userVersion();
        try {
            now = w.currentVersion();
        } catch (WorkspaceException e) {
            w.closeQuietly();
            throw e;
        }
        if (now > probe.userVersion()) {
            messages.add("Upgraded the workspace format from version " + probe.userVersion() + " to " + now
                    + "; the previous file is kept as " + backupOf(target).getFileName() + ".");
        }
        w.report = new OpenReport(target, status, probe.userVersion(), now, probe.integrityChecked(), null, null, null,
                messages);
        if (status == OpenReport.Status.RECOVERED_AFTER_UNCLEAN_SHUTDOWN) {
            w.backupQuietly();
        }
        return w;
    }

    /**
     * Replaces a damaged workspace with its last good backup (the damaged file and its sidecars are
     * moved aside with a ".damaged-TIME" suffix, never deleted) and opens it.
     */
    public static Workspace restoreFromBackup(Path file) throws WorkspaceException {
        Path target = file.toAbsolutePath().normalize();
        ensureNotInUse(target);
        Optional<Instant> backup = validBackup(target);
        if (backup.isEmpty()) {
            throw new WorkspaceException(target, WorkspaceException.Reason.NOT_FOUND,
                    "there is no usable backup of " + target.getFileName() + " (looked for " + backupOf(target) + ")");
        }
        return restore(target, backup.get(), "Restored at your request.");
    }

    /**
     * Refuses to touch a file another session holds: our sessions always have a -wal file and the
     * exclusive lock, so a reader then gets SQLITE_BUSY. Other failures (a damaged file) are fine here.
     */
    private static void ensureNotInUse(Path target) throws WorkspaceException {
        if (!Files.exists(sidecar(target, "-wal"))) {
            return;
        }
        Path shm = sidecar(target, "-shm");
        boolean shmExisted = Files.exists(shm);
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
        try (Connection c = config.createConnection("jdbc:sqlite:" + target.toUri() + "?mode=ro");
             Statement s = c.createStatement()) {
            s.executeQuery("SELECT count(*) FROM sqlite_master").close();
        } catch (SQLException e) {
            if (isBusy(e)) {
                throw new WorkspaceException(target, WorkspaceException.Reason.LOCKED, target.getFileName()
                        + " is open in another Switchyard window or process; close it there first. Nothing was changed.", e);
            }
        } finally {
            if (!shmExisted) {
                deleteQuietly(shm);
            }
        }
    }

    /** Where the last-good backup of {@code file} lives. */
    public static Path backupOf(Path file) {
        Path f = file.toAbsolutePath().normalize();
        return f.resolveSibling(f.getFileName() + BACKUP_SUFFIX);
    }

    public Path file() {
        return file;
    }

    /** What happened when this workspace was opened (recovery, restore, migration). */
    public OpenReport openReport() {
        synchronized (lock) {
            return report;
        }
    }

    /** How often {@link #backupIfDue()} refreshes the backup; saves are cheap, backups copy the whole file. */
    public void setBackupInterval(Duration interval) {
        backupInterval = Objects.requireNonNull(interval);
    }

    /**
     * Makes the last-good backup now: a consistent snapshot with {@code VACUUM INTO} to a temp file,
     * fsynced, then moved over the previous backup. Never copies the live file.
     */
    public void backupNow() throws WorkspaceException {
        synchronized (lock) {
            ensureOpen();
            try {
                snapshotTo(backupOf(file));
                lastBackup = Instant.now();
            } catch (SQLException | IOException e) {
                throw failure("could not write the backup " + backupOf(file).getFileName(), e);
            }
        }
    }

    /** Refreshes the backup when the last one is older than the backup interval. */
    public boolean backupIfDue() throws WorkspaceException {
        synchronized (lock) {
            if (lastBackup != null && Duration.between(lastBackup, Instant.now()).compareTo(backupInterval) < 0) {
                return false;
            }
            backupNow();
            return true;
        }
    }

    /**
     * Save As: writes a consistent copy to {@code target} (replacing it atomically) that opens as a
     * cleanly closed workspace. This workspace stays open; {@link WorkspaceService#saveAs} switches to the copy.
     */
    public void saveCopyAs(Path target) throws WorkspaceException {
        Path t = target.toAbsolutePath().normalize();
        if (t.equals(file)) {
            throw new WorkspaceException(t, WorkspaceException.Reason.ALREADY_EXISTS,
                    "Save As needs a different file than the open workspace");
        }
        synchronized (lock) {
            ensureOpen();
            try {
                Files.createDirectories(t.getParent());
                Files.deleteIfExists(sidecar(t, "-wal"));
                Files.deleteIfExists(sidecar(t, "-shm"));
                snapshotTo(t);
            } catch (SQLException | IOException e) {
                throw failure("could not save a copy as " + t, e);
            }
        }
    }

    /** Runs {@code PRAGMA integrity_check}; returns the problems found (empty when the file is sound). */
    public List<String> integrityCheck() throws WorkspaceException {
        synchronized (lock) {
            ensureOpen();
            try {
                return check(conn, "integrity_check");
            } catch (SQLException e) {
                throw failure("integrity check failed to run", e);
            }
        }
    }

    /**
     * Closes cleanly: refreshes the backup, marks the session closed, checkpoints the WAL into the
     * main file. Idempotent.
     */
    @Override
    public void close() throws WorkspaceException {
        synchronized (lock) {
            if (closed) {
                return;
            }
            WorkspaceException first = null;
            try {
                putMeta(conn, "session_open", "0");
                snapshotTo(backupOf(file));
                try (Statement s = conn.createStatement()) {
                    s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
            } catch (SQLException | IOException e) {
                first = failure("could not close the workspace cleanly", e);
            } finally {
                closed = true;
                try {
                    conn.close();
                } catch (SQLException e) {
                    if (first == null) {
                        first = failure("could not close the workspace", e);
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    // ------------------------------------------------------------------ datasets

    /** Stores a traffic sample (compact binary, hashed). Storing the same content again returns the existing entry. */
    public DatasetInfo putTraffic(TrafficSample sample, String originalFile) throws WorkspaceException {
        TrafficCodec.Encoded encoded = TrafficCodec.encode(sample); // CPU work outside the lock
        return putDataset(DatasetKind.TRAFFIC, encoded.sha256(), sample.name(), originalFile, TRAFFIC_ENCODING,
                encoded.bytes());
    }

    /** Stores a catalog in its native JSON ({@code CatalogJson}); hash over the bytes. */
    public DatasetInfo putCatalogJson(String name, String originalFile, byte[] nativeJson) throws WorkspaceException {
        return putDataset(DatasetKind.CATALOG, TrafficCodec.sha256Hex(nativeJson), name, originalFile, JSON_ENCODING,
                nativeJson.clone());
    }

    /** Stores a price sheet in its native JSON ({@code PriceSheetJson}); hash over the bytes. */
    public DatasetInfo putPriceSheetJson(String name, String originalFile, byte[] nativeJson) throws WorkspaceException {
        return putDataset(DatasetKind.PRICE_SHEET, TrafficCodec.sha256Hex(nativeJson), name, originalFile,
                JSON_ENCODING, nativeJson.clone());
    }

    /** Stores a catalog as its native JSON ({@link CatalogJson}). */
    public DatasetInfo putCatalog(Catalog catalog, String originalFile) throws WorkspaceException {
        try {
            return putCatalogJson(catalog.name(), originalFile, CatalogJson.toBytes(catalog));
        } catch (IOException e) {
            throw new WorkspaceException(file, WorkspaceException.Reason.IO, "could not encode catalog '" + catalog.name() + "'", e);
        }
    }

    /** Stores a price sheet as its native JSON ({@link PriceSheetJson}). */
    public DatasetInfo putPriceSheet(PriceSheet sheet, String originalFile) throws WorkspaceException {
        try {
            return putPriceSheetJson(sheet.label(), originalFile, PriceSheetJson.toBytes(sheet));
        } catch (IOException e) {
            throw new WorkspaceException(file, WorkspaceException.Reason.IO, "could not encode price sheet '" + sheet.name() + "'", e);
        }
    }

    public Catalog loadCatalog(String hash) throws WorkspaceException {
        byte[] json = loadJson(hash);
        try {
            return CatalogJson.read(new ByteArrayInputStream(json), file.getFileName() + " (catalog " + hash.substring(0, 12) + ")");
        } catch (ImportException | IOException e) {
            throw new WorkspaceException(file, WorkspaceException.Reason.CORRUPT, "stored catalog " + hash + " cannot be read: " + e.getMessage(), e);
        }
    }

    public PriceSheet loadPriceSheet(String hash) throws WorkspaceException {
        byte[] json = loadJson(hash);
        try {
            return PriceSheetJson.read(new ByteArrayInputStream(json), file.getFileName() + " (price sheet " + hash.substring(0, 12) + ")");
        } catch (ImportException | IOException e) {
            throw new WorkspaceException(file, WorkspaceException.Reason.CORRUPT, "stored price sheet " + hash + " cannot be read: " + e.getMessage(), e);
        }
    }

    private DatasetInfo putDataset(DatasetKind kind, String hash, String name, String originalFile, String encoding,
                                   byte[] payload) throws WorkspaceException {
        String label = name == null || name.isBlank() ? kind.sqlValue() : name.strip();
        String fileName = originalFile == null || originalFile.isBlank() ? null
                : Path.of(originalFile).getFileName().toString();
        synchronized (lock) {
            ensureOpen();
            try {
                Optional<DatasetInfo> existing = datasetLocked(hash);
                if (existing.isPresent()) {
                    if (existing.get().kind() != kind) {
                        throw new WorkspaceException(file, WorkspaceException.Reason.IO, "content " + hash
                                + " is already stored as a " + existing.get().kind().sqlValue());
                    }
                    return existing.get();
                }
                Instant now = Instant.now();
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO dataset(hash, kind, name, original_file,"
                        + " encoding, payload, imported_at) VALUES (?,?,?,?,?,?,?)")) {
                    ps.setString(1, hash);
                    ps.setString(2, kind.sqlValue());
                    ps.setString(3, label);
                    ps.setString(4, fileName);
                    ps.setString(5, encoding);
                    ps.setBytes(6, payload);
                    ps.setString(7, now.toString());
                    ps.executeUpdate();
                }
                return new DatasetInfo(hash, kind, label, fileName, encoding, payload.length, now);
            } catch (SQLException e) {
                throw failure("could not store " + kind.sqlValue() + " '" + label + "'", e);
            }
        }
    }

    public List<DatasetInfo> datasets(DatasetKind kind) throws WorkspaceException {
        synchronized (lock) {
            ensureOpen();
            try (PreparedStatement ps = conn.prepareStatement("SELECT hash, kind, name, original_file, encoding,"
                    + " length(payload), imported_at FROM dataset WHERE kind = ? ORDER BY imported_at, name")) {
                ps.setString(1, kind.sqlValue());
                List<DatasetInfo> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(datasetRow(rs));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw failure("could not list " + kind.sqlValue() + " inputs", e);
            }
        }
    }

    public Optional<DatasetInfo> dataset(String hash) throws WorkspaceException {
        synchronized (lock) {
            ensureOpen();
            try {
                return datasetLocked(hash);
            } catch (SQLException e) {
                throw failure("could not read input " + hash, e);
            }
        }
    }

    /** The traffic sample stored under {@code hash}, decoded and verified against the hash. */
    public TrafficSample loadTraffic(String hash) throws WorkspaceException {
        byte[] payload = payload(hash, DatasetKind.TRAFFIC);
        try {
            return TrafficCodec.decode(payload, hash);
        } catch (IOException e) {
            throw new WorkspaceException(file, WorkspaceException.Reason.CORRUPT,
                    "traffic sample " + hash + " in " + file.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The native JSON of a stored catalog or price sheet, verified against its hash. */
    public byte[] loadJson(String hash) throws WorkspaceException {
        byte[] payload = payload(hash, null);
        if (!TrafficCodec.sha256Hex(payload).equals(hash)) {
            throw new WorkspaceException(file, WorkspaceException.Reason.CORRUPT,
                    "input " + hash + " in " + file.getFileName() + " does not match its content hash");
        }
        return payload;
    }

    private byte[] payload(String hash, DatasetKind expected) throws WorkspaceException {
        synchronized (lock) {
            ensureOpen();
            try (PreparedStatement ps = conn.prepareStatement("SELECT kind, payload FROM dataset WHERE hash = ?")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new WorkspaceException(file, WorkspaceException.Reason.NOT_FOUND,
                                "no input with hash " + hash + " in " + file.getFileName());
                    }
                    DatasetKind kind = DatasetKind.fromSql(rs.getString(1));
                    if (expected != null && kind != expected) {
                        throw new WorkspaceException(file, WorkspaceException.Reason.NOT_FOUND,
                                "input " + hash + " is a " + kind.sqlValue() + ", not a " + expected.sqlValue());
                    }
                    if (expected == null && kind == DatasetKind.TRAFFIC) {
                        throw new WorkspaceException(file, WorkspaceException.Reason.NOT_FOUND,
                                "input " + hash + " is a traffic sample; use loadTraffic");
                    }
                    return rs.getBytes(2);
                }
            } catch (SQLException e) {
                throw failure("could not read input " + hash, e);
            }
        }
    }

    /** Deletes an input no scenario or result uses; otherwise says who uses it. */
    public void deleteDataset(String hash) throws WorkspaceException {
        synchronized (lock) {
            ensureOpen();
            try {
                List<String> users = new ArrayList<>();
                try (PreparedStatement ps = conn.prepareStatement("SELECT 'scenario ''' || name || '''' FROM scenario"
                        + " WHERE ? IN (catalog_hash, price_sheet_hash, traffic_hash) UNION ALL SELECT 'run #' || id"
                        + " FROM run_result WHERE ? IN (catalog_hash, price_sheet_hash, traffic_hash) LIMIT 6")) {
                    ps.setString(1, hash);
                    ps.setString(2, hash);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            users.add(rs.getString(1));
                        }
                    }
                }
                if (!users.isEmpty()) {
                    throw new WorkspaceException(file, WorkspaceException.Reason.IO, "input " + hash
                            + " is still used by " + String.join(", ", users) + "; results must stay traceable to their inputs");
                }
                try (PreparedStatement ps = conn.prepareStatement("DELETE FROM dataset WHERE hash = ?")) {
                    ps.setString(1, hash);
                    ps.executeUpdate();
                }
            } catch (SQLException e) {
                throw failure("could not delete input " + hash, e);
            }
        }
    }

    private Optional<DatasetInfo> datasetLocked(String hash) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT hash, kind, name, original_file, encoding,"
                + " length(payload), imported_at FROM dataset WHERE hash = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(datasetRow(rs)) : Optional.empty();
            }
        }
    }

    private static DatasetInfo datasetRow(ResultSet rs) throws SQLException {
        return new DatasetInfo(rs.getString(1), DatasetKind.fromSql(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getLong(6), Instant.parse(rs.getString(7)));
    }

    // ------------------------------------------------------------------ scenarios

    /** Inserts or replaces the scenario with this name; returns it with its new revision and time. */
    public ScenarioDocument saveScenario(ScenarioDocument doc) throws WorkspaceException {
        synchronized (lock) {
            ensureOpen();
            Instant now = Instant.now();
            try {
                return inTransaction(() -> {
                    long revision;
                    try (PreparedStatement ps = conn.prepareStatement("SELECT revision FROM scenario WHERE name = ?")) {
                        ps.setString(1, doc.name());
                        try (ResultSet rs = ps.executeQuery()) {
                            revision = rs.next() ? rs.getLong(1) + 1 : 1;
                        }
                    }
                    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO scenario(name, body, catalog_hash,"
                            + " price_sheet_hash, traffic_hash, revision, updated_at) VALUES (?,?,?,?,?,?,?)"
                            + " ON CONFLICT(name) DO UPDATE SET body = excluded.body, catalog_hash = excluded.catalog_hash,"
                            + " price_sheet_hash = excluded.price_sheet_hash, traffic_hash = excluded.traffic_hash,"
                            + " revision = excluded.revision, updated_at = excluded.updated_at")) {
                        ps.setString(1, doc.name());
                        ps.setString(2, doc.json());
                        ps.setString(3, doc.inputs().catalogHash());
                        ps.setString(4, doc.inputs().priceSheetHash());
                        ps.setString(5, doc.inputs().trafficHash());
                        ps.setLong(6, revision);
                        ps.setString(7, now.toString());
                        ps.executeUpdate();
                    }
                    return new ScenarioDocument(doc.name(), doc.json(), doc.inputs(), revision, now);
                });
            } catch (SQLException e) {
                throw failure("could not save scenario '" + doc.name() + "'", e);
            }
        }
    }

    public Optional<ScenarioDocument> scenario(String name) throws WorkspaceException {
        synchronized (lock) {
            ensureOpen();
            try (PreparedStatement ps = conn.prepareStatement("SELECT name, body, catalog_hash, price_sheet_hash,"
                    + " traffic_hash, revision, updated_at FROM scenario WHERE name = ?")) {
                ps.setString(1, name == null ? "" : name.strip());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(scenarioRow(rs)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw failure("could not read scenario '" + name + "'", e);
            }
        }
    }

    public List<ScenarioDocument> scenarios() throws WorkspaceException {
        synchronized (lock) {
            ensureOpen();
            try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT name, body, catalog_hash,"
                    + " price_sheet_hash, traffic_hash, revision, updated_at FROM scenario ORDER BY name")) {
                List<ScenarioDocument> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(scenarioRow(rs));
                }
                return out;
            } catch (SQLException e) {
                throw failure("could not list scenarios", e);
            }
        }
    }

    /**
     * Stores a simulator {@link Scenario}: its inputs (deduplicated by content hash) and its
     * settings as {@link ScenarioJson}. Returns the saved document.
     */
    public ScenarioDocument saveScenario(Scenario scenario) throws WorkspaceException {
        InputRefs refs = storeInputs(scenario);
        return saveScenario(ScenarioDocument.of(scenario.name(), ScenarioJson.toJson(scenario), refs));
    }

    /** Stores a scenario's traffic, catalog and price sheet (once each) and returns their hashes. */
    public InputRefs storeInputs(Scenario scenario) throws WorkspaceException {
        TrafficSample sample = scenario.sample();
        String source = sample.sources().isEmpty() ? null : sample.sources().get(0);
        String traffic = putTraffic(sample, source).hash();
        String catalog = scenario.catalog().models().isEmpty() ? null : putCatalog(scenario.catalog(), null).hash();
        String prices = scenario.prices() == null ? null : putPriceSheet(scenario.prices(), null).hash();
        return new InputRefs(catalog, prices, traffic);
    }

    /** Rebuilds a stored scenario with its inputs, ready to simulate. */
    public Scenario loadScenario(String name) throws WorkspaceException {
        Optional<ScenarioDocument> doc = scenario(name);
        if (doc.isEmpty()) {
            throw new WorkspaceException(file, WorkspaceException.Reason.NOT_FOUND, "no scenario named '" + name
                    + "' in " + file.getFileName() + "; it has " + scenarioNames());
        }
        return toScenario(doc.get());
    }

    /** Rebuilds the scenario a document describes, loading its inputs. */
    public Scenario toScenario(ScenarioDocument doc) throws WorkspaceException {
        if (doc.inputs().trafficHash() == null) {
            throw new WorkspaceException(file, WorkspaceException.Reason.NOT_FOUND,
                    "scenario '" + doc.name() + "' has no traffic sample yet");
        }
        TrafficSample sample = loadTraffic(doc.inputs().trafficHash());
        Catalog catalog = doc.inputs().catalogHash() == null ? Catalog.empty() : loadCatalog(doc.inputs().catalogHash());
        PriceSheet prices = doc.inputs().priceSheetHash() == null ? null : loadPriceSheet(doc.inputs().priceSheetHash());
        try {
            return ScenarioJson.fromJson(doc.json(), sample, catalog, prices);
        } catch (IllegalArgumentException e) {
            throw new WorkspaceException(file, WorkspaceException.Reason.IO, e.getMessage(), e);
        }
    }

    private List<String> scenarioNames() throws WorkspaceException {
        return scenarios().stream().map(ScenarioDocument::name).toList();
    }

    /** Deletes a scenario; its past results keep their snapshot of it. */
    public boolean deleteScenario(String name) throws WorkspaceException {
        synchronized (lock) {
            ensureOpen();
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM scenario WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() > 0;
            } catch (SQLException e) {
                throw failure("could not delete scenario '" + name + "'", e);
            }
        }
    }

    public void renameScenario(String from, String to) throws WorkspaceException {
        ScenarioDocument.of(to, "{}", null); // validates the new name
        synchronized (lock) {
            ensureOpen();
            try (PreparedStatement ps = conn.prepareStatement("UPDATE scenario SET name = ? WHERE name = ?")) {
                ps.setString(1, to.strip());
                ps.setString(2, from);
                if (ps.executeUpdate() == 0) {
                    throw new WorkspaceException(file, WorkspaceException.Reason.NOT_FOUND, "no scenario named '" + from + "'");
                }
            } catch (SQLException e) {
                if (isConstraint(e)) {
                    throw new WorkspaceException(file, WorkspaceException.Reason.ALREADY_EXISTS,
                            "a scenario named '" + to + "' already exists", e);
                }
                throw failure("could not rename scenario '" + from + "'", e);
            }
        }
    }

    private static ScenarioDocument scenarioRow(ResultSet rs) throws SQLException {
        return new ScenarioDocument(rs.getString(1), rs.getString(2),
                new InputRefs(rs.getString(3), rs.getString(4), rs.getString(5)), rs.getLong(6),
                Instant.parse(rs.getString(7)));
    }

    // ------------------------------------------------------------------ results

    /** Stores a run result; its inputs must already be stored. Returns it with id and time. */
    public RunRecord recordRun(RunRecord run) throws WorkspaceException {
        synchronized (lock) {
            ensureOpen();
            Instant now = Instant.now();
            try {
                long id = inTransaction(() -> {
                    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO run_result(scenario_id, scenario_name,"
                            + " scenario_body, catalog_hash, price_sheet_hash, traffic_hash, seed, engine_version,"
                            + " result_body, created_at, label) VALUES ((SELECT id FROM scenario WHERE name = ?),"
                            + " ?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                        ps.setString(1, run.scenarioName());
                        ps.setString(2, run.scenarioName());
                        ps.setString(3, run.scenarioJson());
                        ps.setString(4, run.inputs().catalogHash());
                        ps.setString(5, run.inputs().priceSheetHash());
                        ps.setString(6, run.inputs().trafficHash());
                        ps.setLong(7, run.seed());
                        ps.setString(8, run.engineVersion());
                        ps.setString(9, run.resultJson());
                        ps.setString(10, now.toString());
                        ps.setString(11, run.label());
                        ps.executeUpdate();
                        try (ResultSet keys = ps.getGeneratedKeys()) {
                            keys.next();
                            return keys.getLong(1);
                        }
                    }
                });
                return new RunRecord(id, run.scenarioName(), run.scenarioJson(), run.inputs(), run.seed(),
                        run.engineVersion(), run.resultJson(), run.label(), now);
            } catch (SQLException e) {
                if (isConstraint(e)) {
                    throw new WorkspaceException(file, WorkspaceException.Reason.NOT_FOUND, "the run of '"
                            + run.scenarioName() + "' names an input that is not stored in this workspace; store the"
                            + " catalog, price sheet and traffic sample first so the result stays traceable", e);
                }
                throw failure("could not store the run of '" + run.scenarioName() + "'", e);
            }
        }
    }

    /**
     * Stores a simulation of {@code scenario}: its inputs (deduplicated), the scenario snapshot,
     * seed, engine version and the full result as JSON.
     */
    public RunRecord recordSimulation(Scenario scenario, SimulationResult result, String label) throws WorkspaceException {
        InputRefs refs = storeInputs(scenario);
        String json;
        try {
            json = Json.mapper().writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new WorkspaceException(file, WorkspaceException.Reason.IO, "could not encode the result of '"
                    + scenario.name() + "': " + e.getOriginalMessage(), e);
        }
        return recordRun(RunRecord.pending(scenario.name(), ScenarioJson.toJson(scenario), refs, result.seed(),
                result.engineVersion(), json, label));
    }

    /** Rebuilds the scenario exactly as a stored run used it (snapshot and inputs), e.g. to re-run it. */
    public Scenario scenarioOf(RunRecord run) throws WorkspaceException {
        return toScenario(new ScenarioDocument(run.scenarioName(), run.scenarioJson(), run.inputs(), 0, null));
    }

    public Optional<RunRecord> run(long id) throws WorkspaceException {
        List<RunRecord> found = queryRuns("WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Results of one scenario (by the name it had when it ran), oldest first. */
    public List<RunRecord> runs(String scenarioName) throws WorkspaceException {
        return queryRuns("WHERE scenario_name = ? ORDER BY id", scenarioName);
    }

    public List<RunRecord> allRuns() throws WorkspaceException {
        return queryRuns("ORDER BY id");
    }

    private List<RunRecord> queryRuns(String where, Object... args) throws WorkspaceException {
        synchronized (lock) {
            ensureOpen();
            try (PreparedStatement ps = conn.prepareStatement("SELECT id, scenario_name, scenario_body, catalog_hash,"
                    + " price_sheet_hash, traffic_hash, seed, engine_version, result_body, label, created_at"
                    + " FROM run_result " + where)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                List<RunRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new RunRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                                new InputRefs(rs.getString(4), rs.getString(5), rs.getString(6)), rs.getLong(7),
                                rs.getString(8), rs.getString(9), rs.getString(10), Instant.parse(rs.getString(11))));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw failure("could not read run results", e);
            }
        }
    }

    public boolean deleteRun(long id) throws WorkspaceException {
        synchronized (lock) {
            ensureOpen();
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM run_result WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() > 0;
            } catch (SQLException e) {
                throw failure("could not delete run #" + id, e);
            }
        }
    }

    // ------------------------------------------------------------------ pinned comparisons

    /** Pins (or re-pins, replacing) a named comparison of stored runs. */
    public Comparison pinComparison(String name, String note, List<Long> runIds) throws WorkspaceException {
        Comparison candidate = new Comparison(name, note, runIds, Instant.now());
        synchronized (lock) {
            ensureOpen();
            try {
                inTransaction(() -> {
                    try (PreparedStatement ps = conn.prepareStatement("DELETE FROM comparison WHERE name = ?")) {
                        ps.setString(1, candidate.name());
                        ps.executeUpdate();
                    }
                    long id;
                    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO comparison(name, note, created_at)"
                            + " VALUES (?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                        ps.setString(1, candidate.name());
                        ps.setString(2, candidate.note());
                        ps.setString(3, candidate.createdAt().toString());
                        ps.executeUpdate();
                        try (ResultSet keys = ps.getGeneratedKeys()) {
                            keys.next();
                            id = keys.getLong(1);
                        }
                    }
                    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO comparison_run(comparison_id, run_id,"
                            + " position) VALUES (?,?,?)")) {
                        for (int i = 0; i < candidate.runIds().size(); i++) {
                            ps.setLong(1, id);
                            ps.setLong(2, candidate.runIds().get(i));
                            ps.setInt(3, i);
                            ps.executeUpdate();
                        }
                    }
                    return null;
                });
                return candidate;
            } catch (SQLException e) {
                if (isConstraint(e)) {
                    throw new WorkspaceException(file, WorkspaceException.Reason.NOT_FOUND,
                            "comparison '" + name + "' names a run that is not in this workspace", e);
                }
                throw failure("could not pin comparison '" + name + "'", e);
            }
        }
    }

    public List<Comparison> comparisons() throws WorkspaceException {
        synchronized (lock) {
            ensureOpen();
            try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT c.name, c.note, c.created_at,"
                    + " r.run_id FROM comparison c JOIN comparison_run r ON r.comparison_id = c.id"
                    + " ORDER BY c.name, r.position")) {
                List<Comparison> out = new ArrayList<>();
                String current = null;
                String note = null;
                Instant created = null;
                List<Long> ids = new ArrayList<>();
                while (rs.next()) {
                    if (!rs.getString(1).equals(current)) {
                        if (current != null) {
                            out.add(new Comparison(current, note, ids, created));
                        }
                        current = rs.getString(1);
                        note = rs.getString(2);
                        created = Instant.parse(rs.getString(3));
                        ids = new ArrayList<>();
                    }
                    ids.add(rs.getLong(4));
                }
                if (current != null) {
                    out.add(new Comparison(current, note, ids, created));
                }
                return out;
            } catch (SQLException e) {
                throw failure("could not list pinned comparisons", e);
            }
        }
    }

    public boolean unpinComparison(String name) throws WorkspaceException {
        synchronized (lock) {
            ensureOpen();
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM comparison WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() > 0;
            } catch (SQLException e) {
                throw failure("could not unpin comparison '" + name + "'", e);
            }
        }
    }

    /** A metadata value (workspace_id, created_at, created_by_engine, ...). */
    public Optional<String> meta(String key) throws WorkspaceException {
        synchronized (lock) {
            ensureOpen();
            try {
                return getMeta(conn, key);
            } catch (SQLException e) {
                throw failure("could not read workspace metadata", e);
            }
        }
    }

    // ------------------------------------------------------------------ internals

    private record Probe(int userVersion, boolean sessionOpen, boolean integrityChecked, String damage) {
    }

    /**
     * Looks at a file without changing it: header bytes first (no SQLite at all), then a read-only
     * connection for the session marker and the integrity check.
     */
    private static Probe probe(Path target) throws WorkspaceException {
        if (!Files.isRegularFile(target)) {
            throw new WorkspaceException(target, WorkspaceException.Reason.NOT_FOUND, "there is no workspace at " + target);
        }
        SqliteHeader header;
        try {
            header = SqliteHeader.read(target);
        } catch (IOException e) {
            throw new WorkspaceException(target, WorkspaceException.Reason.IO, "cannot read " + target + ": " + e.getMessage(), e);
        }
        if (header == null) {
            throw new WorkspaceException(target, WorkspaceException.Reason.NOT_SQLITE, target.getFileName()
                    + " is not a Switchyard workspace (it is not an SQLite database). Nothing was changed.");
        }
        if (header.applicationId() != WorkspaceSchema.APPLICATION_ID) {
            throw new WorkspaceException(target, WorkspaceException.Reason.NOT_A_WORKSPACE, target.getFileName()
                    + " is an SQLite database but not a Switchyard workspace. Nothing was changed.");
        }
        if (header.userVersion() > WorkspaceSchema.CURRENT_VERSION) {
            throw tooNew(target, header.userVersion());
        }
        if (header.truncated()) {
            return new Probe(header.userVersion(), false, false, "the file is truncated: it has " + header.fileSize()
                    + " bytes, its header says " + header.expectedSize());
        }
        Path shm = sidecar(target, "-shm");
        boolean shmExisted = Files.exists(shm);
        try {
            return probeReadOnly(target, header);
        } finally {
            if (!shmExisted) {
                // A read-only reader of a WAL file builds a -shm index; it is ours, remove it again.
                deleteQuietly(shm);
            }
        }
    }

    private static Probe probeReadOnly(Path target, SqliteHeader header) throws WorkspaceException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
        // Without a -wal file nobody has the file open (our sessions always have one) and nothing
        // is pending, so it can be read as immutable: no locks, no sidecar files, truly untouched.
        boolean walPresent = Files.exists(sidecar(target, "-wal"));
        String url = "jdbc:sqlite:" + target.toUri() + (walPresent ? "?mode=ro" : "?immutable=1");
        try (Connection c = config.createConnection(url)) {
            int version = WorkspaceSchema.userVersion(c);
            if (version > WorkspaceSchema.CURRENT_VERSION) {
                throw tooNew(target, version);
            }
            boolean sessionOpen;
            try {
                sessionOpen = getMeta(c, "session_open").map("1"::equals).orElse(false);
            } catch (SQLException e) {
                if (isCorrupt(e)) {
                    return new Probe(version, true, false, describe(e));
                }
                throw e;
            }
            List<String> problems = check(c, sessionOpen ? "integrity_check" : "quick_check");
            return new Probe(version, sessionOpen, sessionOpen, problems.isEmpty() ? null
                    : String.join("; ", problems.subList(0, Math.min(3, problems.size()))));
        } catch (SQLException e) {
            if (isBusy(e)) {
                throw new WorkspaceException(target, WorkspaceException.Reason.LOCKED, target.getFileName()
                        + " is open in another Switchyard window or process; close it there first.", e);
            }
            if (isCorrupt(e)) {
                return new Probe(header.userVersion(), false, false, describe(e));
            }
            throw new WorkspaceException(target, WorkspaceException.Reason.IO,
                    "cannot open " + target + ": " + e.getMessage(), e);
        }
    }

    private static WorkspaceException tooNew(Path target, int version) {
        return new WorkspaceException(target, WorkspaceException.Reason.TOO_NEW, target.getFileName()
                + " was saved by a newer Switchyard (workspace format " + version + "; this version reads up to "
                + WorkspaceSchema.CURRENT_VERSION + "). Update Switchyard to open it. Nothing was changed.");
    }

    /** Opens read-write, applies settings, migrates and marks the session open. */
    private static Workspace openChecked(Path target, boolean backupBeforeMigration) throws WorkspaceException {
        Connection c = null;
        try {
            c = connect(target, true);
            Workspace w = new Workspace(target, c);
            int version = WorkspaceSchema.userVersion(c);
            if (version < WorkspaceSchema.CURRENT_VERSION && backupBeforeMigration) {
                w.snapshotTo(backupOf(target));
            }
            WorkspaceSchema.migrate(c);
            putMeta(c, "session_open", "1");
            putMeta(c, "last_opened_by_engine", EngineInfo.version());
            return w;
        } catch (SQLException | IOException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (e instanceof SQLException s && isBusy(s)) {
                throw new WorkspaceException(target, WorkspaceException.Reason.LOCKED, target.getFileName()
                        + " is open in another Switchyard window or process; close it there first.", e);
            }
            throw new WorkspaceException(target, WorkspaceException.Reason.IO,
                    "cannot open " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * The connection settings (see decision 0601). Exclusive locking is set before WAL is first
     * used, so SQLite keeps the WAL index in heap memory and no -shm file is needed.
     */
    private static Connection connect(Path path, boolean exclusive) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        Connection c = config.createConnection("jdbc:sqlite:" + path);
        try (Statement s = c.createStatement()) {
            if (exclusive) {
                s.execute("PRAGMA locking_mode=EXCLUSIVE");
                s.execute("PRAGMA journal_mode=WAL");
            }
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA trusted_schema=OFF");
            s.execute("PRAGMA cell_size_check=ON");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private static Workspace restore(Path target, Instant backupTime, String why) throws WorkspaceException {
        Path backup = backupOf(target);
        String stamp = STAMP.format(Instant.now());
        Path keptAs = target.resolveSibling(target.getFileName() + ".damaged-" + stamp);
        try {
            Path temp = target.resolveSibling("." + target.getFileName() + ".restore-" + UUID.randomUUID() + ".tmp");
            try {
                Files.copy(backup, temp); // the backup is never live: copying it is safe
                fsync(temp);
                if (Files.exists(target)) {
                    move(target, keptAs);
                }
                for (String side : List.of("-wal", "-shm")) {
                    Path s = sidecar(target, side);
                    if (Files.exists(s)) {
                        move(s, sidecar(keptAs, side));
                    }
                }
                move(temp, target);
            } finally {
                deleteQuietly(temp);
            }
        } catch (IOException e) {
            throw new WorkspaceException(target, WorkspaceException.Reason.IO,
                    "could not restore " + target.getFileName() + " from its backup: " + e.getMessage(), e);
        }
        Workspace w = openChecked(target, false);
        int version;
        try {
            version = w.currentVersion();
        } catch (WorkspaceException e) {
            w.closeQuietly();
            throw e;
        }
        w.report = new OpenReport(target, OpenReport.Status.RESTORED_FROM_BACKUP, version, version, true, backup,
                backupTime, Files.exists(keptAs) ? keptAs : null, List.of(why,
                "Restored the last good backup from " + backupTime + "; changes made after it are lost.",
                "The damaged file is kept as " + keptAs.getFileName() + "."));
        return w;
    }

    /** The time of a backup that exists, is ours, is not too new and passes the integrity check. */
    private static Optional<Instant> validBackup(Path target) {
        Path backup = backupOf(target);
        try {
            if (!Files.isRegularFile(backup)) {
                return Optional.empty();
            }
            SqliteHeader header = SqliteHeader.read(backup);
            if (header == null || header.applicationId() != WorkspaceSchema.APPLICATION_ID
                    || header.userVersion() > WorkspaceSchema.CURRENT_VERSION || header.truncated()) {
                return Optional.empty();
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            try (Connection c = config.createConnection("jdbc:sqlite:" + backup)) {
                if (!check(c, "integrity_check").isEmpty()) {
                    return Optional.empty();
                }
            }
            return Optional.of(Files.getLastModifiedTime(backup).toInstant());
        } catch (IOException | SQLException e) {
            return Optional.empty();
        }
    }

    /**
     * A consistent snapshot of the open database at {@code target}: VACUUM INTO a temp file beside
     * it, mark the copy as cleanly closed, fsync, atomic move. Caller holds the lock.
     */
    private void snapshotTo(Path target) throws SQLException, IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".snap-" + UUID.randomUUID() + ".tmp");
        try {
            try (PreparedStatement ps = conn.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, temp.toString());
                ps.execute();
            }
            try (Connection copy = connect(temp, false)) {
                putMeta(copy, "session_open", "0");
                try (Statement s = copy.createStatement()) {
                    s.execute("PRAGMA journal_mode=DELETE"); // a self-contained single file, no sidecars
                }
            }
            fsync(temp);
            move(temp, target);
        } finally {
            deleteQuietly(temp);
            deleteQuietly(sidecar(temp, "-journal"));
        }
    }

    private int currentVersion() throws WorkspaceException {
        synchronized (lock) {
            try {
                return WorkspaceSchema.userVersion(conn);
            } catch (SQLException e) {
                throw failure("could not read the workspace version", e);
            }
        }
    }

    private void backupQuietly() {
        try {
            backupNow();
        } catch (WorkspaceException ignored) {
            // the open succeeded; a failed backup is retried at the next save or on close
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (WorkspaceException ignored) {
            // already failing with a better error
        }
    }

    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private <T> T inTransaction(SqlWork<T> work) throws SQLException {
        conn.setAutoCommit(false);
        try {
            T result = work.run();
            conn.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                conn.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            conn.setAutoCommit(true);
        }
    }

    private void ensureOpen() throws WorkspaceException {
        if (closed) {
            throw new WorkspaceException(file, WorkspaceException.Reason.IO, "workspace " + file.getFileName() + " is closed");
        }
    }

    private WorkspaceException failure(String what, Exception e) {
        if (e instanceof SQLException s && isCorrupt(s)) {
            return new WorkspaceException(file, WorkspaceException.Reason.CORRUPT, what + ": the workspace file is damaged ("
                    + describe(s) + "). Close it; on the next open Switchyard offers the last good backup.", e);
        }
        if (e instanceof SQLException s && isBusy(s)) {
            return new WorkspaceException(file, WorkspaceException.Reason.LOCKED, what + ": the workspace is locked", e);
        }
        return new WorkspaceException(file, WorkspaceException.Reason.IO, what + ": " + e.getMessage(), e);
    }

    static List<String> check(Connection c, String pragma) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + pragma + "(20)")) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equalsIgnoreCase(line)) {
                    problems.add(line);
                }
            }
        }
        return problems;
    }

    private static Optional<String> getMeta(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM workspace_meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static void putMeta(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO workspace_meta(key, value) VALUES (?, ?)"
                + " ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    private static boolean isBusy(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s) {
                SQLiteErrorCode code = s.getResultCode();
                if (code != null && (code.code & 0xff) == 5 || code != null && (code.code & 0xff) == 6) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isCorrupt(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s && s.getResultCode() != null) {
                int primary = s.getResultCode().code & 0xff;
                if (primary == 11 || primary == 26) { // SQLITE_CORRUPT, SQLITE_NOTADB
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isConstraint(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s && s.getResultCode() != null && (s.getResultCode().code & 0xff) == 19) {
                return true;
            }
        }
        return false;
    }

    private static String describe(SQLException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.replaceFirst("^\\[SQLITE_[A-Z_]+\\]\\s*", "");
    }

    static Path sidecar(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static void fsync(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        fsyncDirectory(to.getParent());
    }

    /** Makes the rename itself durable where the platform allows opening a directory (Linux, macOS). */
    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open directories; NTFS journals renames itself
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temp file is harmless; it never has the workspace's name
        }
    }
}
