package dev.switchyard.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchyard.app.common.ProgressSink;
import dev.switchyard.app.data.DataSet;
import dev.switchyard.app.data.DataSources;
import dev.switchyard.app.scenario.Fidelity;
import dev.switchyard.app.scenario.PlannerEngine;
import dev.switchyard.app.scenario.RouterChoice;
import dev.switchyard.app.scenario.ScenarioOutcome;
import dev.switchyard.app.scenario.ScenarioSettings;
import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.ModelInfo;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.io.SourceLocation;
import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.traffic.QueryRecord;
import dev.switchyard.engine.traffic.TrafficSample;

/** Small hand-made data and test doubles for view-model tests (no engine simulation, no disk). */
public final class Fixtures {
    private Fixtures() {
    }

    public static final List<String> MODELS = List.of("small", "mid", "large");

    /** 60 queries, 3 categories; scores rise with model size; "large" is the best fixed model. */
    public static TrafficSample traffic() {
        TrafficSample.Builder b = TrafficSample.builder("tiny", MODELS);
        String[] cats = {"math", "code", "chat"};
        for (int q = 0; q < 60; q++) {
            float[] scores = {q % 3 == 0 ? 1f : 0f, q % 5 == 0 ? 0f : 1f, q % 11 == 0 ? 0f : 1f};
            int[] out = {100 + q, 200 + q, 300 + q};
            b.add(new QueryRecord("q" + q, cats[q % 3], null, null, null, null, 500 + 10 * q, 0, scores, out, null, null));
        }
        return b.build();
    }

    /** The same queries, every other one in the gold tier, the rest bronze. */
    public static TrafficSample tieredTraffic() {
        TrafficSample.Builder b = TrafficSample.builder("tiered", MODELS);
        String[] cats = {"math", "code", "chat"};
        for (int q = 0; q < 60; q++) {
            float[] scores = {q % 3 == 0 ? 1f : 0f, q % 5 == 0 ? 0f : 1f, q % 11 == 0 ? 0f : 1f};
            int[] out = {100 + q, 200 + q, 300 + q};
            b.add(new QueryRecord("q" + q, cats[q % 3], null, null, q % 2 == 0 ? "gold" : "bronze", null, 500 + 10 * q, 0,
                    scores, out, null, null));
        }
        return b.build();
    }

    public static DataSet tieredDataSet() {
        return new DataSet(catalog(), List.of(sheet("list-a", 1)), tieredTraffic(), "tiered fixture");
    }

    public static Catalog catalog() {
        List<ModelInfo> models = new ArrayList<>();
        for (String m : MODELS) {
            models.add(ModelInfo.ofId(m));
        }
        return new Catalog("test catalog", models);
    }

    public static PriceSheet sheet(String name, double factor) {
        return new PriceSheet(name, "v1", "test", null, null, "USD", Map.of(
                "small", ModelPrice.flat("small", 0.1 * factor, 0.4 * factor),
                "mid", ModelPrice.flat("mid", 1 * factor, 4 * factor),
                "large", ModelPrice.flat("large", 10 * factor, 40 * factor)));
    }

    public static DataSet dataSet() {
        return new DataSet(catalog(), List.of(sheet("list-a", 1), sheet("list-b", 0.5)), traffic(), "fixture");
    }

    /** Data sources that serve the fixture, and fail with a located error for files named "bad*". */
    public static final class FakeSources implements DataSources {
        public int sampleLoads;
        /** A sample "already read" (a start-up prefetch that finished), or null. */
        public DataSet prefetched;

        @Override
        public java.util.Optional<DataSet> sampleIfRead() {
            return java.util.Optional.ofNullable(prefetched);
        }

        @Override
        public DataSet loadSample() {
            sampleLoads++;
            return dataSet();
        }

        @Override
        public Catalog readCatalog(Path file) throws ImportException {
            failIfBad(file);
            return catalog();
        }

