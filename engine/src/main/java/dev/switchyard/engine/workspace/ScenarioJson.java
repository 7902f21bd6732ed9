package dev.switchyard.engine.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.routing.FeedbackKind;
import dev.switchyard.engine.routing.LatencyTarget;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.traffic.TrafficSample;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link Scenario} as the workspace stores it: every setting as versioned JSON; the traffic
 * sample, catalog and price sheet are not copied in but referenced by content hash
 * ({@link ScenarioDocument#inputs()}), so a scenario is a few hundred bytes and its inputs are
 * stored once. Reading is strict: unknown fields, a wrong schema or a newer schema version are
 * errors that name the field, never silently dropped settings.
 */
public final class ScenarioJson {
    public static final String SCHEMA = "switchyard-scenario";
    public static final int SCHEMA_VERSION = 1;

    private ScenarioJson() {
    }

    /** The scenario's settings as JSON (without its data, which the inputs reference). */
    public static String toJson(Scenario s) {
        return toJson(s, Double.NaN);
    }

    /**
     * The scenario's settings as JSON with the router's own aim: {@code s.sla().target()} is the contract target the
     * figures are judged against; {@code aim} is the target the router is set to when the planner gave it a margin
     * (e.g. aim at 91% to keep a 90% contract), stored as {@code "aim"} (NaN: the router aims at the contract target,
     * no field). Both are kept for what they are (issue 9).
     */
    public static String toJson(Scenario s, double aim) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("schema", SCHEMA);
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("name", s.name());
        s.modelPool().forEach(root.putArray("modelPool")::add);
        root.put("router", s.router());
        ObjectNode params = root.putObject("routerParameters");
        s.routerParameters().values().forEach(params::put);
        root.put("predictor", s.predictor());
        if (s.textFeatures() == null) {
            root.putNull("textFeatures");
        } else {
            root.put("textFeatures", s.textFeatures());
        }
        ObjectNode sla = root.putObject("sla");
        sla.put("target", s.sla().target());
        sla.put("window", s.sla().window().name());
        sla.put("windowRequests", s.sla().windowRequests());
        ObjectNode fb = root.putObject("feedback");
        fb.put("kind", s.feedback().kind().name());
        fb.put("rate", s.feedback().rate());
        fb.put("falseReportRate", s.feedback().falseReportRate());
        fb.put("delayRequests", s.feedback().delayRequests());
        putNumberOrNull(fb, "assumedRate", s.feedback().assumedRate());
        putNumberOrNull(fb, "assumedFalseReportRate", s.feedback().assumedFalseReportRate());
        ObjectNode vol = root.putObject("volume");
        vol.put("requestsPerMonth", s.volume().requestsPerMonth());
        vol.put("monthlyGrowth", s.volume().monthlyGrowth());
        vol.put("months", s.volume().months());
        vol.put("dailyRhythm", s.volume().dailyRhythm());
        if (s.mixShift() == null) {
            root.putNull("mixShift");
        } else {
            ObjectNode shift = root.putObject("mixShift");
            shift.put("atFraction", s.mixShift().atFraction());
            ObjectNode w = shift.putObject("categoryWeights");
            new java.util.TreeMap<>(s.mixShift().categoryWeights()).forEach(w::put);
        }
        root.put("seed", s.seed());
        root.put("replications", s.replications());
        root.put("calibrationFraction", s.calibrationFraction());
        ObjectNode sc = root.putObject("scaling");
        sc.put("exactDays", s.scaling().exactDays());
        sc.put("maxSimulatedPerMonth", s.scaling().maxSimulatedPerMonth());
        ObjectNode judge = root.putObject("judge");
        judge.put("errorRate", s.judge().errorRate());
        putNumberOrNull(judge, "costPerCall", s.judge().costPerCall());
        if (!Double.isNaN(aim) && Math.abs(aim - s.sla().target()) > 1e-12) {
            if (!(aim > 0 && aim < 1)) {
                throw new IllegalArgumentException("the router's aim must be in (0, 1), got " + aim);
            }
            root.put("aim", aim);
        }
        LatencyTarget lt = s.latency();
        if (lt.isActive()) {
            ObjectNode lat = root.putObject("latency");
            lat.put("metric", lt.metric().name());
            putNumberOrNull(lat, "targetMs", Double.isFinite(lt.targetMs()) ? lt.targetMs() : Double.NaN);
            lat.put("percentile", lt.percentile());
            ObjectNode tiers = lat.putObject("tierTargetsMs");
            new java.util.TreeMap<>(lt.tierTargetsMs()).forEach(tiers::put);
        }
        try {
            return Json.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /**
     * Rebuilds the scenario from its JSON and its inputs.
     *
     * @param prices null when the scenario prices from the sample's recorded costs
     * @throws IllegalArgumentException naming the field when the JSON is not a scenario this build understands
     */
    public static Scenario fromJson(String json, TrafficSample sample, Catalog catalog, PriceSheet prices) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("scenario JSON is malformed: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("scenario JSON must be an object");
        }
        String schema = root.path("schema").asText(null);
        if (!SCHEMA.equals(schema)) {
            throw new IllegalArgumentException("field 'schema' must be \"" + SCHEMA + "\", got " + root.get("schema"));
        }
        int version = requireInt(root, "schemaVersion", "");
        if (version != SCHEMA_VERSION) {
            throw new IllegalArgumentException("scenario schemaVersion " + version + " is not supported (this build reads "
                    + SCHEMA_VERSION + ")" + (version > SCHEMA_VERSION ? "; it was saved by a newer Switchyard" : ""));
        }
        onlyFields(root, "", Set.of("schema", "schemaVersion", "name", "modelPool", "router", "routerParameters", "predictor",
                "textFeatures", "sla", "feedback", "volume", "mixShift", "seed", "replications", "calibrationFraction",
                "scaling", "judge", "aim", "latency"));
        List<String> pool = new ArrayList<>();
        for (JsonNode n : require(root, "modelPool", "")) {
            pool.add(n.asText());
        }
        Map<String, String> params = new LinkedHashMap<>();
        require(root, "routerParameters", "").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        JsonNode sla = require(root, "sla", "");
        onlyFields(sla, "sla.", Set.of("target", "window", "windowRequests"));
        JsonNode fb = require(root, "feedback", "");
        onlyFields(fb, "feedback.", Set.of("kind", "rate", "falseReportRate", "delayRequests", "assumedRate",
                "assumedFalseReportRate"));
        JsonNode vol = require(root, "volume", "");
        onlyFields(vol, "volume.", Set.of("requestsPerMonth", "monthlyGrowth", "months", "dailyRhythm"));
        JsonNode sc = require(root, "scaling", "");
        onlyFields(sc, "scaling.", Set.of("exactDays", "maxSimulatedPerMonth"));
        Scenario.MixShift shift = null;
        JsonNode ms = root.get("mixShift");
        if (ms != null && !ms.isNull()) {
            onlyFields(ms, "mixShift.", Set.of("atFraction", "categoryWeights"));
            Map<String, Double> weights = new LinkedHashMap<>();
            require(ms, "categoryWeights", "mixShift.").fields().forEachRemaining(e -> weights.put(e.getKey(), e.getValue().asDouble()));
            shift = new Scenario.MixShift(requireDouble(ms, "atFraction", "mixShift."), weights);
        }
        // the judge became a scenario setting after schema 1 was written: absent = the default judge; a cascade's
        // old router parameter judgeError moves into it
        Scenario.Judge judge = Scenario.Judge.defaults();
        JsonNode jn = root.get("judge");
        if (jn != null && !jn.isNull()) {
            onlyFields(jn, "judge.", Set.of("errorRate", "costPerCall"));
            judge = new Scenario.Judge(requireDouble(jn, "errorRate", "judge."), numberOrNaN(jn, "costPerCall"));
        } else if (params.containsKey("judgeError")) {
            judge = new Scenario.Judge(Double.parseDouble(params.get("judgeError")), Double.NaN);
        }
        params.remove("judgeError");
        JsonNode tf = root.get("textFeatures");
        // the latency term and the router's aim came after schema 1 was written: absent = none (additive fields)
        LatencyTarget latency = LatencyTarget.none();
        JsonNode ln = root.get("latency");
        if (ln != null && !ln.isNull()) {
            onlyFields(ln, "latency.", Set.of("metric", "targetMs", "percentile", "tierTargetsMs"));
            Map<String, Double> tierL = new LinkedHashMap<>();
            JsonNode tl = ln.get("tierTargetsMs");
            if (tl != null && !tl.isNull()) {
                if (!tl.isObject()) {
                    throw new IllegalArgumentException("field 'latency.tierTargetsMs' must be an object of tier -> ms");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = tl.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getValue().isNumber()) {
                        throw new IllegalArgumentException("field 'latency.tierTargetsMs." + e.getKey() + "' must be a number");
                    }
                    tierL.put(e.getKey(), e.getValue().asDouble());
                }
            }
            double l = numberOrNaN(ln, "targetMs");
            try {
                latency = new LatencyTarget(LatencyTarget.Metric.parse(requireText(ln, "metric", "latency.")),
                        Double.isNaN(l) ? Double.POSITIVE_INFINITY : l, requireDouble(ln, "percentile", "latency."), tierL);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field 'latency' is not valid: " + e.getMessage(), e);
            }
        }
        aimOf(root); // validates the field
        try {
            return new Scenario(root.path("name").asText(null), sample, catalog, prices, pool,
                    requireText(root, "router", ""), new RouterParameters(params), root.path("predictor").asText(null),
                    tf == null || tf.isNull() ? null : tf.asText(),
                    new Scenario.Sla(requireDouble(sla, "target", "sla."),
                            enumValue(Scenario.Window.class, requireText(sla, "window", "sla."), "sla.window"),
                            requireLong(sla, "windowRequests", "sla.")),
                    new Scenario.Feedback(enumValue(FeedbackKind.class, requireText(fb, "kind", "feedback."), "feedback.kind"),
                            requireDouble(fb, "rate", "feedback."), requireDouble(fb, "falseReportRate", "feedback."),
                            requireLong(fb, "delayRequests", "feedback."), numberOrNaN(fb, "assumedRate"),
                            numberOrNaN(fb, "assumedFalseReportRate")),
                    new Scenario.Volume(requireLong(vol, "requestsPerMonth", "volume."),
                            requireDouble(vol, "monthlyGrowth", "volume."), requireInt(vol, "months", "volume."),
                            require(vol, "dailyRhythm", "volume.").asBoolean()),
                    shift, requireLong(root, "seed", ""), requireInt(root, "replications", ""),
                    requireDouble(root, "calibrationFraction", ""),
                    new Scenario.Scaling(requireInt(sc, "exactDays", "scaling."), requireLong(sc, "maxSimulatedPerMonth", "scaling.")),
                    judge, latency);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("scenario '" + root.path("name").asText("?") + "' is not valid: " + e.getMessage(), e);
        }
    }

    /**
     * The router's own aim stored with a scenario ({@link #toJson(Scenario, double)}), NaN when it aims at the contract
     * target (no field, or a scenario saved before aims were stored).
     *
     * @throws IllegalArgumentException when the JSON is malformed or the aim is not a number in (0, 1)
     */
    public static double aimOf(String json) {
        try {
            return aimOf(Json.mapper().readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("scenario JSON is malformed: " + e.getOriginalMessage(), e);
        }
    }

    private static double aimOf(JsonNode root) {
        JsonNode a = root == null ? null : root.get("aim");
        if (a == null || a.isNull()) {
            return Double.NaN;
        }
        if (!a.isNumber() || !(a.asDouble() > 0 && a.asDouble() < 1)) {
            throw new IllegalArgumentException("field 'aim' must be a number in (0, 1), got " + a);
        }
        return a.asDouble();
    }

    private static void putNumberOrNull(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private static double numberOrNaN(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? Double.NaN : v.asDouble();
    }

    private static void onlyFields(JsonNode node, String prefix, Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                throw new IllegalArgumentException("unknown field '" + prefix + n + "' in scenario JSON; known: " + allowed);
            }
        }
    }

    private static JsonNode require(JsonNode node, String field, String prefix) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("scenario JSON lacks field '" + prefix + field + "'");
        }
        return v;
    }

    private static String requireText(JsonNode node, String field, String prefix) {
        JsonNode v = require(node, field, prefix);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field '" + prefix + field + "' must be text");
        }
        return v.asText();
    }

    private static double requireDouble(JsonNode node, String field, String prefix) {
        JsonNode v = require(node, field, prefix);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("field '" + prefix + field + "' must be a number");
        }
        return v.asDouble();
    }

    private static long requireLong(JsonNode node, String field, String prefix) {
        JsonNode v = require(node, field, prefix);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("field '" + prefix + field + "' must be a whole number");
        }
        return v.asLong();
    }

    private static int requireInt(JsonNode node, String field, String prefix) {
        JsonNode v = require(node, field, prefix);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException("field '" + prefix + field + "' must be a whole number");
        }
        return v.asInt();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + field + "' must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ", got '" + value + "'");
        }
    }
}
