package dev.switchyard.engine.traffic.importer;

/** What to do when a query lacks some model's outcome. A blank is never read as 0. */
public enum MissingCellPolicy {
    /** Leave the incomplete query out and report its file and line (the default). */
    DROP_ROW,
    /** Keep every query and drop each model that has a missing cell anywhere instead. */
    DROP_MODEL
}
