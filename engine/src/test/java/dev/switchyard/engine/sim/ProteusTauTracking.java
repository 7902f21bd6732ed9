package dev.switchyard.engine.sim;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.routing.CalibrationSet;
import dev.switchyard.engine.routing.RequestView;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.offline.CorrectnessPredictor;
import dev.switchyard.engine.routing.offline.LabelledSplit;
import dev.switchyard.engine.routing.offline.OfflineTraining;
import dev.switchyard.engine.routing.offline.TauGridReport;
import dev.switchyard.engine.routing.proteus.ProteusConfig;
import dev.switchyard.engine.routing.proteus.ProteusPolicy;
import dev.switchyard.engine.routing.proteus.ProteusRouter;
import dev.switchyard.engine.routing.proteus.ProteusRouting;
import dev.switchyard.engine.routing.proteus.ProteusTrainer;
import dev.switchyard.engine.traffic.TrafficSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * PROTEUS over a tau grid on held-out data, computed exactly: the simulator's stream draws the evaluation
 * pool's queries uniformly and PROTEUS's choice is a function of the query, so the served satisfaction's
 * expectation is the pool mean of the chosen model's score (no stream or outcome noise; what is left is the
 * calibration split's own sampling error, which is why the figures are taken over several splits). The
 * reference at each target is the cheapest rule-L policy on the same trained correctness predictor (the
 * same features) whose pool satisfaction meets the target, its lambda chosen in hindsight on the pool.
 */
final class ProteusTauTracking {
    private ProteusTauTracking() {
    }

    record Data(String name, TrafficSample sample, PriceSheet prices, Catalog catalog) {
    }