        @Override
        public PriceSheet readPriceSheet(Path file) throws ImportException {
            failIfBad(file);
            return sheet(file.getFileName().toString(), 2);
        }

        @Override
        public TrafficLoad readTraffic(List<Path> files, Catalog catalog) throws ImportException {
            for (Path f : files) {
                failIfBad(f);
            }
            return new TrafficLoad(traffic(), List.of("3 incomplete rows left out"));
        }

        @Override
        public void writeCatalog(Catalog catalog, Path file) throws IOException {
            throw new IOException("not in tests");
        }

        private static void failIfBad(Path f) throws ImportException {
            if (f.getFileName().toString().startsWith("bad")) {
                throw new ImportException(SourceLocation.atField(f.toString(), 7, 12, "mid.score"),
                        "score 'abc' is not a number");
            }
        }
    }

    /**
     * A planner whose figures follow simple, known rules (spend rises with target, the cheap router
     * is cheaper), so view models can be checked without the real simulator.
     */
    public static final class FakePlanner implements PlannerEngine {
        public final List<ScenarioSettings> runs = new ArrayList<>();

        @Override
        public List<RouterChoice> routers() {
            return List.of(
                    new RouterChoice("slarouter", "SLARouter", "Learns from sparse complaints.", true, "abstract only", false,
                            List.of(new RouterChoice.Parameter("V", "Trade-off", "Cost vs SLA weight", 1.0, 0.01, 100, true, List.of())), true),
                    new RouterChoice("cheapest", "Cheapest", "Always the cheapest model.", false, "", false, List.of()),
                    new RouterChoice("sla-oracle", "SLA oracle", "Hindsight bound.", false, "", true, List.of()));
        }

        @Override
        public String defaultRouter() {
            return "slarouter";
        }

        @Override
        public ScenarioOutcome run(DataSet data, ScenarioSettings s, Fidelity fidelity, ProgressSink sink) {
            sink.checkCancelled();
            synchronized (runs) {
                runs.add(s);
            }
            double factor = s.router().equals("cheapest") ? 0.3 : 1.0;
            double per1k = factor * (1 + 40 * Math.max(0, s.target() - 0.7));
            List<ScenarioOutcome.Month> months = new ArrayList<>();
            double total = 0;
            for (int m = 1; m <= s.horizonMonths(); m++) {
                double requests = s.monthlyVolume() * Math.pow(1 + s.monthlyGrowth(), m - 1);
                double spend = requests * per1k / 1000;
                total += spend;
                months.add(new ScenarioOutcome.Month(m, requests, spend, spend * 0.9, spend * 1.1, s.target() + 0.01,
                        s.target() - 0.01, s.target() + 0.02, 0.1));
            }
            int models = s.pool().size();
            double[][] share = new double[s.horizonMonths()][models];
            for (double[] row : share) {
                java.util.Arrays.fill(row, 1.0 / models);
            }
            double[] spendShare = new double[models];
            java.util.Arrays.fill(spendShare, 1.0 / models);
            List<ScenarioOutcome.Window> windows = List.of(new ScenarioOutcome.Window(1, s.target() + 0.01),
                    new ScenarioOutcome.Window(2, s.target() - 0.01));
            double breach = Math.min(1, Math.max(0, (s.target() - 0.85) * 4 * (1.2 - s.feedbackRate())));
            return new ScenarioOutcome(s, s.router().equals("cheapest") ? "Cheapest" : "SLARouter",
                    s.router().equals("slarouter"), total / s.horizonMonths(), per1k, s.target() + 0.005, breach, 0.4, 0.5,
                    months, windows, null, s.pool(), share, spendShare,
                    List.of(new ScenarioOutcome.Tier("gold", 0.4, s.target() + 0.01, per1k * 1.2),
                            new ScenarioOutcome.Tier("bronze", 0.6, s.target() - 0.01, per1k * 0.8)),
                    new ScenarioOutcome.Trace("lambda", "", new double[] {0, 1000}, new double[] {0.5, 0.7}),
                    s.seed(), "test", List.of(), fidelity,
                    ScenarioOutcome.Judgement.of(s.target(), "week", breach <= 0.05));
        }
    }

