package dev.switchyard.engine.pricing.importer;

import dev.switchyard.engine.pricing.PriceSheet;
import java.util.List;
import java.util.Objects;

/**
 * An imported price sheet, the layout it was read from, and what was left out or assumed (e.g.
 * LiteLLM embedding models skipped, OpenRouter variable-price routers skipped).
 */
public record PriceImport(PriceSheet sheet, PriceFormat format, List<String> notes) {
    public PriceImport {
        Objects.requireNonNull(sheet, "sheet");
        Objects.requireNonNull(format, "format");
        notes = List.copyOf(notes);
    }
}
