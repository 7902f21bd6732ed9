package dev.switchyard.engine.workspace;

import dev.switchyard.engine.EngineInfo;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The SQLite side of one workspace file: creating, probing, opening (read-write under the session
 * lock, or read-only), migrating, backups, crash recovery, Save As and closing; plus the one
 * connection and the one monitor the repositories ({@link DatasetRepository},
 * {@link ScenarioRepository}, {@link RunRepository}, {@link ComparisonRepository}) run their SQL on.
 * SQLite failures become user sentences in {@link SqliteFailures}; durable renames and fsyncs are
 * {@link DurableFiles}'.
 * Decisions: 0601 (settings), 0602 (migrations), 0603 (durability, backups, recovery), 0605
 * (session lock, read-only, disk full).
 */
final class WorkspaceStore {
    static final int BUSY_TIMEOUT_MS = 3000;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** SQL run on the store's connection, under its monitor. */
    interface SqlWork<T> {
        T run(Connection c) throws SQLException, WorkspaceException;
    }

    /** Fills a workspace that is being created, before it appears under its name. */
    interface Initializer {
        void fill(Workspace w) throws WorkspaceException;
    }

    private final Path file;
    private final Connection conn;
    private final boolean readOnly;
    private final WorkspaceLock sessionLock;
    private final Object monitor = new Object();
    private OpenReport report;
    private boolean closed;
    private boolean backupOnClose = true;
    /** A read-only open that found no -wal/-shm: SQLite's reader makes them; removed on close when nobody else uses them. */
    private boolean sidecarsOurs;
    private Instant lastBackup;
    private volatile Duration backupInterval = Duration.ofMinutes(2);

    private WorkspaceStore(Path file, Connection conn, boolean readOnly, WorkspaceLock sessionLock) {
        this.file = file;
        this.conn = conn;
        this.readOnly = readOnly;
        this.sessionLock = sessionLock;
    }

    // ------------------------------------------------------------------ creating

