package dev.switchyard.engine.sample;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.ModelInfo;
import dev.switchyard.engine.pricing.CostTable;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.traffic.TrafficSample;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The realised statistics of a traffic sample, as the README reports them and the calibration
 * tests check them: per-category accuracy per model, all-right and none-right shares, best fixed
 * model vs per-query oracle, token means, cost per 1,000 requests per model on each sheet.
 * "Right" means a score of 1 (for graded categories: a perfect judge score).
 */
public record SampleStatistics(
        String sample,
        int queries,
        List<String> models,
        List<CategoryStats> categories,
        double[] meanScore,
        String bestFixedModel,
        double bestFixedScore,
        double oracleScore,
        double categoryBestScore,
        double oracleSmallModelShare,
        Map<String, double[]> costPer1kBySheet,
        Map<String, Double> tenantShare,
        double weekendShare,
        double officeHoursShare) {

    /**
     * @param accuracy mean score per model
     * @param meanOutputTokens mean output tokens per model
     */
    public record CategoryStats(String name, int queries, double[] accuracy, double allRightShare, double noneRightShare,
                                double oracleScore, double meanInputTokens, double[] meanOutputTokens) {
        public double best() {
            double b = 0;
            for (double a : accuracy) {
                b = Math.max(b, a);
            }
            return b;
        }

        public double worst() {
            double w = 1;
            for (double a : accuracy) {
                w = Math.min(w, a);
            }
            return w;
        }
    }

    public static SampleStatistics of(TrafficSample s, Catalog catalog, List<PriceSheet> sheets)
            throws CostTable.UnpricedModelsException {
        int n = s.size();
        int m = s.modelCount();
        int cats = s.categories().size();
        int[] catCount = new int[cats];
        double[][] catScore = new double[cats][m];
        double[][] catOut = new double[cats][m];
        double[] catIn = new double[cats];
        int[] allRight = new int[cats];
        int[] noneRight = new int[cats];
        double[] catOracle = new double[cats];
        double[] total = new double[m];
        double oracle = 0;
        int weekend = 0;
        int office = 0;
        Map<String, Double> tenantShare = new LinkedHashMap<>();
        List<CostTable> tables = new ArrayList<>();
        for (PriceSheet sheet : sheets) {
            tables.add(CostTable.of(s, sheet, catalog));
        }
        int oracleSmall = 0;
        for (int q = 0; q < n; q++) {
            int c = s.category(q);
            catCount[c]++;
            catIn[c] += s.inputTokens(q);
            boolean all = true;
            boolean none = true;
            double top = 0;
            for (int j = 0; j < m; j++) {
                float sc = s.score(q, j);
                catScore[c][j] += sc;
                catOut[c][j] += s.outputTokens(q, j);
                total[j] += sc;
                all &= sc == 1f;
                none &= sc == 0f;
                top = Math.max(top, sc);
            }
            if (all) {
                allRight[c]++;
            }
            if (none) {
                noneRight[c]++;
            }
            catOracle[c] += top;
            oracle += top;
            if (!tables.isEmpty()) {
                int pick = -1;
                for (int j = 0; j < m; j++) {
                    if (s.score(q, j) == top && (pick < 0 || tables.get(0).cost(q, j) < tables.get(0).cost(q, pick))) {
                        pick = j;
                    }
                }
                String tier = catalog.byId(s.models().get(pick)).map(ModelInfo::tier).orElse("");
                if (tier.equals("small") || tier.equals("nano")) {
                    oracleSmall++;
                }
            }
            if (s.hasTimestamps()) {
                ZonedDateTime t = Instant.ofEpochMilli(s.timestampMillis(q)).atZone(ZoneOffset.UTC);
                if (t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    weekend++;
                }
                if (t.getHour() >= 8 && t.getHour() < 18) {
                    office++;
                }
            }
            if (s.hasTenants()) {
                tenantShare.merge(s.tenants().get(s.tenant(q)) + " (" + s.slaTiers().get(s.slaTier(q)) + ")", 1.0 / n, Double::sum);
            }
        }
        List<CategoryStats> categoryStats = new ArrayList<>();
        double categoryBest = 0;
        for (int c = 0; c < cats; c++) {
            double[] acc = new double[m];
            double[] out = new double[m];
            double best = 0;
            for (int j = 0; j < m; j++) {
                acc[j] = catScore[c][j] / catCount[c];
                out[j] = catOut[c][j] / catCount[c];
                best = Math.max(best, acc[j]);
            }
            categoryBest += best * catCount[c] / n;
            categoryStats.add(new CategoryStats(s.categories().get(c), catCount[c], acc, (double) allRight[c] / catCount[c],
                    (double) noneRight[c] / catCount[c], catOracle[c] / catCount[c], catIn[c] / catCount[c], out));
        }
        double[] mean = new double[m];
        int best = 0;
        for (int j = 0; j < m; j++) {
            mean[j] = total[j] / n;
            if (mean[j] > mean[best]) {
                best = j;
            }
        }
        Map<String, double[]> cost = new LinkedHashMap<>();
        for (int i = 0; i < sheets.size(); i++) {
            double[] per1k = new double[m];
            for (int j = 0; j < m; j++) {
                per1k[j] = tables.get(i).meanCost(j) * 1000.0;
            }
            cost.put(sheets.get(i).name(), per1k);
        }
        return new SampleStatistics(s.name(), n, s.models(), categoryStats, mean, s.models().get(best), mean[best],
                oracle / n, categoryBest, tables.isEmpty() ? Double.NaN : (double) oracleSmall / n, cost, tenantShare,
                (double) weekend / n, (double) office / n);
    }

    public CategoryStats category(String name) {
        for (CategoryStats c : categories) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no category '" + name + "' in sample '" + sample + "'");
    }
}
