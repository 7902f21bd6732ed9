package dev.switchyard.engine.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SimulationResult;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Stored run results: scenario snapshot, seed, engine version, input hashes and the full result. */
final class RunRepository {
    private final WorkspaceStore store;
    private final ScenarioRepository scenarios;

    RunRepository(WorkspaceStore store, ScenarioRepository scenarios) {
        this.store = store;
        this.scenarios = scenarios;
    }

    private Path file() {
        return store.file();
    }

    RunRecord record(RunRecord run) throws WorkspaceException {
        Instant now = Instant.now();
        long id = store.transaction("could not store the run of '" + run.scenarioName() + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_result(scenario_id, scenario_name,"
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
            } catch (SQLException e) {
                if (SqliteFailures.isConstraint(e)) {
                    throw new WorkspaceException(file(), WorkspaceException.Reason.NOT_FOUND, "the run of '"
                            + run.scenarioName() + "' names an input that is not stored in this workspace; store the"
                            + " catalog, price sheet and traffic sample first so the result stays traceable", e);
                }
                throw e;
            }
        });
        return new RunRecord(id, run.scenarioName(), run.scenarioJson(), run.inputs(), run.seed(),
                run.engineVersion(), run.resultJson(), run.label(), now);
    }

    RunRecord recordSimulation(Scenario scenario, SimulationResult result, String label) throws WorkspaceException {
        return recordSimulation(scenario, Double.NaN, result, label);
    }

    /** A run whose router aimed at {@code aim} (NaN: the contract target) against {@code scenario}'s contract target. */
    RunRecord recordSimulation(Scenario scenario, double aim, SimulationResult result, String label) throws WorkspaceException {
        InputRefs refs = scenarios.storeInputs(scenario);
        String json;
        try {
            json = Json.mapper().writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new WorkspaceException(file(), WorkspaceException.Reason.IO, "could not encode the result of '"
                    + scenario.name() + "': " + e.getOriginalMessage(), e);
        }
        return record(RunRecord.pending(scenario.name(), ScenarioJson.toJson(scenario, aim), refs, result.seed(),
                result.engineVersion(), json, label));
    }

    Scenario scenarioOf(RunRecord run) throws WorkspaceException {
        return scenarios.toScenario(new ScenarioDocument(run.scenarioName(), run.scenarioJson(), run.inputs(), 0, null));
    }

    Optional<RunRecord> find(long id) throws WorkspaceException {
        List<RunRecord> found = query("WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    List<RunRecord> ofScenario(String scenarioName) throws WorkspaceException {
        return query("WHERE scenario_name = ? ORDER BY id", scenarioName);
    }

    List<RunRecord> all() throws WorkspaceException {
        return query("ORDER BY id");
    }

    private List<RunRecord> query(String where, Object... args) throws WorkspaceException {
        return store.read("could not read run results", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, scenario_name, scenario_body, catalog_hash,"
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
            }
        });
    }

    boolean delete(long id) throws WorkspaceException {
        return store.write("could not delete run #" + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM run_result WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }
}