    static WorkspaceStore create(Path file, boolean replaceExisting, Initializer initializer) throws WorkspaceException {
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new WorkspaceException(target, WorkspaceException.Reason.ALREADY_EXISTS,
                    target + " is a folder; give a file name for the workspace");
        }
        if (Files.exists(target) && !replaceExisting) {
            throw new WorkspaceException(target, WorkspaceException.Reason.ALREADY_EXISTS,
                    target + " already exists; choose another name or confirm replacing it");
        }
        Path parent = target.getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new WorkspaceException(target, WorkspaceException.Reason.IO, "cannot create workspace " + target + ": "
                    + (Files.exists(parent) || e instanceof java.nio.file.FileSystemException ? SqliteFailures.fsReason(e) : e.getMessage()), e);
        }
        if (!Files.isWritable(parent)) {
            throw new WorkspaceException(target, WorkspaceException.Reason.READ_ONLY, "cannot create workspace " + target
                    + ": the folder " + parent + " is read-only. Nothing was created.");
        }
        // Held from before the old file is replaced until the new session closes: replacing a
        // workspace another process is writing would lose its work (issue 13).
        WorkspaceLock lock = WorkspaceLock.acquire(target, "replaced");
        Path temp = target.resolveSibling("." + target.getFileName() + ".new-" + UUID.randomUUID() + ".tmp");
        boolean done = false;
        try {
            try (Connection c = connect(temp)) {
                WorkspaceSchema.migrate(c);
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA journal_mode=WAL");
                }
                putMeta(c, "workspace_id", UUID.randomUUID().toString());
                putMeta(c, "created_at", Instant.now().toString());
                putMeta(c, "created_by_engine", EngineInfo.version());
                putMeta(c, "session_open", "0");
            }
            if (initializer != null) {
                // Filled under the temporary name: a failure (a full disk) leaves nothing behind.
                WorkspaceStore filling = openChecked(temp, false, null);
                filling.backupOnClose = false;
                Workspace w = new Workspace(filling);
                try {
                    initializer.fill(w);
                } catch (WorkspaceException | RuntimeException e) {
                    filling.closeQuietly();
                    throw e;
                }
                filling.close();
            }
            DurableFiles.fsync(temp);
            if (replaceExisting) {
                // A stale -wal of the replaced file must never be applied to the new one.
                Files.deleteIfExists(DurableFiles.sidecar(target, "-wal"));
                Files.deleteIfExists(DurableFiles.sidecar(target, "-shm"));
            }
            DurableFiles.move(temp, target);
            done = true;
        } catch (SQLException | IOException e) {
            WorkspaceException we = SqliteFailures.failureOf(target, "could not create workspace " + target.getFileName(), e);
            throw new WorkspaceException(target, we.reason(), we.getMessage() + (Files.exists(target)
                    ? " " + target.getFileName() + " was left as it was." : " Nothing was created."), we);
        } catch (WorkspaceException e) {
            throw new WorkspaceException(target, e.reason(), e.getMessage() + (Files.exists(target)
                    ? " " + target.getFileName() + " was left as it was." : " Nothing was created (no half-filled workspace is left behind)."),
                    e.backupAvailable(), e);
        } finally {
            if (!done) {
                for (String side : List.of("", "-wal", "-shm", "-journal", Workspace.BACKUP_SUFFIX)) {
                    DurableFiles.deleteQuietly(DurableFiles.sidecar(temp, side));
                }
                closeLock(lock);
            }
        }
        WorkspaceStore s = openChecked(target, false, lock);
        s.report = new OpenReport(target, OpenReport.Status.CREATED, WorkspaceSchema.CURRENT_VERSION,
                WorkspaceSchema.CURRENT_VERSION, false, null, null, null, List.of("Created a new workspace."));
        return s;
    }

    // ------------------------------------------------------------------ opening

    static WorkspaceStore open(Path file) throws WorkspaceException {
        Path target = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(target)) {
            throw new WorkspaceException(target, WorkspaceException.Reason.NOT_FOUND, "there is no workspace at " + target);
        }
        String whyReadOnly = whyReadOnly(target);
        if (whyReadOnly != null) {
            return openReadOnly(target, whyReadOnly);
        }
        checkedHeader(target); // refuse a file that is not ours before creating anything beside it
        boolean lockFileExisted = Files.exists(WorkspaceLock.lockFileOf(target));
        WorkspaceLock lock = WorkspaceLock.acquire(target, null);
        try {
            return openLocked(target, lock);
        } catch (WorkspaceException | RuntimeException e) {
            if (lock != null && !lockFileExisted) {
                lock.discard(); // a refused file is left exactly as it was
            }
            closeLock(lock);
            throw e;
        }
    }

    private static WorkspaceStore openLocked(Path target, WorkspaceLock lock) throws WorkspaceException {
        Probe probe = probe(target);
        if (probe.damage() != null) {
            boolean unclean = probe.sessionOpen() || Files.exists(DurableFiles.sidecar(target, "-wal"));
            Optional<Instant> backup = validBackup(target);
            if (unclean && backup.isPresent()) {
                return restore(target, backup.get(), "The workspace was not closed cleanly and is damaged ("
                        + probe.damage() + ").", lock);
            }
            throw new WorkspaceException(target, WorkspaceException.Reason.CORRUPT,
                    target.getFileName() + " is damaged (" + probe.damage() + "). Nothing was changed."
                            + (backup.isPresent() ? " A backup from " + backup.get()
                            + " is available: restore it to continue from that point." : " No backup is available."),
                    backup.isPresent(), null);
        }
        WorkspaceStore s = openChecked(target, true, lock);
        List<String> messages = new ArrayList<>();
        OpenReport.Status status = OpenReport.Status.CLEAN;
        if (probe.sessionOpen()) {
            status = OpenReport.Status.RECOVERED_AFTER_UNCLEAN_SHUTDOWN;
            messages.add("Switchyard did not close this workspace cleanly last time. It passed the integrity check"
                    + " and holds every save that completed.");
        }
        int now = probe.userVersion();
        try {
            now = s.currentVersion();
        } catch (WorkspaceException e) {
            s.closeQuietly();
            throw e;
        }
        if (now > probe.userVersion()) {
            messages.add("Upgraded the workspace format from version " + probe.userVersion() + " to " + now
                    + "; the previous file is kept as " + Workspace.backupOf(target).getFileName() + ".");
        }
        s.report = new OpenReport(target, status, probe.userVersion(), now, probe.integrityChecked(), null, null, null,
                messages);
        if (status == OpenReport.Status.RECOVERED_AFTER_UNCLEAN_SHUTDOWN) {
            s.backupQuietly();
        }
        return s;
    }

    /** Why this process cannot write {@code target} (a read-only file or folder), or null. */
    static String whyReadOnly(Path target) {
        Path dir = target.getParent();
        if (!Files.isWritable(target)) {
            return "the file is read-only";
        }
        if (!Files.isWritable(dir)) {
            return "its folder is read-only";
        }
        for (String side : List.of("-wal", "-shm")) {
            Path s = DurableFiles.sidecar(target, side);
            if (Files.exists(s) && !Files.isWritable(s)) {
                return "its " + side.substring(1) + " file is read-only";
            }
        }
        return null;
    }

    /**
     * Opens for reading only: no session lock (a session may be writing it: WAL readers see the last
     * commit), no migration, no backup, nothing written. Every store method then refuses with
     * {@link WorkspaceException.Reason#READ_ONLY}; Save As still works.
     */
    static WorkspaceStore openReadOnly(Path file, String why) throws WorkspaceException {
        Path target = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(target)) {
            throw new WorkspaceException(target, WorkspaceException.Reason.NOT_FOUND, "there is no workspace at " + target);
        }
        SqliteHeader header = checkedHeader(target);
        if (header.truncated() && !Files.exists(DurableFiles.sidecar(target, "-wal"))) {
            throw new WorkspaceException(target, WorkspaceException.Reason.CORRUPT, target.getFileName()
                    + " is damaged (the file is truncated). Nothing was changed.");
        }
        if (header.userVersion() < WorkspaceSchema.CURRENT_VERSION) {
            throw new WorkspaceException(target, WorkspaceException.Reason.READ_ONLY, target.getFileName()
                    + " uses an older workspace format (" + header.userVersion() + ") and " + (why == null
                    ? "is being read only" : why) + ", so it cannot be upgraded; copy it somewhere writable and open the copy.");
        }
        Connection c = null;
        boolean sidecarsExisted = Files.exists(DurableFiles.sidecar(target, "-wal")) || Files.exists(DurableFiles.sidecar(target, "-shm"));
        try {
            c = readOnlyConnection(target, why != null);
            WorkspaceStore s = new WorkspaceStore(target, c, true, null);
            s.sidecarsOurs = !sidecarsExisted;
            boolean unclean = getMeta(c, "session_open").map("1"::equals).orElse(false);
            List<String> messages = new ArrayList<>();
            if (why != null) {
                messages.add(target.getFileName() + " is read-only (" + why + "): opened read-only. Changes cannot be"
                        + " saved here; use Save As to keep working in a copy.");
            }
            if (unclean && why != null) {
                messages.add("It was not closed cleanly last time; it is shown as saved (every completed save), unchecked.");
            }
            s.report = new OpenReport(target, OpenReport.Status.CLEAN, header.userVersion(), header.userVersion(), false,
                    null, null, null, messages, true);
            return s;
        } catch (SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw SqliteFailures.failureOf(target, "cannot open " + target.getFileName() + " read-only", e);
        }
    }

    private static Connection readOnlyConnection(Path target, boolean nobodyCanWrite) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
        boolean walPresent = Files.exists(DurableFiles.sidecar(target, "-wal"));
        // immutable=1 only when nothing can change the file under us (no pending WAL, nobody may write).
        String url = "jdbc:sqlite:" + target.toUri() + (nobodyCanWrite && !walPresent ? "?immutable=1" : "?mode=ro");
        Connection c = config.createConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA trusted_schema=OFF");
            s.execute("PRAGMA cell_size_check=ON");
            s.executeQuery("SELECT count(*) FROM sqlite_master").close(); // fail here, not in the first read
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    static WorkspaceStore restoreFromBackup(Path file) throws WorkspaceException {
        Path target = file.toAbsolutePath().normalize();
        WorkspaceLock lock = WorkspaceLock.acquire(target, "restored from its backup");
        try {
            Optional<Instant> backup = validBackup(target);
            if (backup.isEmpty()) {
                throw new WorkspaceException(target, WorkspaceException.Reason.NOT_FOUND,
                        "there is no usable backup of " + target.getFileName() + " (looked for " + Workspace.backupOf(target) + ")");
            }
            return restore(target, backup.get(), "Restored at your request.", lock);
        } catch (WorkspaceException | RuntimeException e) {
            closeLock(lock);
            throw e;
        }
    }

    private record Probe(int userVersion, boolean sessionOpen, boolean integrityChecked, String damage) {
    }

    private static SqliteHeader checkedHeader(Path target) throws WorkspaceException {
        SqliteHeader header;
        try {
            header = SqliteHeader.read(target);
        } catch (IOException e) {
            throw new WorkspaceException(target, WorkspaceException.Reason.IO, "cannot read " + target + ": " + SqliteFailures.fsReason(e), e);
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
        return header;
    }

    /**
     * Looks at a file without changing it: header bytes first (no SQLite at all), then a read-only
     * connection for the session marker and the integrity check. Caller holds the session lock.
     */
    private static Probe probe(Path target) throws WorkspaceException {
        SqliteHeader header = checkedHeader(target);
        boolean walPresent = Files.exists(DurableFiles.sidecar(target, "-wal"));
        if (header.truncated() && !walPresent) {
            return new Probe(header.userVersion(), false, false, "the file is truncated: it has " + header.fileSize()
                    + " bytes, its header says " + header.expectedSize());
        }
        // With a -wal the main file's header may be ahead of its length (a checkpoint cut short by a
        // full disk): SQLite reads the newest pages from the WAL, so let it judge (issue 13).
        Path shm = DurableFiles.sidecar(target, "-shm");
        boolean shmExisted = Files.exists(shm);
        try {
            return probeReadOnly(target, header, walPresent);
        } finally {
            if (!shmExisted && !walPresent) {
                DurableFiles.deleteQuietly(shm);
            }
        }
    }

    private static Probe probeReadOnly(Path target, SqliteHeader header, boolean walPresent) throws WorkspaceException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
        // Without a -wal file nothing is pending and (we hold the session lock) nobody writes, so it
        // can be read as immutable: no locks, no sidecar files, truly untouched.
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
                if (SqliteFailures.isCorrupt(e)) {
                    return new Probe(version, true, false, SqliteFailures.describe(e));
                }
                throw e;
            }
            List<String> problems = check(c, sessionOpen ? "integrity_check" : "quick_check");
            return new Probe(version, sessionOpen, sessionOpen, problems.isEmpty() ? null
                    : String.join("; ", problems.subList(0, Math.min(3, problems.size()))));
        } catch (SQLException e) {
            if (SqliteFailures.isBusy(e)) {
                throw WorkspaceLock.inUse(target, null);
            }
            if (SqliteFailures.isCorrupt(e)) {
                return new Probe(header.userVersion(), false, false, SqliteFailures.describe(e));
            }
            throw SqliteFailures.failureOf(target, "cannot open " + target.getFileName(), e);
        }
    }

    private static WorkspaceException tooNew(Path target, int version) {
        return new WorkspaceException(target, WorkspaceException.Reason.TOO_NEW, target.getFileName()
                + " was saved by a newer Switchyard (workspace format " + version + "; this version reads up to "
                + WorkspaceSchema.CURRENT_VERSION + "). Update Switchyard to open it. Nothing was changed.");
    }

    /** Opens read-write, applies settings, migrates and marks the session open. */
    private static WorkspaceStore openChecked(Path target, boolean backupBeforeMigration, WorkspaceLock lock)
            throws WorkspaceException {
        Connection c = null;
        try {
            c = connect(target);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
            }
            WorkspaceStore w = new WorkspaceStore(target, c, false, lock);
            int version = WorkspaceSchema.userVersion(c);
            if (version < WorkspaceSchema.CURRENT_VERSION && backupBeforeMigration) {
                w.snapshotTo(Workspace.backupOf(target));
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
            if (e instanceof SQLException s && SqliteFailures.isBusy(s)) {
                throw WorkspaceLock.inUse(target, null);
            }
            throw SqliteFailures.failureOf(target, "cannot open " + target.getFileName(), e);
        }
    }

    /**
     * The connection settings (see decisions 0601 and 0605). Normal (not exclusive) locking, so a
     * reader in another process (the CLI exporting while the app is open) can read the WAL; writers
     * are kept out by the session lock instead.
     */
    private static Connection connect(Path path) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        Connection c = config.createConnection("jdbc:sqlite:" + path);
        try (Statement s = c.createStatement()) {
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

    private static WorkspaceStore restore(Path target, Instant backupTime, String why, WorkspaceLock lock) throws WorkspaceException {
        Path backup = Workspace.backupOf(target);
        String stamp = STAMP.format(Instant.now());
        Path keptAs = target.resolveSibling(target.getFileName() + ".damaged-" + stamp);
        try {
            Path temp = target.resolveSibling("." + target.getFileName() + ".restore-" + UUID.randomUUID() + ".tmp");
            try {
                Files.copy(backup, temp); // the backup is never live: copying it is safe
                DurableFiles.fsync(temp);
                if (Files.exists(target)) {
                    DurableFiles.move(target, keptAs);
                }
                for (String side : List.of("-wal", "-shm")) {
                    Path s = DurableFiles.sidecar(target, side);
                    if (Files.exists(s)) {
                        DurableFiles.move(s, DurableFiles.sidecar(keptAs, side));
                    }
                }
                DurableFiles.move(temp, target);
            } finally {
                DurableFiles.deleteQuietly(temp);
            }
        } catch (IOException e) {
            throw SqliteFailures.failureOf(target, "could not restore " + target.getFileName() + " from its backup", e);
        }
        WorkspaceStore w = openChecked(target, false, lock);
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
        Path backup = Workspace.backupOf(target);
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

    // ------------------------------------------------------------------ session

    Path file() {
        return file;
    }

    boolean readOnly() {
        return readOnly;
    }

    OpenReport openReport() {
        synchronized (monitor) {
            return report;
        }
    }

    void setBackupInterval(Duration interval) {
        backupInterval = Objects.requireNonNull(interval);
    }

    void backupNow() throws WorkspaceException {
        synchronized (monitor) {
            ensureOpen();
            if (readOnly) {
                return; // nothing changed, and the folder may not take a backup
            }
            try {
                snapshotTo(Workspace.backupOf(file));
                lastBackup = Instant.now();
            } catch (SQLException | IOException e) {
                throw failure("could not write the backup " + Workspace.backupOf(file).getFileName(), e);
            }
        }
    }

    boolean backupIfDue() throws WorkspaceException {
        synchronized (monitor) {
            if (readOnly || lastBackup != null && Duration.between(lastBackup, Instant.now()).compareTo(backupInterval) < 0) {
                return false;
            }
            backupNow();
            return true;
        }
    }

    void saveCopyAs(Path target) throws WorkspaceException {
        Path t = target.toAbsolutePath().normalize();
        if (t.equals(file)) {
            throw new WorkspaceException(t, WorkspaceException.Reason.ALREADY_EXISTS,
                    "Save As needs a different file than the open workspace");
        }
        synchronized (monitor) {
            ensureOpen();
            WorkspaceLock targetLock = WorkspaceLock.acquire(t, "replaced by Save As");
            try {
                Files.createDirectories(t.getParent());
                Files.deleteIfExists(DurableFiles.sidecar(t, "-wal"));
                Files.deleteIfExists(DurableFiles.sidecar(t, "-shm"));
                snapshotTo(t);
            } catch (SQLException | IOException e) {
                throw failure("could not save a copy as " + t, e);
            } finally {
                closeLock(targetLock);
            }
        }
    }

    List<String> integrityCheck() throws WorkspaceException {
        return read("integrity check failed to run", c -> check(c, "integrity_check"));
    }

    Optional<String> meta(String key) throws WorkspaceException {
        return read("could not read workspace metadata", c -> getMeta(c, key));
    }

    int currentVersion() throws WorkspaceException {
        return read("could not read the workspace version", WorkspaceSchema::userVersion);
    }

    void close() throws WorkspaceException {
        synchronized (monitor) {
            if (closed) {
                return;
            }
            WorkspaceException first = null;
            try {
                if (!readOnly) {
                    putMeta(conn, "session_open", "0");
                    if (backupOnClose) {
                        snapshotTo(Workspace.backupOf(file));
                    }
                    try (Statement s = conn.createStatement()) {
                        s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                    }
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
                closeLock(sessionLock);
                if (readOnly && sidecarsOurs) {
                    removeReaderSidecars();
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    /**
     * A reader of a WAL-mode file leaves an empty -wal and a -shm it cannot delete itself. Remove
     * them when no session is writing (we can take its lock) and the WAL holds nothing.
     */
    private void removeReaderSidecars() {
        Path wal = DurableFiles.sidecar(file, "-wal");
        try {
            if (Files.exists(wal) && Files.size(wal) > 0) {
                return;
            }
            WorkspaceLock lock = WorkspaceLock.acquire(file, null);
            try {
                DurableFiles.deleteQuietly(wal);
                DurableFiles.deleteQuietly(DurableFiles.sidecar(file, "-shm"));
            } finally {
                closeLock(lock);
            }
        } catch (IOException | WorkspaceException ignored) {
            // a session started meanwhile: the files are its own now
        }
    }

    void closeQuietly() {
        try {
            close();
        } catch (WorkspaceException ignored) {
            // already failing with a better error
        }
    }

    private void backupQuietly() {
        try {
            backupNow();
        } catch (WorkspaceException ignored) {
            // the open succeeded; a failed backup is retried at the next save or on close
        }
    }

    /** For tests of the disk-full path: SQLite then fails writes past this size with SQLITE_FULL, as a full disk does. */
    void limitPages(long maxPages) throws WorkspaceException {
        read("could not limit the size", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA max_page_count=" + maxPages);
            }
            return null;
        });
    }

    /**
     * A consistent snapshot of the open database at {@code target}: VACUUM INTO a temp file beside
     * it, mark the copy as cleanly closed, fsync, atomic move. Caller holds the monitor.
     */
    private void snapshotTo(Path target) throws SQLException, IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".snap-" + UUID.randomUUID() + ".tmp");
        try {
            try (PreparedStatement ps = conn.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, temp.toString());
                ps.execute();
            }
            try (Connection copy = connect(temp)) {
                putMeta(copy, "session_open", "0");
                try (Statement s = copy.createStatement()) {
                    s.execute("PRAGMA journal_mode=DELETE"); // a self-contained single file, no sidecars
                }
            }
            DurableFiles.fsync(temp);
            DurableFiles.move(temp, target);
        } finally {
            DurableFiles.deleteQuietly(temp);
            DurableFiles.deleteQuietly(DurableFiles.sidecar(temp, "-journal"));
        }
    }

    // ------------------------------------------------------------------ what repositories use

    /** Runs a read under the monitor; failures become user sentences starting with {@code what}. */
    <T> T read(String what, SqlWork<T> work) throws WorkspaceException {
        return runUnderMonitor(what, false, work);
    }

    /** Runs a write (one statement, autocommit); refused on a read-only workspace. */
    <T> T write(String what, SqlWork<T> work) throws WorkspaceException {
        return runUnderMonitor(what, true, work);
    }

    private <T> T runUnderMonitor(String what, boolean writes, SqlWork<T> work) throws WorkspaceException {
        synchronized (monitor) {
            ensureOpen();
            if (writes) {
                ensureWritable(what);
            }
            try {
                return work.run(conn);
            } catch (SQLException e) {
                throw failure(what, e);
            }
        }
    }

    /** Runs several writes in one transaction: all or nothing. */
    <T> T transaction(String what, SqlWork<T> work) throws WorkspaceException {
        synchronized (monitor) {
            ensureOpen();
            ensureWritable(what);
            try {
                conn.setAutoCommit(false);
                try {
                    T result = work.run(conn);
                    conn.commit();
                    return result;
                } catch (SQLException | WorkspaceException | RuntimeException e) {
                    try {
                        conn.rollback();
                    } catch (SQLException suppressed) {
                        e.addSuppressed(suppressed); // SQLite may already have rolled back (a full disk does)
                    }
                    throw e;
                } finally {
                    conn.setAutoCommit(true);
                }
            } catch (SQLException e) {
                if (String.valueOf(e.getMessage()).contains("no transaction is active") && outOfSpace()) {
                    // SQLite rolled back by itself after SQLITE_FULL and the statement did not report it
                    throw new WorkspaceException(file, WorkspaceException.Reason.DISK_FULL, SqliteFailures.diskFullMessage(file, what), e);
                }
                throw failure(what, e);
            }
        }
    }

    /** The disk (or the size limit SQLite was given) has no room for another page. Caller holds the monitor. */
    private boolean outOfSpace() {
        if (SqliteFailures.usableSpace(file) < SqliteFailures.LOW_SPACE_BYTES) {
            return true;
        }
        try (Statement s = conn.createStatement();
             ResultSet count = s.executeQuery("PRAGMA page_count")) {
            long pages = count.next() ? count.getLong(1) : 0;
            try (ResultSet max = s.executeQuery("PRAGMA max_page_count")) {
                return max.next() && pages >= max.getLong(1) - 1;
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private void ensureOpen() throws WorkspaceException {
        if (closed) {
            throw new WorkspaceException(file, WorkspaceException.Reason.IO, "workspace " + file.getFileName() + " is closed");
        }
    }

    private void ensureWritable(String what) throws WorkspaceException {
        if (readOnly) {
            throw new WorkspaceException(file, WorkspaceException.Reason.READ_ONLY, what + ": " + file.getFileName()
                    + " is open read-only; use Save As to keep your changes in a copy");
        }
    }

    WorkspaceException failure(String what, Exception e) {
        return SqliteFailures.failureOf(file, what, e);
    }

    // ------------------------------------------------------------------ SQL helpers

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

    static Optional<String> getMeta(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM workspace_meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    static void putMeta(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO workspace_meta(key, value) VALUES (?, ?)"
                + " ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    private static void closeLock(WorkspaceLock lock) {
        if (lock != null) {
            lock.close();
        }
    }
}