    /** One split (seed) of one data set. */
    /**
     * @param splitShift the held-out pool's mean score minus the calibration split's, averaged over the models: how
     *     much easier (positive) the traffic PROTEUS serves is than the split it was trained on, a label shift no
     *     router trained on the split can see (decision 1040)
     * @param meanMargin the margin PROTEUS aimed above each trained target, averaged over them
     */
    record Figures(String name, long seed, TauGridReport report, double[] referenceCost, double[] frontierCost,
                   double trainSeconds, double splitShift, double meanMargin) {
        double worstCostRatio() {
            double w = 0;
            for (int i = 0; i < referenceCost.length; i++) {
                w = Math.max(w, report.points().get(i).costPerRequest() / referenceCost[i]);
            }
            return w;
        }

        /** Total cost over the grid against the reference's total. */
        double meanCostRatio() {
            double a = 0;
            double b = 0;
            for (int i = 0; i < referenceCost.length; i++) {
                a += report.points().get(i).costPerRequest();
                b += referenceCost[i];
            }
            return a / b;
        }

        /** Worst cost against the same-features rule L at the satisfaction PROTEUS reached (efficiency, not tracking). */
        double worstFrontierRatio() {
            double w = 0;
            for (int i = 0; i < frontierCost.length; i++) {
                w = Math.max(w, report.points().get(i).costPerRequest() / frontierCost[i]);
            }
            return w;
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                    "%s seed %d: %s, cost ratio worst %.3f mean %.3f, frontier worst %.3f, margin %+.4f, split shift %+.4f, "
                            + "training %.2f s%n", name, seed, report.summary(), worstCostRatio(), meanCostRatio(),
                    worstFrontierRatio(), meanMargin, splitShift, trainSeconds));
            for (int i = 0; i < referenceCost.length; i++) {
                TauGridReport.Point p = report.points().get(i);
                b.append(String.format(Locale.ROOT, "    tau %.3f -> %.4f  $%.7f (reference $%.7f, at its own level $%.7f)%n",
                        p.tau(), p.achieved(), p.costPerRequest(), referenceCost[i], frontierCost[i]));
            }
            return b.toString();
        }
    }

    /** Targets from 15% to 85% of the way between the cheapest and the best single model's sample mean, rounded. */
    static double[] grid(TrafficSample s, int targets) {
        int m = s.modelCount();
        double best = 0;
        double worst = 1;
        for (int j = 0; j < m; j++) {
            double mean = 0;
            for (int q = 0; q < s.size(); q++) {
                mean += s.score(q, j);
            }
            mean /= s.size();
            best = Math.max(best, mean);
            worst = Math.min(worst, mean);
        }
        double lo = worst + 0.15 * (best - worst);
        double hi = best - 0.15 * (best - worst);
        double[] g = new double[targets];
        for (int i = 0; i < targets; i++) {
            g[i] = Math.round((lo + (hi - lo) * i / (targets - 1)) * 1000) / 1000.0;
        }
        return g;
    }

    static Figures measure(Data d, long seed, int targets, UnaryOperator<ProteusConfig> tweak) throws Exception {
        double[] taus = grid(d.sample(), targets);
        PreparedScenario p = PreparedScenario.of(Scenario.of(d.sample(), d.prices(), d.catalog(), "proteus").withSeed(seed));
        CalibrationSet cal = p.calibration().orElseThrow();
        double norm = p.costScale().normaliser();
        int cats = Math.max(1, p.sample.categories().size());
        int m = p.m;
        CalibrationSet pool = new CalibrationSet(m, p.category, p.inputTokens, p.cachedTokens, p.tenant, p.tier, p.expectedCost,
                norm, p.score, p.realisedCost, Arrays.asList(p.features));
        RouterParameters params = RouterParameters.of("tauMin", Double.toString(taus[0]), "tauMax",
                Double.toString(taus[taus.length - 1])).resolve(ProteusRouting.DESCRIPTOR);
        ProteusConfig config = tweak.apply(ProteusRouting.config(params, taus[0]));
        int bits = p.extractor.map(e -> Integer.numberOfTrailingZeros(e.dimension())).orElse(10);
        LabelledSplit split = LabelledSplit.of(cal, cats, norm);
        var rng = OfflineTraining.trainingRandom(seed);
        CorrectnessPredictor predictor = CorrectnessPredictor.train(split, bits, config.predictor(), rng);
        double[] oof = CorrectnessPredictor.outOfFold(split, bits, OfflineTraining.FOLDS, config.predictor(), rng);
        long t0 = System.nanoTime();
        ProteusPolicy policy = ProteusTrainer.train(split, predictor, oof, config, OfflineTraining.trainingRandom(seed ^ 0x9E3779B97F4A7C15L));
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        int rows = pool.size();
        RequestView[] views = new RequestView[rows];
        for (int r = 0; r < rows; r++) {
            views[r] = pool.request(r);
        }
        List<TauGridReport.Point> points = new ArrayList<>();
        for (double tau : taus) {
            ProteusRouter router = new ProteusRouter(policy, tau);
            double acc = 0;
            double cost = 0;
            for (int r = 0; r < rows; r++) {
                int c = router.route(views[r], null);
                acc += pool.score(r, c);
                cost += pool.realisedCost(r, c);
            }
            points.add(new TauGridReport.Point(tau, acc / rows, cost / rows));
        }
        TauGridReport report = TauGridReport.of(points);
        // the same-features family: rule L on the served predictor's p_hat, every lambda of a fine grid
        double[] phat = new double[rows * m];
        double[] buf = new double[m];
        float[] scratch = new float[m];
        for (int r = 0; r < rows; r++) {
            predictor.predict(views[r], buf, scratch);
            System.arraycopy(buf, 0, phat, r * m, m);
        }
        List<double[]> family = new ArrayList<>();
        for (double ll = -10; ll <= 10; ll += 0.02) {
            double lambda = Math.exp(ll);
            double acc = 0;
            double cost = 0;
            for (int r = 0; r < rows; r++) {
                int best = 0;
                double bv = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < m; j++) {
                    double v = lambda * phat[r * m + j] - views[r].normalisedCost(j);
                    if (v > bv) {
                        bv = v;
                        best = j;
                    }
                }
                acc += pool.score(r, best);
                cost += pool.realisedCost(r, best);
            }
            family.add(new double[] {acc / rows, cost / rows});
        }
        double[] ref = new double[taus.length];
        double[] frontier = new double[taus.length];
        for (int i = 0; i < taus.length; i++) {
            ref[i] = cheapestReaching(family, taus[i]);
            frontier[i] = cheapestReaching(family, report.points().get(i).achieved());
        }
        double shift = 0;
        for (int j = 0; j < m; j++) {
            double a = 0;
            for (int r = 0; r < rows; r++) {
                a += pool.score(r, j);
            }
            double b = 0;
            for (int r = 0; r < cal.size(); r++) {
                b += cal.score(r, j);
            }
            shift += (a / rows - b / cal.size()) / m;
        }
        double meanMargin = Arrays.stream(policy.trainedMargins()).average().orElse(0);
        return new Figures(d.name(), seed, report, ref, frontier, trainSeconds, shift, meanMargin);
    }

    private static double cheapestReaching(List<double[]> family, double level) {
        double cheapest = Double.POSITIVE_INFINITY;
        for (double[] f : family) {
            if (f[0] >= level - 1e-12) {
                cheapest = Math.min(cheapest, f[1]);
            }
        }
        return cheapest;
    }
}
