package dev.switchyard.engine.workspace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The workspace schema and its migrations, keyed on {@code PRAGMA user_version}. Each step runs
 * with the version bump in one transaction, so a file is always at exactly one version: a crash
 * mid-migration rolls back to the old one. Steps are append-only: never edit a released step,
 * add a new one (see docs/decisions/0602-workspace-schema-migrations.md).
 */
final class WorkspaceSchema {
    /** {@code PRAGMA application_id}: "SwYd". Tells our files apart from any other SQLite file. */
    static final int APPLICATION_ID = 0x53775964;

    private record Step(int toVersion, String why, List<String> sql) {
    }

    private static final List<Step> STEPS = List.of(
            new Step(1, "initial schema", List.of(
                    "CREATE TABLE workspace_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
                    """
                    CREATE TABLE dataset(
                      hash TEXT PRIMARY KEY,
                      kind TEXT NOT NULL CHECK (kind IN ('catalog','price_sheet','traffic')),
                      name TEXT NOT NULL,
                      original_file TEXT,
                      encoding TEXT NOT NULL,
                      payload BLOB NOT NULL,
                      imported_at TEXT NOT NULL)""",
                    """
                    CREATE TABLE scenario(
                      id INTEGER PRIMARY KEY,
                      name TEXT NOT NULL UNIQUE,
                      body TEXT NOT NULL,
                      catalog_hash TEXT REFERENCES dataset(hash),
                      price_sheet_hash TEXT REFERENCES dataset(hash),
                      traffic_hash TEXT REFERENCES dataset(hash),
                      revision INTEGER NOT NULL,
                      updated_at TEXT NOT NULL)""",
                    """
                    CREATE TABLE run_result(
                      id INTEGER PRIMARY KEY,
                      scenario_id INTEGER REFERENCES scenario(id) ON DELETE SET NULL,
                      scenario_name TEXT NOT NULL,
                      scenario_body TEXT NOT NULL,
                      catalog_hash TEXT REFERENCES dataset(hash),
                      price_sheet_hash TEXT NOT NULL REFERENCES dataset(hash),
                      traffic_hash TEXT NOT NULL REFERENCES dataset(hash),
                      seed INTEGER NOT NULL,
                      engine_version TEXT NOT NULL,
                      result_body TEXT NOT NULL,
                      created_at TEXT NOT NULL)""",
                    """
                    CREATE TABLE comparison(
                      id INTEGER PRIMARY KEY,
                      name TEXT NOT NULL UNIQUE,
                      note TEXT,
                      created_at TEXT NOT NULL)""",
                    """
                    CREATE TABLE comparison_run(
                      comparison_id INTEGER NOT NULL REFERENCES comparison(id) ON DELETE CASCADE,
                      run_id INTEGER NOT NULL REFERENCES run_result(id) ON DELETE CASCADE,
                      position INTEGER NOT NULL,
                      PRIMARY KEY (comparison_id, run_id)) WITHOUT ROWID""")),
            // Rebuilds run_result (SQLite cannot drop a NOT NULL): a run priced from the sample's
            // recorded costs has no price sheet. Adds run labels and the indexes the lists query by.
            new Step(2, "run labels, runs priced from recorded costs, list indexes", List.of(
                    """
                    CREATE TABLE run_result_v2(
                      id INTEGER PRIMARY KEY,
                      scenario_id INTEGER REFERENCES scenario(id) ON DELETE SET NULL,
                      scenario_name TEXT NOT NULL,
                      scenario_body TEXT NOT NULL,
                      catalog_hash TEXT REFERENCES dataset(hash),
                      price_sheet_hash TEXT REFERENCES dataset(hash),
                      traffic_hash TEXT NOT NULL REFERENCES dataset(hash),
                      seed INTEGER NOT NULL,
                      engine_version TEXT NOT NULL,
                      result_body TEXT NOT NULL,
                      created_at TEXT NOT NULL,
                      label TEXT)""",
                    "INSERT INTO run_result_v2(id, scenario_id, scenario_name, scenario_body, catalog_hash, price_sheet_hash,"
                            + " traffic_hash, seed, engine_version, result_body, created_at) SELECT id, scenario_id,"
                            + " scenario_name, scenario_body, catalog_hash, price_sheet_hash, traffic_hash, seed,"
                            + " engine_version, result_body, created_at FROM run_result",
                    "DROP TABLE run_result",
                    "ALTER TABLE run_result_v2 RENAME TO run_result",
                    "CREATE INDEX run_result_by_scenario ON run_result(scenario_id, created_at)",
                    "CREATE INDEX dataset_by_kind ON dataset(kind, name)")));

    /** The newest schema this build reads and writes. */
    static final int CURRENT_VERSION = STEPS.get(STEPS.size() - 1).toVersion();

    private WorkspaceSchema() {
    }

    static int userVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    static int applicationId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA application_id")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Migrates to {@link #CURRENT_VERSION}. The connection must be in auto-commit mode. */
    static void migrate(Connection c) throws SQLException {
        migrate(c, CURRENT_VERSION);
    }

    /**
     * Migrates up to {@code target} (tests use an older target to make genuine old files). Each
     * step is its own transaction, taken with BEGIN IMMEDIATE so no other writer can interleave.
     */
    static void migrate(Connection c, int target) throws SQLException {
        int version = userVersion(c);
        if (version >= target) {
            return;
        }
        // Table rebuilds must not fire ON DELETE CASCADE; the pragma only works outside a
        // transaction. References are verified with foreign_key_check before each commit instead.
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys=OFF");
        }
        try {
            version = migrateSteps(c, version, target);
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA foreign_keys=ON");
            }
        }
    }

    private static int migrateSteps(Connection c, int version, int target) throws SQLException {
        for (Step step : STEPS) {
            if (step.toVersion() <= version || step.toVersion() > target) {
                continue;
            }
            try (Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                try {
                    // Re-read inside the transaction: the version we saw may be stale.
                    if (userVersionInTx(s) >= step.toVersion()) {
                        s.execute("ROLLBACK");
                        continue;
                    }
                    for (String sql : step.sql()) {
                        s.execute(sql);
                    }
                    if (step.toVersion() == 1) {
                        s.execute("PRAGMA application_id = " + APPLICATION_ID);
                    }
                    try (ResultSet broken = s.executeQuery("PRAGMA foreign_key_check")) {
                        if (broken.next()) {
                            throw new SQLException("table " + broken.getString(1) + " has a reference to a missing "
                                    + broken.getString(3) + " row after the migration");
                        }
                    }
                    // PRAGMA user_version is transactional: it commits or rolls back with the step.
                    s.execute("PRAGMA user_version = " + step.toVersion());
                    s.execute("COMMIT");
                } catch (SQLException e) {
                    try {
                        s.execute("ROLLBACK");
                    } catch (SQLException suppressed) {
                        e.addSuppressed(suppressed);
                    }
                    throw new SQLException("migration of the workspace schema to version " + step.toVersion()
                            + " (" + step.why() + ") failed; the file was left at version " + version, e);
                }
            }
            version = step.toVersion();
        }
        return version;
    }

    private static int userVersionInTx(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
