package dev.switchyard.engine.workspace;

/** What a stored input is. The SQL value is stable: it is written into workspace files. */
public enum DatasetKind {
    CATALOG("catalog"),
    PRICE_SHEET("price_sheet"),
    TRAFFIC("traffic");

    private final String sql;

    DatasetKind(String sql) {
        this.sql = sql;
    }

    public String sqlValue() {
        return sql;
    }

    static DatasetKind fromSql(String value) {
        for (DatasetKind k : values()) {
            if (k.sql.equals(value)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown dataset kind '" + value + "' in workspace");
    }
}
