package dev.switchyard.engine.traffic.importer;

import java.util.List;

/** What a format reader needs besides the CSV: options, the file's stem, and where notes go. */
final class ReadContext {
    final ImportOptions options;
    final String stem;
    final Cells.ModelNames models;
    private final List<String> notes;

    ReadContext(ImportOptions options, String stem, Cells.ModelNames models, List<String> notes) {
        this.options = options;
        this.stem = stem;
        this.models = models;
        this.notes = notes;
    }

    void note(String text) {
        notes.add(text);
    }
}
