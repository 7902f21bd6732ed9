package dev.switchyard.engine.workspace;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Pinned comparisons: a name, a note and an ordered list of stored runs. */
final class ComparisonRepository {
    private final WorkspaceStore store;

    ComparisonRepository(WorkspaceStore store) {
        this.store = store;
    }

    Comparison pin(String name, String note, List<Long> runIds) throws WorkspaceException {
        Comparison candidate = new Comparison(name, note, runIds, Instant.now());
        store.transaction("could not pin comparison '" + name + "'", c -> {
            try {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM comparison WHERE name = ?")) {
                    ps.setString(1, candidate.name());
                    ps.executeUpdate();
                }
                long id;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO comparison(name, note, created_at)"
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
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO comparison_run(comparison_id, run_id,"
                        + " position) VALUES (?,?,?)")) {
                    for (int i = 0; i < candidate.runIds().size(); i++) {
                        ps.setLong(1, id);
                        ps.setLong(2, candidate.runIds().get(i));
                        ps.setInt(3, i);
                        ps.executeUpdate();
                    }
                }
                return null;
            } catch (SQLException e) {
                if (SqliteFailures.isConstraint(e)) {
                    throw new WorkspaceException(store.file(), WorkspaceException.Reason.NOT_FOUND,
                            "comparison '" + name + "' names a run that is not in this workspace", e);
                }
                throw e;
            }
        });
        return candidate;
    }

    List<Comparison> all() throws WorkspaceException {
        return store.read("could not list pinned comparisons", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT c.name, c.note, c.created_at,"
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
            }
        });
    }

    boolean unpin(String name) throws WorkspaceException {
        return store.write("could not unpin comparison '" + name + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM comparison WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() > 0;
            }
        });
    }
}
