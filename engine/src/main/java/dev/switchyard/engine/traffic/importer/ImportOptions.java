package dev.switchyard.engine.traffic.importer;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.io.CsvDialect;
import dev.switchyard.engine.traffic.TrafficSample;

/**
 * How to import traffic files.
 *
 * @param catalog model names resolve through its ids and aliases; empty keeps names as they are
 * @param missingCells what to do with a query lacking some model's outcome
 * @param format the layout, or {@link TrafficFormat#AUTO} to detect it per file
 * @param usageLog which usage-log column holds what; null means the default column names
 * @param sampleName name of the resulting sample; null or blank derives it from the files
 * @param evaluationSample the evaluation matrix a usage log is joined with by category (a usage log
 *     has no counterfactual outcomes of its own); only needed for usage logs
 * @param dialect the CSV delimiter and decimal mark; {@link CsvDialect#AUTO} detects the delimiter
 */
public record ImportOptions(
        Catalog catalog,
        MissingCellPolicy missingCells,
        TrafficFormat format,
        UsageLogMapping usageLog,
        String sampleName,
        TrafficSample evaluationSample,
        CsvDialect dialect) {

    public ImportOptions {
        dialect = dialect == null ? CsvDialect.AUTO : dialect;
        catalog = catalog == null ? Catalog.empty() : catalog;
        missingCells = missingCells == null ? MissingCellPolicy.DROP_ROW : missingCells;
        format = format == null ? TrafficFormat.AUTO : format;
        sampleName = sampleName == null || sampleName.isBlank() ? null : sampleName.strip();
    }

    public ImportOptions(Catalog catalog, MissingCellPolicy missingCells, TrafficFormat format,
            UsageLogMapping usageLog, String sampleName) {
        this(catalog, missingCells, format, usageLog, sampleName, null, CsvDialect.AUTO);
    }

    public ImportOptions(Catalog catalog, MissingCellPolicy missingCells, TrafficFormat format,
            UsageLogMapping usageLog, String sampleName, TrafficSample evaluationSample) {
        this(catalog, missingCells, format, usageLog, sampleName, evaluationSample, CsvDialect.AUTO);
    }

    public ImportOptions withDialect(CsvDialect newDialect) {
        return new ImportOptions(catalog, missingCells, format, usageLog, sampleName, evaluationSample, newDialect);
    }

    /** Empty catalog (names kept), drop incomplete rows, detect the format, default usage-log columns. */
    public static ImportOptions defaults() {
        return new ImportOptions(Catalog.empty(), MissingCellPolicy.DROP_ROW, TrafficFormat.AUTO, null, null, null);
    }

    public ImportOptions withCatalog(Catalog newCatalog) {
        return new ImportOptions(newCatalog, missingCells, format, usageLog, sampleName, evaluationSample, dialect);
    }

    public ImportOptions withMissingCells(MissingCellPolicy policy) {
        return new ImportOptions(catalog, policy, format, usageLog, sampleName, evaluationSample, dialect);
    }

    public ImportOptions withFormat(TrafficFormat newFormat) {
        return new ImportOptions(catalog, missingCells, newFormat, usageLog, sampleName, evaluationSample, dialect);
    }

    public ImportOptions withSampleName(String name) {
        return new ImportOptions(catalog, missingCells, format, usageLog, name, evaluationSample, dialect);
    }

    /** Usage-log import: the column mapping (null for the defaults) and the evaluation sample to join. */
    public ImportOptions withUsageLog(UsageLogMapping mapping, TrafficSample evaluation) {
        return new ImportOptions(catalog, missingCells, format, mapping, sampleName, evaluation, dialect);
    }
}
