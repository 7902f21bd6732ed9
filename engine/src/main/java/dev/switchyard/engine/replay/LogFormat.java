package dev.switchyard.engine.replay;

import dev.switchyard.engine.io.CsvReader;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.traffic.importer.UsageLogMapping;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a production log keeps what shadow replay needs: a column per field, optionally a key
 * inside that column's JSON ({@code usageDetails.input}). Presets for the generic usage-log CSV (the
 * importer's {@link UsageLogMapping} column names, remappable), LiteLLM spend logs, Langfuse
 * observation exports and Helicone's CSV export. The required columns of a preset must all be in
 * the header; a missing or renamed one is an error naming the file and the header line.
 *
 * @param name preset name
 * @param fields where each field comes from
 * @param required fields whose column must be present
 */
public record LogFormat(String name, Map<Field, Source> fields, Set<Field> required) {

    /** What replay reads from a log row. */
    public enum Field {
        REQUEST_ID, TIMESTAMP, MODEL, CATEGORY, TENANT, TIER, INPUT_TOKENS, CACHED_INPUT_TOKENS, OUTPUT_TOKENS, COST,
        SATISFIED, REPORTED, STATUS, PROMPT
    }

    /**
     * @param column header name
     * @param jsonKeys keys to try, in order, when the cell holds a JSON object (null: the cell itself);
     *     a key may be a dotted path
     */
    public record Source(String column, List<String> jsonKeys) {
        public Source {
            if (column == null || column.isBlank()) {
                throw new IllegalArgumentException("a log field needs a column name");
            }
            jsonKeys = jsonKeys == null ? null : List.copyOf(jsonKeys);
        }

        static Source of(String column) {
            return new Source(column, null);
        }

        static Source json(String column, String... keys) {
            return new Source(column, List.of(keys));
        }
    }

    public static final List<String> PRESETS = List.of("usage-log", "litellm", "langfuse", "helicone");

    public LogFormat {
        fields = Map.copyOf(fields);
        required = Set.copyOf(required);
        for (Field f : required) {
            if (!fields.containsKey(f)) {
                throw new IllegalArgumentException("log format '" + name + "' requires " + f + " but maps no column to it");
            }
        }
    }

    /** LiteLLM's spend logs (LiteLLM_SpendLogs table / UI export). */
    public static LogFormat litellm() {
        Map<Field, Source> f = new EnumMap<>(Field.class);
        f.put(Field.REQUEST_ID, Source.of("request_id"));
        f.put(Field.TIMESTAMP, Source.of("startTime"));
        f.put(Field.MODEL, Source.of("model"));
        f.put(Field.INPUT_TOKENS, Source.of("prompt_tokens"));
        f.put(Field.OUTPUT_TOKENS, Source.of("completion_tokens"));
        f.put(Field.COST, Source.of("spend"));
        f.put(Field.TENANT, Source.of("team_id"));
        f.put(Field.CATEGORY, Source.of("request_tags"));
        f.put(Field.TIER, Source.json("metadata", "sla_tier", "tier"));
        f.put(Field.STATUS, Source.of("status"));
        return new LogFormat("litellm", f, EnumSet.of(Field.REQUEST_ID, Field.TIMESTAMP, Field.MODEL, Field.INPUT_TOKENS,
                Field.OUTPUT_TOKENS, Field.COST, Field.STATUS));
    }

    /** Langfuse's observation export (generations). */
    public static LogFormat langfuse() {
        Map<Field, Source> f = new EnumMap<>(Field.class);
        f.put(Field.REQUEST_ID, Source.of("id"));
        f.put(Field.TIMESTAMP, Source.of("startTime"));
        f.put(Field.MODEL, Source.of("model"));
        f.put(Field.INPUT_TOKENS, Source.json("usageDetails", "input", "prompt_tokens"));
        f.put(Field.CACHED_INPUT_TOKENS, Source.json("usageDetails", "input_cached_tokens", "cache_read_input_tokens"));
        f.put(Field.OUTPUT_TOKENS, Source.json("usageDetails", "output", "completion_tokens"));
        f.put(Field.COST, Source.of("totalPrice"));
        return new LogFormat("langfuse", f, EnumSet.of(Field.REQUEST_ID, Field.TIMESTAMP, Field.MODEL, Field.INPUT_TOKENS,
                Field.OUTPUT_TOKENS, Field.COST));
    }