    /**
     * A planner whose answers follow known rules: spend per 1,000 requests is factor x (1 + 40 x
     * max(0, target - 0.7)) (factor 1 for SLARouter, 0.3 for Cheapest); Cheapest breaches above 85%,
     * SLARouter never; the ceiling is 97%; the floor spends half of Cheapest.
     */
    public static final class FakePlanning implements dev.switchyard.app.plan.PlanningEngine {
        public final List<ScenarioSettings> recommends = new ArrayList<>();
        public final List<List<Double>> negotiations = new ArrayList<>();
        public final List<Double> budgets = new ArrayList<>();
        public static final double CEILING = 0.97;

        static double per1k(String router, double target) {
            double factor = router.equals("cheapest") ? 0.3 : 1.0;
            return factor * (1 + 40 * Math.max(0, target - 0.7));
        }

        public static dev.switchyard.app.plan.Candidate candidate(ScenarioSettings s, String router, double target) {
            double per1k = per1k(router, target);
            double spend = s.monthlyVolume() * per1k / 1000;
            boolean cheap = router.equals("cheapest");
            double breach = cheap && target > 0.85 ? 0.30 : 0.01;
            boolean meets = breach <= 0.05 && target <= CEILING;
            List<dev.switchyard.app.plan.Candidate.Tier> tiers = List.of(
                    new dev.switchyard.app.plan.Candidate.Tier("gold", s.targetFor("gold"), s.tierTargets().containsKey("gold"), 0.4,
                            target - 0.005, cheap ? 0.4 : 0.02, target - 0.005 >= s.targetFor("gold")),
                    new dev.switchyard.app.plan.Candidate.Tier("bronze", s.targetFor("bronze"), false, 0.6, target + 0.01, 0.0, true));
            return new dev.switchyard.app.plan.Candidate(router, cheap ? "Cheapest" : "SLARouter", Map.of(), target, target, spend,
                    per1k, target + 0.003, breach, breach / 2, breach * 2, meets,
                    meets ? "" : "breaches " + Math.round(breach * 100) + "% of weeks (limit 5%)", tiers,
                    java.util.Collections.nCopies(s.horizonMonths(), spend), !cheap);
        }

        @Override
        public dev.switchyard.app.plan.Advice recommend(DataSet data, ScenarioSettings s, ProgressSink sink) {
            sink.checkCancelled();
            synchronized (recommends) {
                recommends.add(s);
            }
            List<dev.switchyard.app.plan.Candidate> cs = new ArrayList<>(List.of(candidate(s, "cheapest", s.target()),
                    candidate(s, "slarouter", s.target())));
            cs.sort(java.util.Comparator.comparing((dev.switchyard.app.plan.Candidate c) -> !c.meetsSla())
                    .thenComparingDouble(dev.switchyard.app.plan.Candidate::monthlySpend));
            return new dev.switchyard.app.plan.Advice(s.target(), "week", 0.05,
                    cs.stream().filter(dev.switchyard.app.plan.Candidate::meetsSla).findFirst(), cs, CEILING, "SLARouter",
                    s.monthlyVolume() * per1k("cheapest", s.target()) / 2000, List.of(), 0.1, s.seed(), "test", "fake");
        }

