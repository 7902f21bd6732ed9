package dev.switchyard.engine.workspace;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.traffic.TrafficSample;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Named scenarios (settings as {@link ScenarioJson} plus the hashes of their inputs). */
final class ScenarioRepository {
    private final WorkspaceStore store;
    private final DatasetRepository datasets;

    ScenarioRepository(WorkspaceStore store, DatasetRepository datasets) {
        this.store = store;
        this.datasets = datasets;
    }

    private Path file() {
        return store.file();
    }

    ScenarioDocument save(ScenarioDocument doc) throws WorkspaceException {
        Instant now = Instant.now();
        return store.transaction("could not save scenario '" + doc.name() + "'", c -> {
            long revision;
            try (PreparedStatement ps = c.prepareStatement("SELECT revision FROM scenario WHERE name = ?")) {
                ps.setString(1, doc.name());
                try (ResultSet rs = ps.executeQuery()) {
                    revision = rs.next() ? rs.getLong(1) + 1 : 1;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO scenario(name, body, catalog_hash,"
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
    }

    Optional<ScenarioDocument> find(String name) throws WorkspaceException {
        return store.read("could not read scenario '" + name + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name, body, catalog_hash, price_sheet_hash,"
                    + " traffic_hash, revision, updated_at FROM scenario WHERE name = ?")) {
                ps.setString(1, name == null ? "" : name.strip());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(scenarioRow(rs)) : Optional.empty();
                }
            }
        });
    }

    List<ScenarioDocument> all() throws WorkspaceException {
        return store.read("could not list scenarios", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name, body, catalog_hash,"
                    + " price_sheet_hash, traffic_hash, revision, updated_at FROM scenario ORDER BY name")) {
                List<ScenarioDocument> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(scenarioRow(rs));
                }
                return out;
            }
        });
    }

    ScenarioDocument save(Scenario scenario) throws WorkspaceException {
        InputRefs refs = storeInputs(scenario);
        return save(ScenarioDocument.of(scenario.name(), ScenarioJson.toJson(scenario), refs));
    }

    InputRefs storeInputs(Scenario scenario) throws WorkspaceException {
        TrafficSample sample = scenario.sample();
        String source = sample.sources().isEmpty() ? null : sample.sources().get(0);
        String traffic = datasets.putTraffic(sample, source).hash();
        String catalog = scenario.catalog().models().isEmpty() ? null : datasets.putCatalog(scenario.catalog(), null).hash();
        String prices = scenario.prices() == null ? null : datasets.putPriceSheet(scenario.prices(), null).hash();
        return new InputRefs(catalog, prices, traffic);
    }

    Scenario load(String name) throws WorkspaceException {
        Optional<ScenarioDocument> doc = find(name);
        if (doc.isEmpty()) {
            throw new WorkspaceException(file(), WorkspaceException.Reason.NOT_FOUND, "no scenario named '" + name
                    + "' in " + file().getFileName() + "; it has " + all().stream().map(ScenarioDocument::name).toList());
        }
        return toScenario(doc.get());
    }

    Scenario toScenario(ScenarioDocument doc) throws WorkspaceException {
        if (doc.inputs().trafficHash() == null) {
            throw new WorkspaceException(file(), WorkspaceException.Reason.NOT_FOUND,
                    "scenario '" + doc.name() + "' has no traffic sample yet");
        }
        TrafficSample sample = datasets.loadTraffic(doc.inputs().trafficHash());
        Catalog catalog = doc.inputs().catalogHash() == null ? Catalog.empty() : datasets.loadCatalog(doc.inputs().catalogHash());
        PriceSheet prices = doc.inputs().priceSheetHash() == null ? null : datasets.loadPriceSheet(doc.inputs().priceSheetHash());
        try {
            return ScenarioJson.fromJson(doc.json(), sample, catalog, prices);
        } catch (IllegalArgumentException e) {
            throw new WorkspaceException(file(), WorkspaceException.Reason.IO, e.getMessage(), e);
        }
    }

    boolean delete(String name) throws WorkspaceException {
        return store.write("could not delete scenario '" + name + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM scenario WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() > 0;
            }
        });
    }

    void rename(String from, String to) throws WorkspaceException {
        ScenarioDocument.of(to, "{}", null); // validates the new name
        store.write("could not rename scenario '" + from + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE scenario SET name = ? WHERE name = ?")) {
                ps.setString(1, to.strip());
                ps.setString(2, from);
                if (ps.executeUpdate() == 0) {
                    throw new WorkspaceException(file(), WorkspaceException.Reason.NOT_FOUND, "no scenario named '" + from + "'");
                }
            } catch (SQLException e) {
                if (SqliteFailures.isConstraint(e)) {
                    throw new WorkspaceException(file(), WorkspaceException.Reason.ALREADY_EXISTS,
                            "a scenario named '" + to + "' already exists", e);
                }
                throw e;
            }
            return null;
        });
    }

    private static ScenarioDocument scenarioRow(ResultSet rs) throws SQLException {
        return new ScenarioDocument(rs.getString(1), rs.getString(2),
                new InputRefs(rs.getString(3), rs.getString(4), rs.getString(5)), rs.getLong(6),
                Instant.parse(rs.getString(7)));
    }
}
