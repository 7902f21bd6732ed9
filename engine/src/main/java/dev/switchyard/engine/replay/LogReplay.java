package dev.switchyard.engine.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.engine.export.LiveFeedback;
import dev.switchyard.engine.export.LiveRequest;
import dev.switchyard.engine.export.LiveRouter;
import dev.switchyard.engine.export.RoutingConfig;
import dev.switchyard.engine.export.SimulatedJudge;
import dev.switchyard.engine.io.CsvReader;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.routing.FeedbackKind;
import dev.switchyard.engine.routing.Signal;
import dev.switchyard.engine.replay.LogFormat.Field;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code replay --log}: runs a production usage log through a configuration's {@link LiveRouter}
 * without serving anything and reports what it would have done (requests, model share, expected
 * cost at the configuration's prices against the recorded cost, per category and tenant, and a
 * satisfaction estimate when the log has outcome or feedback columns).
 *
 * <p>What a log can and cannot say: it holds one answer per request, the one production served.
 * Where the router would have chosen the same model, that answer's outcome or feedback is fed back
 * to the router (online routers keep learning, as they would in service); where it chose another
 * model, nothing is observed, and that request's satisfaction is estimated from the log's own
 * observed rate for (category, model) when the log has at least {@link #MIN_CELL_EVIDENCE} answers
 * there, else from the configuration's priors. The estimate says which it used.
 */
public final class LogReplay {
    /** Answers a (category, model) cell needs in the log before its observed rate is used. */
    public static final int MIN_CELL_EVIDENCE = 30;

    private LogReplay() {
    }

    /** One parsed log row. */
    record Row(String id, long timeMillis, int model, String category, String tenant, String tier, int inputTokens,
               int cachedInputTokens, long outputTokens, double cost, Boolean satisfied, Boolean reported, boolean failed,
               String prompt) {
    }

    /**
     * @param defaultCategory category of rows without one (null: the configuration's first)
     * @param warm start online routers from the configuration's learned state
     */
    public static ReplayReport run(RoutingConfig config, Path log, LogFormat format, String defaultCategory, boolean warm)
            throws ImportException, IOException {
        String fallback = defaultCategory != null ? defaultCategory : config.categories().get(0);
        if (!config.categories().contains(fallback)) {
            throw new IllegalArgumentException("--default-category '" + fallback + "' is not one of the configuration's categories "
                    + config.categories());
        }
        LiveRouter.Builder builder = LiveRouter.builder(config).warmStart(warm);
        if (config.router().name().equals("cascade")) {
            // no grader runs in a replay: the judge accepts as often as the priors say the model is good
            java.util.SplittableRandom draws = new java.util.SplittableRandom(config.routerSeed());
            builder.judge(new SimulatedJudge((req, model) -> draws.nextDouble()
                    < config.priors().means()[config.categories().indexOf(req.category())][config.modelIds().indexOf(model)],
                    config.simulation() != null && config.simulation().judgeErrorRate() != null
                            ? config.simulation().judgeErrorRate() : 0.1, config.routerSeed()));
        }
        LiveRouter live = builder.build();
        ReplayReport.Builder report = new ReplayReport.Builder(config, log, format.name(), live.warmStarted());
        boolean oneSided = FeedbackKind.valueOf(config.feedback().kind()) == FeedbackKind.ONE_SIDED;
        try (CsvReader reader = CsvReader.open(log)) {
            List<String> header = reader.readHeader();
            Map<Field, Integer> col = new EnumMap<>(Field.class);
            for (Map.Entry<Field, LogFormat.Source> e : format.fields().entrySet()) {
                int i = header.indexOf(e.getValue().column());
                if (i >= 0) {
                    col.put(e.getKey(), i);
                } else if (format.required().contains(e.getKey())) {
                    throw new ImportException(reader.headerLocation(-1).withField(e.getValue().column()), "column '"
                            + e.getValue().column() + "' (" + e.getKey().name().toLowerCase(Locale.ROOT) + ") is missing from the"
                            + " header; the " + format.name() + " format needs " + requiredColumns(format) + "; the header has "
                            + header);
                }
            }
            report.columns(col.containsKey(Field.CATEGORY), col.containsKey(Field.SATISFIED) || col.containsKey(Field.REPORTED),
                    col.containsKey(Field.COST));
            while (reader.next()) {
                Row row = parse(reader, format, col, config, fallback);
                String tenant = row.tenant() != null && config.tenants().contains(row.tenant()) ? row.tenant() : null;
                String tier = row.tier() != null && config.slaTiers().contains(row.tier()) ? row.tier() : null;
                LiveRouter.Decision d = live.route(new LiveRequest(row.category(), row.inputTokens(), row.cachedInputTokens(),
                        tenant, tier, row.timeMillis(), row.prompt()));
                ModelPrice recordedPrice = config.models().get(row.model()).price();
                double recordedAtConfig = recordedPrice == null ? Double.NaN
                        : recordedPrice.cost(row.inputTokens(), row.cachedInputTokens(), row.outputTokens());
                report.add(row, d, recordedAtConfig);
                Signal signal = signal(row, oneSided);
                if (signal != null && d.modelIndex() == row.model()) {
                    live.observe(new LiveFeedback(d.ticket(), d.model(), true, signal,
                            Double.isNaN(row.cost()) ? d.expectedCostUsd() : row.cost()));
                }
            }
        }
        report.dropped(live.droppedTickets());
        return report.build();
    }

    private static String requiredColumns(LogFormat f) {
        return f.required().stream().sorted().map(x -> f.fields().get(x).column()).toList().toString();
    }

    /** What the router is told about a row's answer; null when the log says nothing about it. */
    private static Signal signal(Row row, boolean oneSided) {
        if (row.satisfied() != null) {
            if (oneSided) {
                return row.satisfied() ? Signal.SILENCE : Signal.REPORT;
            }
            return row.satisfied() ? Signal.SATISFIED : Signal.DISSATISFIED;
        }
        if (row.reported() != null) {
            return row.reported() ? (oneSided ? Signal.REPORT : Signal.DISSATISFIED) : (oneSided ? Signal.SILENCE : null);
        }
        return null;
    }

    static Row parse(CsvReader r, LogFormat format, Map<Field, Integer> col, RoutingConfig config, String fallback)
            throws ImportException {
        String id = text(r, format, col, Field.REQUEST_ID);
        if (id == null) {
            id = r.file() + "#" + r.recordLine();
        }
        String modelName = text(r, format, col, Field.MODEL);
        if (modelName == null) {
            throw r.error(col.get(Field.MODEL), "the row names no model");
        }
        int model = resolveModel(config, modelName);
        if (model < 0) {
            throw r.error(col.get(Field.MODEL), "model '" + modelName + "' is not in the configuration's pool " + config.modelIds()
                    + " (by id or alias); add it to the catalog aliases and export again, or drop those rows");
        }
        long time = 0;
        String ts = text(r, format, col, Field.TIMESTAMP);
        if (ts != null) {
            try {
                time = parseTime(ts);
            } catch (DateTimeParseException e) {
                throw r.error(col.get(Field.TIMESTAMP), "'" + ts + "' is not a timestamp (ISO 8601 such as 2026-05-04T00:25:31Z,"
                        + " '2026-05-04 00:25:31[.fff]' in UTC, or epoch seconds/milliseconds)");
            }
        }
        String category = text(r, format, col, Field.CATEGORY);
        if (category != null) {
            category = firstTag(category, config.categories());
            if (!config.categories().contains(category)) {
                throw r.error(col.get(Field.CATEGORY), "category '" + category + "' is not one the configuration routes "
                        + config.categories());
            }
        } else {
            category = fallback;
        }
        int in = (int) integer(r, format, col, Field.INPUT_TOKENS, true);
        int cached = (int) integer(r, format, col, Field.CACHED_INPUT_TOKENS, false);
        if (cached > in) {
            throw r.error(col.get(Field.CACHED_INPUT_TOKENS), "cached input tokens " + cached + " exceed the input tokens " + in);
        }
        long out = integer(r, format, col, Field.OUTPUT_TOKENS, false);
        double cost = Double.NaN;
        String c = text(r, format, col, Field.COST);
        if (c != null) {
            try {
                cost = Double.parseDouble(c);
            } catch (NumberFormatException e) {
                throw r.error(col.get(Field.COST), "'" + c + "' is not a cost in USD");
            }
            if (!(cost >= 0) || Double.isInfinite(cost)) {
                throw r.error(col.get(Field.COST), "cost must be finite and >= 0, got " + c);
            }
        }
        Boolean satisfied = bool(r, format, col, Field.SATISFIED);
        Boolean reported = bool(r, format, col, Field.REPORTED);
        String status = text(r, format, col, Field.STATUS);
        boolean failed = status != null && !(status.equalsIgnoreCase("success") || status.startsWith("2"));
        return new Row(id, time, model, category, text(r, format, col, Field.TENANT), text(r, format, col, Field.TIER), in, cached,
                out, cost, satisfied, reported, failed, prompt(text(r, format, col, Field.PROMPT)));
    }

    static int resolveModel(RoutingConfig config, String name) {
        String n = name.strip();
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < config.models().size(); j++) {
                RoutingConfig.PoolModel m = config.models().get(j);
                String candidate = n;
                if (m.id().equalsIgnoreCase(candidate) || m.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(candidate))) {
                    return j;
                }
            }
            int slash = n.lastIndexOf('/');
            if (slash < 0) {
                break;
            }
            n = n.substring(slash + 1); // gateway prefixes such as openai/gpt-4o
        }
        return -1;
    }

    /** A tag list (JSON array or comma separated, as LiteLLM writes request_tags): the first tag that is a category. */
    static String firstTag(String value, List<String> categories) {
        String v = value.strip();
        if (!v.startsWith("[")) {
            if (v.contains(",")) {
                for (String t : v.split(",")) {
                    String tag = stripPrefix(t.strip());
                    if (categories.contains(tag)) {
                        return tag;
                    }
                }
                return stripPrefix(v.split(",")[0].strip());
            }
            return stripPrefix(v);
        }
        try {
            JsonNode arr = Json.mapper().readTree(v);
            String first = null;
            for (JsonNode t : arr) {
                String tag = stripPrefix(t.asText());
                if (categories.contains(tag)) {
                    return tag;
                }
                first = first == null ? tag : first;
            }
            return first == null ? v : first;
        } catch (JsonProcessingException e) {
            return v;
        }
    }

    private static String stripPrefix(String tag) {
        return tag.startsWith("category:") ? tag.substring("category:".length()) : tag;
    }

    /** A prompt from a request body: the last user message of an OpenAI-style body, or the text itself. */
    static String prompt(String body) {
        if (body == null || !body.startsWith("{")) {
            return body;
        }
        try {
            JsonNode n = Json.mapper().readTree(body);
            JsonNode messages = n.get("messages");
            if (messages != null && messages.isArray()) {
                String last = null;
                for (JsonNode m : messages) {
                    if ("user".equals(m.path("role").asText()) && m.get("content") != null) {
                        last = m.get("content").isTextual() ? m.get("content").asText() : m.get("content").toString();
                    }
                }
                return last;
            }
            return n.path("prompt").isTextual() ? n.get("prompt").asText() : null;
        } catch (JsonProcessingException e) {
            return body;
        }
    }

    private static final DateTimeFormatter SPACED = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);

    /** ISO 8601 (with offset or Z; without one it is UTC), 'yyyy-MM-dd HH:mm:ss[.f]' (UTC, optional ' UTC'), epoch s or ms. */
    static long parseTime(String s) {
        String t = s.strip();
        if (t.matches("\\d{9,13}")) {
            long v = Long.parseLong(t);
            return t.length() <= 10 ? v * 1000 : v;
        }
        if (t.endsWith(" UTC")) {
            t = t.substring(0, t.length() - 4);
        }
        try {
            return OffsetDateTime.parse(t.replace(' ', 'T')).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            // fall through to forms without an offset
        }
        try {
            return Instant.parse(t).toEpochMilli();
        } catch (DateTimeParseException e) {
            // fall through
        }
        try {
            return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(t, SPACED).toInstant(ZoneOffset.UTC).toEpochMilli();
        }
    }

    /** The field's text (from its column, or the first present JSON key in it); null when absent or blank. */
    static String text(CsvReader r, LogFormat format, Map<Field, Integer> col, Field f) throws ImportException {
        Integer i = col.get(f);
        if (i == null || i >= r.size() || r.isBlank(i)) {
            return null;
        }
        String raw = r.getTrimmed(i);
        List<String> keys = format.fields().get(f).jsonKeys();
        if (keys == null) {
            return raw;
        }
        if (!raw.startsWith("{")) {
            if (f == Field.PROMPT) {
                return raw;
            }
            throw r.error(i, "expected a JSON object in column '" + format.fields().get(f).column() + "', got '"
                    + (raw.length() > 40 ? raw.substring(0, 40) + "..." : raw) + "'");
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(raw);
        } catch (JsonProcessingException e) {
            throw r.error(i, "column '" + format.fields().get(f).column() + "' is not valid JSON: " + e.getOriginalMessage());
        }
        if (f == Field.PROMPT) {
            return raw;
        }
        for (String key : keys) {
            JsonNode v = node;
            for (String part : key.split("\\.")) {
                v = v == null ? null : v.get(part);
            }
            if (v != null && !v.isNull()) {
                return v.isTextual() ? v.asText().strip() : v.toString();
            }
        }
        return null;
    }

    private static long integer(CsvReader r, LogFormat format, Map<Field, Integer> col, Field f, boolean required)
            throws ImportException {
        String v = text(r, format, col, f);
        if (v == null) {
            if (required) {
                Integer i = col.get(f);
                throw i == null ? r.recordError("the row has no " + f.name().toLowerCase(Locale.ROOT))
                        : r.error(i, "the row has no " + f.name().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
            return 0;
        }
        try {
            double d = Double.parseDouble(v);
            if (d < 0 || d != Math.rint(d) || d > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return (long) d;
        } catch (NumberFormatException e) {
            throw r.error(col.get(f), "'" + v + "' is not a token count (a whole number >= 0)");
        }
    }

    private static Boolean bool(CsvReader r, LogFormat format, Map<Field, Integer> col, Field f) throws ImportException {
        String v = text(r, format, col, f);
        if (v == null) {
            return f == Field.REPORTED && col.containsKey(f) ? Boolean.FALSE : null;
        }
        String s = v.toLowerCase(Locale.ROOT);
        if (f == Field.REPORTED) {
            return switch (s) {
                case "1", "true", "yes", "report", "reported", "thumbs_down", "thumbs-down", "down", "negative", "-1", "bad" -> true;
                case "0", "false", "no", "none", "thumbs_up", "thumbs-up", "up", "positive", "good" -> false;
                default -> throw r.error(col.get(f), "'" + v + "' is not a feedback value (thumbs_down/1/true for a report,"
                        + " thumbs_up/0/false or empty for none)");
            };
        }
        return switch (s) {
            case "1", "true", "yes", "good", "satisfied", "1.0" -> true;
            case "0", "false", "no", "bad", "dissatisfied", "0.0" -> false;
            default -> throw r.error(col.get(f), "'" + v + "' is not an outcome (1/true/good or 0/false/bad)");
        };
    }
}
