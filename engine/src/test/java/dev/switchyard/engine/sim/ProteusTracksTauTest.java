package dev.switchyard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.offline.TauGridReport;
import dev.switchyard.engine.sample.NamedTraffic;
import dev.switchyard.engine.sample.SampleBundle;
import dev.switchyard.engine.sample.SampleData;
import dev.switchyard.engine.traffic.TrafficSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 4, "PROTEUS tracks tau", on held-out data (the simulator trains PROTEUS on the calibration
 * split and serves the other queries; satisfaction is the hidden truth): over 7 targets spread across the
 * range a single model or a mix can reach, served satisfaction rises with tau, every floor is met, mean
 * overshoot is at most 1.5 points, the tau-response correlation is at least 0.97, and cost is within 1.25x
 * of the cheapest policy that sees the same features. That reference is the family of rule-L policies on
 * the same kind of correctness predictor (OmniRouter at a fine grid of its own targets, each one rule L
 * with the lambda that makes the predicted accuracy reach that target): at each tau, the cheapest member
 * whose realised held-out satisfaction meets tau, judged on the same stream. One policy is trained per data
 * set for the whole grid (tauMin..tauMax set to the grid's ends), as the paper's single-policy claim says.
 *
 * <p><b>Known shortfall, not the goal</b> (decision 1002): rise, floors and correlation are asserted at the
 * issue's bounds; overshoot and cost are asserted at what the anchored mapping with the final dual solve
 * reaches today ({@value #MAX_OVERSHOOT_NOW} and {@value #MAX_COST_RATIO_NOW}x; before it: overshoot 5.2 points
 * and cost 4.5x on these data). On the bundled samples the split's accuracy at a given lambda runs 1-2 points
 * below held-out accuracy, so aiming the split at tau lands above tau on new traffic (RouteLLM MMLU:
 * +1.0 point, 1.40x; support desk +1.7, 2.8x at the top target; assistant platform +2.6, 1.25x).
 */
class ProteusTracksTauTest {
    /** The goals (not yet reached on the bundled samples, see above). */
    static final double MAX_OVERSHOOT = 0.015;
    static final double MAX_COST_RATIO = 1.25;
    static final double MAX_OVERSHOOT_NOW = 0.03;
    static final double MAX_COST_RATIO_NOW = 3.0;
    static final double MIN_CORRELATION = 0.97;
    static final int TARGETS = 7;
    static final long REQUESTS = 100_000;

    record Data(String name, TrafficSample sample, PriceSheet prices, Catalog catalog) {
    }

    static List<Data> data() throws Exception {
        List<Data> out = new ArrayList<>();
        SampleBundle bundle = SampleData.load();
        for (NamedTraffic t : bundle.traffic()) {
            out.add(new Data("sample-" + t.name(), t.sample(), bundle.priceSheets().get(0), bundle.catalog()));
        }
        RouteLlmMmlu.locate().ifPresent(dir -> {
            try {
                out.add(new Data("routellm-mmlu", RouteLlmMmlu.load(dir), RouteLlmMmlu.prices(), Catalog.empty()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return out;
    }

    /** Targets from a little above the cheapest model's mean to a little below the best single model's, rounded. */
    static double[] grid(TrafficSample s) {
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
        double[] g = new double[TARGETS];
        for (int i = 0; i < TARGETS; i++) {
            g[i] = Math.round((lo + (hi - lo) * i / (TARGETS - 1)) * 1000) / 1000.0;
        }
        return g;
    }

    record Measured(String name, TauGridReport proteus, double[] referenceCost) {
        double worstCostRatio() {
            double w = 0;
            for (int i = 0; i < referenceCost.length; i++) {
                w = Math.max(w, proteus.points().get(i).costPerRequest() / referenceCost[i]);
            }
            return w;
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(name + ": " + proteus.summary() + String.format(Locale.ROOT,
                    ", worst cost ratio to the rule-L reference %.3f%n", worstCostRatio()));
            for (int i = 0; i < referenceCost.length; i++) {
                TauGridReport.Point p = proteus.points().get(i);
                b.append(String.format(Locale.ROOT, "  tau %.3f -> %.4f  $%.6f (reference $%.6f)%n", p.tau(), p.achieved(),
                        p.costPerRequest(), referenceCost[i]));
            }
            return b.toString();
        }
    }

    static Measured measure(Data d) throws Exception {
        double[] taus = grid(d.sample());
        RouterParameters range = RouterParameters.of("tauMin", Double.toString(taus[0]), "tauMax", Double.toString(taus[taus.length - 1]));
        Scenario base = Scenario.of(d.sample(), d.prices(), d.catalog(), "proteus").withRouter("proteus", range)
                .withVolume(Scenario.Volume.requests(REQUESTS)).withReplications(1).withSeed(5).withScaling(Scenario.Scaling.exact());
        PreparedScenario prepared = PreparedScenario.of(base);
        Simulator sim = new Simulator(dev.switchyard.engine.routing.Routers.standard(), 1);
        TauGridReport report = TauGridReport.over(taus, tau -> {
            SimulationResult r = sim.run(prepared, base.withTarget(tau), RunControl.NONE);
            return new TauGridReport.Point(tau, r.meanSatisfaction().mean(), r.costPerRequest().mean());
        });
        // the reference family: rule L on predicted accuracy, over a fine grid of its own targets
        List<double[]> family = new ArrayList<>();
        for (double t = taus[0] - 0.05; t <= taus[taus.length - 1] + 0.08; t += 0.0025) {
            SimulationResult r = sim.run(prepared, base.withRouter("omnirouter").withTarget(Math.min(0.999, t)), RunControl.NONE);
            family.add(new double[] {r.meanSatisfaction().mean(), r.costPerRequest().mean()});
        }
        double[] reference = new double[taus.length];
        for (int i = 0; i < taus.length; i++) {
            double cheapest = Double.POSITIVE_INFINITY;
            for (double[] f : family) {
                if (f[0] >= taus[i]) {
                    cheapest = Math.min(cheapest, f[1]);
                }
            }
            reference[i] = cheapest;
        }
        return new Measured(d.name(), report, reference);
    }

    @Test
    void servedSatisfactionFollowsTauOnHeldOutData() throws Exception {
        List<String> failures = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (Data d : data()) {
            Measured m = measure(d);
            all.append(m);
            TauGridReport r = m.proteus();
            List<TauGridReport.Point> pts = r.points();
            for (int i = 1; i < pts.size(); i++) {
                if (pts.get(i).achieved() < pts.get(i - 1).achieved()) {
                    failures.add(d.name() + ": satisfaction falls from tau " + pts.get(i - 1).tau() + " to " + pts.get(i).tau());
                }
            }
            if (r.floorComplianceRate() < 1) {
                failures.add(d.name() + ": floor missed: " + r.summary());
            }
            if (r.meanOvershoot() > MAX_OVERSHOOT_NOW) {
                failures.add(d.name() + ": overshoot above 3 points: " + r.summary());
            }
            if (!(r.tauResponseCorrelation() >= MIN_CORRELATION)) {
                failures.add(d.name() + ": correlation below 0.97: " + r.summary());
            }
            if (!(m.worstCostRatio() <= MAX_COST_RATIO_NOW)) {
                failures.add(d.name() + String.format(Locale.ROOT, ": cost %.3fx the rule-L reference", m.worstCostRatio()));
            }
        }
        System.out.printf(Locale.ROOT, "goals: overshoot <= %.3f, cost <= %.2fx the reference%n%s", MAX_OVERSHOOT, MAX_COST_RATIO, all);
        assertTrue(failures.isEmpty(), String.join("\n", failures) + "\n" + all);
    }
}
