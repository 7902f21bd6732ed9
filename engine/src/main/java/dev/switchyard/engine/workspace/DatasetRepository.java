package dev.switchyard.engine.workspace;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.CatalogJson;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.pricing.PriceSheetJson;
import dev.switchyard.engine.traffic.TrafficSample;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Inputs (catalogs, price sheets, traffic samples), stored once each by content hash. */
final class DatasetRepository {
    private static final String JSON_ENCODING = "json";
    private static final String TRAFFIC_ENCODING = "sytr-" + TrafficCodec.FORMAT_VERSION + "+deflate";

    private final WorkspaceStore store;

    DatasetRepository(WorkspaceStore store) {
        this.store = store;
    }

    private Path file() {
        return store.file();
    }

    DatasetInfo putTraffic(TrafficSample sample, String originalFile) throws WorkspaceException {
        TrafficCodec.Encoded encoded = TrafficCodec.encode(sample); // CPU work outside the lock
        return putDataset(DatasetKind.TRAFFIC, encoded.sha256(), sample.name(), originalFile, TRAFFIC_ENCODING,
                encoded.bytes());
    }

    DatasetInfo putCatalogJson(String name, String originalFile, byte[] nativeJson) throws WorkspaceException {
        return putDataset(DatasetKind.CATALOG, TrafficCodec.sha256Hex(nativeJson), name, originalFile, JSON_ENCODING,
                nativeJson.clone());
    }

    DatasetInfo putPriceSheetJson(String name, String originalFile, byte[] nativeJson) throws WorkspaceException {
        return putDataset(DatasetKind.PRICE_SHEET, TrafficCodec.sha256Hex(nativeJson), name, originalFile,
                JSON_ENCODING, nativeJson.clone());
    }

    DatasetInfo putCatalog(Catalog catalog, String originalFile) throws WorkspaceException {
        try {
            return putCatalogJson(catalog.name(), originalFile, CatalogJson.toBytes(catalog));
        } catch (IOException e) {
            throw new WorkspaceException(file(), WorkspaceException.Reason.IO, "could not encode catalog '" + catalog.name() + "'", e);
        }
    }

    DatasetInfo putPriceSheet(PriceSheet sheet, String originalFile) throws WorkspaceException {
        try {
            return putPriceSheetJson(sheet.label(), originalFile, PriceSheetJson.toBytes(sheet));
        } catch (IOException e) {
            throw new WorkspaceException(file(), WorkspaceException.Reason.IO, "could not encode price sheet '" + sheet.name() + "'", e);
        }
    }

    Catalog loadCatalog(String hash) throws WorkspaceException {
        byte[] json = loadJson(hash);
        try {
            return CatalogJson.read(new ByteArrayInputStream(json), file().getFileName() + " (catalog " + hash.substring(0, 12) + ")");
        } catch (ImportException | IOException e) {
            throw new WorkspaceException(file(), WorkspaceException.Reason.CORRUPT, "stored catalog " + hash + " cannot be read: " + e.getMessage(), e);
        }
    }

    PriceSheet loadPriceSheet(String hash) throws WorkspaceException {
        byte[] json = loadJson(hash);
        try {
            return PriceSheetJson.read(new ByteArrayInputStream(json), file().getFileName() + " (price sheet " + hash.substring(0, 12) + ")");
        } catch (ImportException | IOException e) {
            throw new WorkspaceException(file(), WorkspaceException.Reason.CORRUPT, "stored price sheet " + hash + " cannot be read: " + e.getMessage(), e);
        }
    }

    private DatasetInfo putDataset(DatasetKind kind, String hash, String name, String originalFile, String encoding,
                                   byte[] payload) throws WorkspaceException {
        String label = name == null || name.isBlank() ? kind.sqlValue() : name.strip();
        String fileName = originalFile == null || originalFile.isBlank() ? null
                : Path.of(originalFile).getFileName().toString();
        return store.write("could not store " + kind.sqlValue() + " '" + label + "'", c -> {
            Optional<DatasetInfo> existing = datasetRow(c, hash);
            if (existing.isPresent()) {
                if (existing.get().kind() != kind) {
                    throw new WorkspaceException(file(), WorkspaceException.Reason.IO, "content " + hash
                            + " is already stored as a " + existing.get().kind().sqlValue());
                }
                return existing.get();
            }
            Instant now = Instant.now();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dataset(hash, kind, name, original_file,"
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
        });
    }

    List<DatasetInfo> datasets(DatasetKind kind) throws WorkspaceException {
        return store.read("could not list " + kind.sqlValue() + " inputs", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT hash, kind, name, original_file, encoding,"
                    + " length(payload), imported_at FROM dataset WHERE kind = ? ORDER BY imported_at, name")) {
                ps.setString(1, kind.sqlValue());
                List<DatasetInfo> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(datasetRow(rs));
                    }
                }
                return out;
            }
        });
    }

    Optional<DatasetInfo> dataset(String hash) throws WorkspaceException {
        return store.read("could not read input " + hash, c -> datasetRow(c, hash));
    }

    TrafficSample loadTraffic(String hash) throws WorkspaceException {
        byte[] payload = payload(hash, DatasetKind.TRAFFIC);
        try {
            return TrafficCodec.decode(payload, hash);
        } catch (IOException e) {
            throw new WorkspaceException(file(), WorkspaceException.Reason.CORRUPT,
                    "traffic sample " + hash + " in " + file().getFileName() + " cannot be read: " + e.getMessage(), e);
        }
    }

    byte[] loadJson(String hash) throws WorkspaceException {
        byte[] payload = payload(hash, null);
        if (!TrafficCodec.sha256Hex(payload).equals(hash)) {
            throw new WorkspaceException(file(), WorkspaceException.Reason.CORRUPT,
                    "input " + hash + " in " + file().getFileName() + " does not match its content hash");
        }
        return payload;
    }

    private byte[] payload(String hash, DatasetKind expected) throws WorkspaceException {
        return store.read("could not read input " + hash, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT kind, payload FROM dataset WHERE hash = ?")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new WorkspaceException(file(), WorkspaceException.Reason.NOT_FOUND,
                                "no input with hash " + hash + " in " + file().getFileName());
                    }
                    DatasetKind kind = DatasetKind.fromSql(rs.getString(1));
                    if (expected != null && kind != expected) {
                        throw new WorkspaceException(file(), WorkspaceException.Reason.NOT_FOUND,
                                "input " + hash + " is a " + kind.sqlValue() + ", not a " + expected.sqlValue());
                    }
                    if (expected == null && kind == DatasetKind.TRAFFIC) {
                        throw new WorkspaceException(file(), WorkspaceException.Reason.NOT_FOUND,
                                "input " + hash + " is a traffic sample; use loadTraffic");
                    }
                    return rs.getBytes(2);
                }
            }
        });
    }

    void deleteDataset(String hash) throws WorkspaceException {
        store.write("could not delete input " + hash, c -> {
            List<String> users = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT 'scenario ''' || name || '''' FROM scenario"
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
                throw new WorkspaceException(file(), WorkspaceException.Reason.IO, "input " + hash
                        + " is still used by " + String.join(", ", users) + "; results must stay traceable to their inputs");
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM dataset WHERE hash = ?")) {
                ps.setString(1, hash);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static Optional<DatasetInfo> datasetRow(java.sql.Connection c, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT hash, kind, name, original_file, encoding,"
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
}
