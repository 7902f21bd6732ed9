package dev.switchyard.engine.pricing.importer;

/** The price-sheet layouts {@link PriceImporter} detects. */
public enum PriceFormat {
    NATIVE_JSON("Switchyard price sheet JSON (\"format\": \"switchyard-price-sheet\")"),
    LITELLM_JSON("LiteLLM model_prices_and_context_window.json"),
    OPENROUTER_JSON("OpenRouter /api/v1/models JSON"),
    SIMPLE_CSV("CSV: model, input_per_1m, output_per_1m, cached_input_per_1m, request_fee, effective_from, source");

    private final String description;

    PriceFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
