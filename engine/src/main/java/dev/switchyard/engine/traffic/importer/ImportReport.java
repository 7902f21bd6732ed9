package dev.switchyard.engine.traffic.importer;

import java.util.List;

/**
 * What an import did besides producing the sample.
 *
 * @param rowsRead data rows read from all files (headers and blank lines not counted)
 * @param rowsUsed queries in the sample
 * @param skippedRows every row left out, with file and line
 * @param droppedModels models removed under {@link MissingCellPolicy#DROP_MODEL}
 * @param notes estimates and joins the user should know about (token estimates, joined data...)
 * @param collidingIds query ids that stand for more than one prompt (each id and prompt is its own query)
 * @param collisionExamples a few of them, with file and lines
 * @param mergedRows rows that repeat a query of an earlier file (same id and prompt) and were kept once
 */
public record ImportReport(long rowsRead, int rowsUsed, List<SkippedRow> skippedRows, List<String> droppedModels,
        List<String> notes, int collidingIds, List<String> collisionExamples, int mergedRows) {

    public ImportReport(long rowsRead, int rowsUsed, List<SkippedRow> skippedRows, List<String> droppedModels,
            List<String> notes) {
        this(rowsRead, rowsUsed, skippedRows, droppedModels, notes, 0, List.of(), 0);
    }

    public ImportReport {
        if (rowsRead < 0 || rowsUsed < 0) {
            throw new IllegalArgumentException("row counts must be >= 0");
        }
        skippedRows = List.copyOf(skippedRows);
        droppedModels = List.copyOf(droppedModels);
        notes = List.copyOf(notes);
        collisionExamples = List.copyOf(collisionExamples);
    }
}