    /** Helicone's CSV export. */
    public static LogFormat helicone() {
        Map<Field, Source> f = new EnumMap<>(Field.class);
        f.put(Field.REQUEST_ID, Source.of("response_id"));
        f.put(Field.TIMESTAMP, Source.of("request_created_at"));
        f.put(Field.MODEL, Source.of("model"));
        f.put(Field.INPUT_TOKENS, Source.of("prompt_tokens"));
        f.put(Field.OUTPUT_TOKENS, Source.of("completion_tokens"));
        f.put(Field.COST, Source.of("cost"));
        f.put(Field.TENANT, Source.of("request_user_id"));
        f.put(Field.CATEGORY, Source.json("request_properties", "category", "Helicone-Property-Category"));
        f.put(Field.TIER, Source.json("request_properties", "sla_tier", "Helicone-Property-Sla-Tier"));
        f.put(Field.STATUS, Source.of("response_status"));
        f.put(Field.PROMPT, Source.json("request_body", "prompt"));
        return new LogFormat("helicone", f, EnumSet.of(Field.REQUEST_ID, Field.TIMESTAMP, Field.MODEL, Field.INPUT_TOKENS,
                Field.OUTPUT_TOKENS, Field.COST, Field.STATUS));
    }

    /**
     * The generic usage-log CSV: {@link UsageLogMapping#defaults()}'s column names, each remappable
     * with {@code overrides} (field name, e.g. {@code inputTokens}, to header name).
     */
    public static LogFormat usageLog(Map<String, String> overrides) {
        UsageLogMapping d = UsageLogMapping.defaults();
        Map<Field, Source> f = new EnumMap<>(Field.class);
        f.put(Field.REQUEST_ID, Source.of(d.queryId()));
        f.put(Field.TIMESTAMP, Source.of(d.timestamp()));
        f.put(Field.MODEL, Source.of(d.model()));
        f.put(Field.INPUT_TOKENS, Source.of(d.inputTokens()));
        f.put(Field.CACHED_INPUT_TOKENS, Source.of(d.cachedInputTokens()));
        f.put(Field.OUTPUT_TOKENS, Source.of(d.outputTokens()));
        f.put(Field.COST, Source.of(d.costUsd()));
        f.put(Field.TENANT, Source.of(d.tenant()));
        f.put(Field.CATEGORY, Source.of(d.category()));
        f.put(Field.TIER, Source.of(d.slaTier()));
        f.put(Field.REPORTED, Source.of(d.feedback()));
        f.put(Field.SATISFIED, Source.of("satisfied"));
        f.put(Field.PROMPT, Source.of("prompt"));
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            f.put(field(e.getKey()), Source.of(e.getValue()));
        }
        return new LogFormat("usage-log", f, EnumSet.of(Field.MODEL, Field.INPUT_TOKENS));
    }

    private static Field field(String key) {
        String k = key.strip().replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
        for (Field f : Field.values()) {
            if (f.name().replace("_", "").toLowerCase(Locale.ROOT).equals(k)) {
                return f;
            }
        }
        if (k.equals("feedback")) {
            return Field.REPORTED;
        }
        if (k.equals("costusd")) {
            return Field.COST;
        }
        if (k.equals("queryid")) {
            return Field.REQUEST_ID;
        }
        throw new IllegalArgumentException("--column " + key + ": unknown field; fields are requestId, timestamp, model, category,"
                + " tenant, tier, inputTokens, cachedInputTokens, outputTokens, cost, satisfied, reported, status, prompt");
    }

    /**
     * The format named {@code name}; {@code auto} looks at {@code file}'s header.
     *
     * @param columns usage-log column overrides (only with the usage-log format)
     */
    public static LogFormat named(String name, Path file, Map<String, String> columns) throws ImportException, IOException {
        String n = name == null ? "auto" : name.strip().toLowerCase(Locale.ROOT);
        if (!columns.isEmpty() && !n.equals("usage-log") && !n.equals("auto")) {
            throw new IllegalArgumentException("--column maps usage-log columns; the '" + n + "' preset has fixed columns");
        }
        if (n.equals("auto")) {
            if (!columns.isEmpty()) {
                return usageLog(columns);
            }
            List<String> header;
            try (CsvReader r = CsvReader.open(file)) {
                header = r.readHeader();
            }
            n = detect(header);
        }
        return switch (n) {
            case "usage-log" -> usageLog(columns);
            case "litellm" -> litellm();
            case "langfuse" -> langfuse();
            case "helicone" -> helicone();
            default -> throw new IllegalArgumentException("unknown log format '" + name + "'; formats: auto, "
                    + String.join(", ", PRESETS));
        };
    }

    /** The preset whose telltale columns the header has; usage-log otherwise. */
    static String detect(List<String> header) {
        if (header.contains("spend") && (header.contains("model_group") || header.contains("request_id"))) {
            return "litellm";
        }
        if (header.contains("usageDetails") || header.contains("traceId")) {
            return "langfuse";
        }
        if (header.contains("response_id") && header.contains("request_created_at")) {
            return "helicone";
        }
        return "usage-log";
    }
}
