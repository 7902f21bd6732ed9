package dev.switchyard.engine.workspace;

import dev.switchyard.engine.traffic.TrafficSample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Wrote the checked-in fixture {@code workspace-v1.switchyard} with the genuine version-1 schema
 * step and the SQL a version-1 build ran. Kept so the fixture can be explained and, if ever needed,
 * regenerated: {@code java -cp <test classpath> dev.switchyard.engine.workspace.MigrationFixtureWriter OUT}.
 * Never regenerate it with a newer schema: the point is that it is old.
 */
public final class MigrationFixtureWriter {
    static final String SCENARIO_JSON = "{\"router\":\"slarouter\",\"tau\":0.9,\"feedbackRate\":0.2}";
    static final String RESULT_JSON = "{\"spendUsd\":1234.5,\"satisfaction\":0.912}";

    private MigrationFixtureWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.deleteIfExists(out);
        TrafficSample sample = TestTraffic.sample("fixture traffic", 120, 1, true);
        TrafficCodec.Encoded traffic = TrafficCodec.encode(sample);
        byte[] prices = "{\"format\":\"switchyard-price-sheet\",\"formatVersion\":1,\"name\":\"fixture\",\"prices\":[]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String priceHash = TrafficCodec.sha256Hex(prices);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out)) {
            WorkspaceSchema.migrate(c, 1);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO workspace_meta VALUES ('workspace_id','fixture-v1'),('created_at','2026-11-22T00:00:00Z'),"
                        + "('created_by_engine','0.1.0'),('session_open','0')");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dataset VALUES (?,?,?,?,?,?,?)")) {
                ps.setString(1, traffic.sha256());
                ps.setString(2, "traffic");
                ps.setString(3, sample.name());
                ps.setString(4, "fixture.csv");
                ps.setString(5, "sytr-1+deflate");
                ps.setBytes(6, traffic.bytes());
                ps.setString(7, "2026-11-22T00:00:01Z");
                ps.executeUpdate();
                ps.setString(1, priceHash);
                ps.setString(2, "price_sheet");
                ps.setString(3, "fixture");
                ps.setString(4, "prices.json");
                ps.setString(5, "json");
                ps.setBytes(6, prices);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO scenario(name, body, price_sheet_hash, traffic_hash,"
                    + " revision, updated_at) VALUES ('v1 scenario', ?, ?, ?, 3, '2026-11-22T00:00:02Z')")) {
                ps.setString(1, SCENARIO_JSON);
                ps.setString(2, priceHash);
                ps.setString(3, traffic.sha256());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_result(scenario_id, scenario_name, scenario_body,"
                    + " price_sheet_hash, traffic_hash, seed, engine_version, result_body, created_at)"
                    + " VALUES (1, 'v1 scenario', ?, ?, ?, 42, '0.1.0', ?, '2026-11-22T00:00:03Z')")) {
                ps.setString(1, SCENARIO_JSON);
                ps.setString(2, priceHash);
                ps.setString(3, traffic.sha256());
                ps.setString(4, RESULT_JSON);
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO comparison(name, note, created_at) VALUES ('pinned', 'v1 pin', '2026-11-22T00:00:04Z')");
                s.execute("INSERT INTO comparison_run VALUES (1, 1, 0)");
                s.execute("PRAGMA journal_mode=WAL");
            }
        }
    }
}