        @Override
        public Negotiated negotiate(DataSet data, ScenarioSettings s, List<Double> targets, List<String> routers,
                                    java.util.function.Consumer<Negotiated> partial, ProgressSink sink) {
            synchronized (negotiations) {
                negotiations.add(List.copyOf(targets));
            }
            List<dev.switchyard.app.plan.Candidate> points = new ArrayList<>();
            List<Marginal> marginals = new ArrayList<>();
            for (String r : routers) {
                if (r.equals("sla-oracle")) {
                    continue;
                }
                sink.checkCancelled();
                dev.switchyard.app.plan.Candidate prev = null;
                for (double t : targets) {
                    dev.switchyard.app.plan.Candidate c = candidate(s, r, t);
                    points.add(c);
                    if (prev != null && prev.meetsSla() && c.meetsSla()) {
                        double per = (c.monthlySpend() - prev.monthlySpend()) / ((t - prev.target()) * 100);
                        marginals.add(new Marginal(r, c.displayName(), prev.target(), t, per, per * 0.9, per * 1.1));
                    }
                    prev = c;
                }
                partial.accept(new Negotiated(targets, points, List.of(), List.of(), Double.NaN, List.of(), 0, "", true));
            }
            List<Floor> floor = routers.contains("sla-oracle") ? targets.stream().map(t -> new Floor("SLA oracle", t,
                    s.monthlyVolume() * per1k("cheapest", t) / 2000, per1k("cheapest", t) / 2, t)).toList() : List.of();
            return new Negotiated(targets, points, marginals, floor, CEILING, List.of(), 0.2, "fake", false);
        }

        public final List<List<Double>> latencyGrids = new ArrayList<>();
        /** The tier whose L each grid's rows set ("" = the default L), in the order asked. */
        public final List<String> latencyGridTiers = new ArrayList<>();

        /**
         * The fake grid: SLARouter keeps (t, L) when L >= 1,000 ms and t <= the ceiling, at its spend for t times
         * (1 + 1,000 / L) (a tighter latency target costs more); otherwise no router does ("too slow"). Its rows say
         * whose L they set, as the engine's do.
         */
        @Override
        public LatencyCells latencyGrid(DataSet data, ScenarioSettings s, List<Double> targets, List<Double> latenciesMs,
                                        String tier, List<String> routers, java.util.function.Consumer<LatencyCells> partial,
                                        ProgressSink sink) {
            synchronized (latencyGrids) {
                latencyGrids.add(List.copyOf(latenciesMs));
                latencyGridTiers.add(tier);
            }
            String rows = tier.isEmpty() ? "L is every tier's" : "L is " + tier + "'s";
            List<LatencyCell> cells = new ArrayList<>();
            for (double l : latenciesMs) {
                sink.checkCancelled();
                for (double t : targets) {
                    boolean met = l >= 1000 && t <= CEILING;
                    double spend = s.monthlyVolume() * per1k("slarouter", t) / 1000 * (1 + 1000 / l);
                    cells.add(new LatencyCell(t, l, met, "SLARouter", met ? spend : Double.NaN, 0.8 * l,
                            met ? "" : "misses the latency target in 40% of weeks (accepted: 5%)"));
                }
                partial.accept(new LatencyCells(targets, latenciesMs, s.latency().percentile(), cells, true, 0, tier, ""));
            }
            return new LatencyCells(targets, latenciesMs, s.latency().percentile(), cells, false, 0.3, tier, rows);
        }

        @Override
        public dev.switchyard.app.plan.BudgetResult budget(DataSet data, ScenarioSettings s, double monthlyBudget, ProgressSink sink) {
            synchronized (budgets) {
                budgets.add(monthlyBudget);
            }
            double best = Double.NaN;
            for (int k = 50; k <= 99; k++) {
                double t = k / 100.0;
                if (s.monthlyVolume() * per1k("slarouter", t) / 1000 <= monthlyBudget && t <= CEILING) {
                    best = t;
                }
            }
            final double found = best;
            return new dev.switchyard.app.plan.BudgetResult(monthlyBudget, best,
                    Double.isNaN(best) ? java.util.Optional.empty() : java.util.Optional.of(candidate(s, "slarouter", found)), 0.1);
        }
    }
}
