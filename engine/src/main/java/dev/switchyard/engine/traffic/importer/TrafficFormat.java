package dev.switchyard.engine.traffic.importer;

/** The traffic layouts Switchyard reads; {@link #AUTO} detects the layout from each file's header. */
public enum TrafficFormat {
    AUTO("detect from the header"),
    ROUTERBENCH("RouterBench wide CSV: sample_id, prompt, eval_name, one score column per model, <model>|total_cost"),
    LONG("long outcome CSV: query_id, category, model, score, input_tokens, output_tokens[, cost_usd, latency_ms]"),
    SPROUT("SPROUT-style wide CSV: <model>.score, <model>.num_output_tokens per model"),
    ROUTELLM("RouteLLM two-model CSV: prompt, <model A>, <model B> with True/False"),
    USAGE_LOG("usage-log CSV (timestamp, model, tokens...) joined with an evaluation sample by category");

    private final String description;

    TrafficFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
