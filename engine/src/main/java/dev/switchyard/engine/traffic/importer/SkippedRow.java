package dev.switchyard.engine.traffic.importer;

/** A row left out of the sample, and why (e.g. a missing cell under {@link MissingCellPolicy#DROP_ROW}). */
public record SkippedRow(String file, long line, String reason) {
    public SkippedRow {
        if (file == null || reason == null) {
            throw new IllegalArgumentException("a skipped row needs a file and a reason");
        }
    }

    @Override
    public String toString() {
        return file + ", line " + line + ": " + reason;
    }
}
