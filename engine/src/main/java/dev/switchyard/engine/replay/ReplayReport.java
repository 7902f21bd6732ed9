package dev.switchyard.engine.replay;

import dev.switchyard.engine.export.LiveRouter;
import dev.switchyard.engine.export.RoutingConfig;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a configuration would have done on a production log ({@code replay --log --json} prints this).
 *
 * @param requests rows replayed
 * @param modelShare share of requests the configuration routes to each pool model
 * @param recordedModelShare the log's own mix
 * @param agreement share of requests routed to the model production actually used
 * @param expectedCostUsd total expected cost of the configuration's choices at its prices (as the router saw them)
 * @param recordedCostUsd total cost the log records, null without a cost column
 * @param recordedAtConfigPricesUsd the log's own choices at the configuration's prices with their real output tokens,
 *     null when the configuration priced from recorded costs
 * @param satisfaction present when the log has outcome or feedback columns
 */
public record ReplayReport(String config, String router, String log, String format, boolean warmStart, long requests,
                           long failedRequests, long rowsWithoutCategory, Map<String, Double> modelShare,
                           Map<String, Double> recordedModelShare, double agreement, double expectedCostUsd,
                           Double recordedCostUsd, Double recordedAtConfigPricesUsd, List<Slice> perCategory,
                           List<Slice> perTenant, Satisfaction satisfaction, long droppedTickets, String note) {

    /** Figures for one category or tenant. */
    public record Slice(String name, long requests, Map<String, Double> modelShare, double expectedCostUsd,
                        Double recordedCostUsd) {
    }

    /**
     * @param observedAnswers log rows with an outcome or feedback
     * @param recordedSatisfaction production's satisfaction on those rows (one-sided reports inverted with the
     *     configuration's assumed q and f)
     * @param estimatedSatisfaction the configuration's expected satisfaction: observed rows where it agrees with
     *     production, else the log's (category, model) rate or the configuration's prior
     * @param basis how the estimate was formed
     */
    public record Satisfaction(long observedAnswers, double recordedSatisfaction, double estimatedSatisfaction, String basis) {
    }

    public void print(PrintWriter out) {
        out.printf(Locale.ROOT, "shadow replay of %s (%s format) through %s (%s%s): %,d requests%s%n", log, format, config, router,
                warmStart ? ", warm start" : ", cold start", requests,
                failedRequests > 0 ? ", " + failedRequests + " failed in production" : "");
        out.printf(Locale.ROOT, "routed to the model production used: %.1f%%%n", 100 * agreement);
        out.printf(Locale.ROOT, "%-40s %9s %9s%n", "model", "replay", "recorded");
        for (String m : modelShare.keySet()) {
            out.printf(Locale.ROOT, "%-40s %8.2f%% %8.2f%%%n", m, 100 * modelShare.get(m), 100 * recordedModelShare.getOrDefault(m, 0.0));
        }
        out.printf(Locale.ROOT, "expected cost at the configuration's prices USD %,.4f", expectedCostUsd);
        if (recordedCostUsd != null) {
            out.printf(Locale.ROOT, "; recorded USD %,.4f", recordedCostUsd);
        }
        if (recordedAtConfigPricesUsd != null) {
            out.printf(Locale.ROOT, "; production's choices at these prices USD %,.4f", recordedAtConfigPricesUsd);
        }
        out.println();
        for (Slice s : perCategory) {
            out.printf(Locale.ROOT, "  category %-16s %,8d requests  USD %,.4f expected%s%n", s.name(), s.requests(),
                    s.expectedCostUsd(), s.recordedCostUsd() == null ? "" : String.format(Locale.ROOT, ", %,.4f recorded", s.recordedCostUsd()));
        }
        for (Slice s : perTenant) {
            out.printf(Locale.ROOT, "  tenant   %-16s %,8d requests  USD %,.4f expected%s%n", s.name(), s.requests(),
                    s.expectedCostUsd(), s.recordedCostUsd() == null ? "" : String.format(Locale.ROOT, ", %,.4f recorded", s.recordedCostUsd()));
        }
        if (satisfaction != null) {
            out.printf(Locale.ROOT, "satisfaction: production %.4f on %,d observed answers; configuration (estimate) %.4f (%s)%n",
                    satisfaction.recordedSatisfaction(), satisfaction.observedAnswers(), satisfaction.estimatedSatisfaction(),
                    satisfaction.basis());
        }
        if (note != null) {
            out.println(note);
        }
    }

    /** Accumulates a replay. */
    static final class Builder {
        private final RoutingConfig config;
        private final String configName;
        private final String log;
        private final String format;
        private final boolean warm;
        private final int m;
        private final int cats;
        private final double[] routed;
        private final double[] recorded;
        private long requests;
        private long failed;
        private long noCategory;
        private long agree;
        private double expected;
        private double recordedCost;
        private double recordedAtConfig;
        private boolean hasCategory;
        private boolean hasOutcome;
        private boolean hasCost;
        private final Map<String, double[]> sliceCat = new LinkedHashMap<>();
        private final Map<String, double[]> sliceTenant = new TreeMap<>();
        // per (category, model): observed answers and good ones (one-sided: reports)
        private final double[] cellN;
        private final double[] cellGood;
        private final double[] chosen;
        private long observed;
        private double observedGood;
        private long dropped;
        private final boolean oneSided;

        Builder(RoutingConfig config, Path log, String format, boolean warm) {
            this.config = config;
            this.configName = config.provenance().scenario();
            this.log = log.getFileName().toString();
            this.format = format;
            this.warm = warm;
            this.m = config.models().size();
            this.cats = config.categories().size();
            this.routed = new double[m];
            this.recorded = new double[m];
            this.cellN = new double[cats * m];
            this.cellGood = new double[cats * m];
            this.chosen = new double[cats * m];
            this.oneSided = "ONE_SIDED".equals(config.feedback().kind());
            for (String c : config.categories()) {
                sliceCat.put(c, new double[m + 3]);
            }
        }

        void columns(boolean category, boolean outcome, boolean cost) {
            this.hasCategory = category;
            this.hasOutcome = outcome;
            this.hasCost = cost;
        }

        void add(LogReplay.Row row, LiveRouter.Decision d, double recordedAtConfigPrices) {
            requests++;
            failed += row.failed() ? 1 : 0;
            if (!hasCategory || row.category() == null) {
                noCategory++;
            }
            routed[d.modelIndex()]++;
            recorded[row.model()]++;
            agree += d.modelIndex() == row.model() ? 1 : 0;
            expected += d.expectedCostUsd();
            double cost = Double.isNaN(row.cost()) ? 0 : row.cost();
            recordedCost += cost;
            recordedAtConfig += recordedAtConfigPrices;
            slice(sliceCat.get(row.category()), d, cost);
            if (row.tenant() != null) {
                slice(sliceTenant.computeIfAbsent(row.tenant(), k -> new double[m + 3]), d, cost);
            }
            int c = config.categories().indexOf(row.category());
            chosen[c * m + d.modelIndex()]++;
            Boolean good = row.satisfied() != null ? row.satisfied() : row.reported() != null ? (Boolean) !row.reported() : null;
            if (good != null) {
                int cell = c * m + row.model();
                cellN[cell]++;
                cellGood[cell] += good ? 1 : 0;
                observed++;
                observedGood += good ? 1 : 0;
            }
        }

        private void slice(double[] s, LiveRouter.Decision d, double cost) {
            s[d.modelIndex()]++;
            s[m]++;
            s[m + 1] += d.expectedCostUsd();
            s[m + 2] += cost;
        }

        void dropped(long n) {
            dropped = n;
        }

        /** Observed good-rate (or one-sided: silence rate inverted to satisfaction with the assumed q, f). */
        private double rate(double good, double n) {
            if (n == 0) {
                return Double.NaN;
            }
            if (!oneSided) {
                return good / n;
            }
            double q = config.feedback().assumedRate();
            double f = config.feedback().assumedFalseReportRate();
            double reportRate = (n - good) / n;
            return Math.max(0, Math.min(1, 1 - (reportRate - f) / (q - f)));
        }

        ReplayReport build() {
            Map<String, Double> share = shares(routed, requests);
            Map<String, Double> rec = shares(recorded, requests);
            List<Slice> perCat = new ArrayList<>();
            sliceCat.forEach((k, v) -> {
                if (v[m] > 0) {
                    perCat.add(slice(k, v));
                }
            });
            List<Slice> perTenant = new ArrayList<>();
            sliceTenant.forEach((k, v) -> perTenant.add(slice(k, v)));
            Satisfaction sat = null;
            if (hasOutcome && observed > 0) {
                double est = 0;
                long fromLog = 0;
                for (int cell = 0; cell < chosen.length; cell++) {
                    if (chosen[cell] == 0) {
                        continue;
                    }
                    if (cellN[cell] >= LogReplay.MIN_CELL_EVIDENCE) {
                        est += chosen[cell] * rate(cellGood[cell], cellN[cell]);
                        fromLog += (long) chosen[cell];
                    } else {
                        est += chosen[cell] * config.priors().means()[cell / m][cell % m];
                    }
                }
                sat = new Satisfaction(observed, rate(observedGood, observed), est / requests, String.format(Locale.ROOT,
                        "%.1f%% of requests from the log's observed (category, model) rate (>= %d answers), the rest from the"
                                + " configuration's priors%s", 100.0 * fromLog / requests, LogReplay.MIN_CELL_EVIDENCE,
                        oneSided ? "; reports inverted with the assumed q and f" : ""));
            }
            String note = hasCategory ? null : "the log has no category column: every request was routed as category '"
                    + config.categories().get(0) + "' (or --default-category)";
            return new ReplayReport(configName, config.router().name(), log, format, warm, requests, failed,
                    hasCategory ? 0 : noCategory, share, rec, requests == 0 ? 0 : (double) agree / requests, expected,
                    hasCost ? recordedCost : null, Double.isNaN(recordedAtConfig) ? null : recordedAtConfig, perCat, perTenant,
                    sat, dropped, note);
        }

        private Slice slice(String name, double[] v) {
            double[] counts = java.util.Arrays.copyOf(v, m);
            return new Slice(name, (long) v[m], shares(counts, (long) v[m]), v[m + 1], hasCost ? v[m + 2] : null);
        }

        private Map<String, Double> shares(double[] counts, long total) {
            Map<String, Double> out = new LinkedHashMap<>();
            for (int j = 0; j < m; j++) {
                out.put(config.modelIds().get(j), total == 0 ? 0.0 : counts[j] / total);
            }
            return out;
        }
    }
}
