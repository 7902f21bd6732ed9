package dev.switchyard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.traffic.TrafficSample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Independent checks of the real-volume statistics (decision 0900): a fixed-model router's P(breached month) against
 * the normal approximation of the binomial at the real volume, scaled and exact runs, and window counts by hand.
 */
class RealVolumeStatisticsTest {
    private static final TrafficSample SAMPLE = SyntheticWorkload.sample(4000, 4, 21);
    private static Scenario base;
    private static double p;
    private static int best;

    @BeforeAll
    static void knownMean() throws Exception {
        base = Scenario.of(SAMPLE, SyntheticWorkload.prices(4), Catalog.empty(), "cheapest").withCalibrationFraction(0)
                .withSeed(5);
        // a fixed model (the cheapest, model-a); no calibration split, so the stream draws uniformly from the whole
        // sample and a real request's outcome is Bernoulli(p) with p that model's mean over the sample
        best = 0;
        double sum = 0;
        for (int q = 0; q < SAMPLE.size(); q++) {
            sum += SAMPLE.score(q, best);
        }
        p = sum / SAMPLE.size();
    }

    private static double analytic(double tau, long perMonth) {
        return Interval.normalCdf((tau - p) / Math.sqrt(p * (1 - p) / perMonth));
    }

    @ParameterizedTest(name = "target p{0}")
    @ValueSource(doubles = {-0.0005, 0, 0.0005})
    void scaledMonthsBreachAsTheBinomialAtRealVolume(double offset) throws Exception {
        double tau = p + offset;
        Scenario s = base.withTarget(tau).withVolume(new Scenario.Volume(1_000_000, 0, 4, true))
                .withScaling(new Scenario.Scaling(0, 50_000)).withReplications(10);
        SimulationResult r = Simulator.standard().run(s);
        assertTrue(r.scaled());
        assertEquals(1.0, r.modelShare().get("model-a"));
        double want = analytic(tau, 1_000_000);
        assertEquals(want, r.monthlyBreachProbability(), 0.03, "P(breached month) at tau " + tau + ", p " + p);
        assertTrue(r.monthlyBreachProbabilityInterval().low() <= r.monthlyBreachProbability()
                && r.monthlyBreachProbability() <= r.monthlyBreachProbabilityInterval().high());
        // what the simulated count alone says: each month's 50k simulated requests are ~4.5x too noisy
        double countBased = r.months().stream().mapToDouble(SimulationResult.MonthStats::simulatedBreachShare).average()
                .orElseThrow();
        if (offset != 0) {
            assertTrue(Math.abs(countBased - want) > Math.abs(r.monthlyBreachProbability() - want),
                    "count " + countBased + " vs probability " + r.monthlyBreachProbability() + " vs analytic " + want);
        }
        // the month's satisfaction spread is the real month's: P10/P90 at p -/+ 1.2816 sd(1M requests)
        SimulationResult.MonthStats m = r.months().get(1);
        double sd = Math.sqrt(p * (1 - p) / 1_000_000);
        assertEquals(p - 1.2816 * sd, m.satisfaction().p10(), 0.4 * sd);
        assertEquals(p + 1.2816 * sd, m.satisfaction().p90(), 0.4 * sd);
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void anExactRunAgreesWithTheScaledRunWithinItsInterval() throws Exception {
        long perMonth = 100_000;
        double tau = p - 0.001;
        Scenario s = base.withTarget(tau).withReplications(20).withVolume(new Scenario.Volume(perMonth, 0, 4, true));
        SimulationResult exact = Simulator.standard().run(s.withScaling(Scenario.Scaling.exact()));
        SimulationResult scaled = Simulator.standard().run(s.withScaling(new Scenario.Scaling(0, 5_000)));
        assertTrue(!exact.scaled() && scaled.scaled());
        double want = analytic(tau, perMonth);
        Interval ei = exact.monthlyBreachProbabilityInterval();
        assertTrue(ei.contains(scaled.monthlyBreachProbability()), "scaled " + scaled.monthlyBreachProbability()
                + " outside the exact run's interval " + ei);
        assertTrue(ei.contains(want), "analytic " + want + " outside the exact run's interval " + ei);
        assertEquals(want, scaled.monthlyBreachProbability(), 0.03);
        // exact months are 0/1 per replication, so their interval is at least the Wilson interval of 80 months
        Interval wilson = Interval.wilson(exact.monthlyBreachProbability(), 80);
        assertTrue(ei.low() <= wilson.low() + 1e-12 && ei.high() >= wilson.high() - 1e-12, ei + " vs " + wilson);
    }

    @Test
    void requestWindowsAreCountedByHandOnASmallStream() throws Exception {
        // 2,500 exact requests in windows of 1,000: two full windows and the 500-request rest
        double tau = p - 0.01;
        Scenario s = base.withTarget(tau).withReplications(1).withVolume(Scenario.Volume.requests(2_500))
                .withSla(new Scenario.Sla(tau, Scenario.Window.REQUESTS, 1_000));
        SimulationResult r = Simulator.standard().run(s);
        assertEquals(1.0, r.modelShare().get("model-a"));
        // the stream is a pure function of (seed, replication, request): recompute it
        CounterRandom stream = new CounterRandom(5, 0, Seeds.STREAM);
        int met = 0;
        double worst = Double.POSITIVE_INFINITY;
        for (int w = 0; w < 3; w++) {
            double ok = 0;
            int n = 0;
            for (long seq = w * 1000L; seq < Math.min(2_500, (w + 1) * 1000L); seq++) {
                ok += SAMPLE.score(stream.below(seq, 0, SAMPLE.size()), best); // 0/1 scores: the outcome itself
                n++;
            }
            met += ok / n >= tau - 1e-12 ? 1 : 0;
            worst = Math.min(worst, ok / n);
        }
        WindowStats ws = r.replications().get(0).scenarioWindows();
        assertEquals(3, ws.windows());
        assertEquals(0, ws.unjudged());
        assertEquals(met, ws.met());
        assertEquals(met, ws.expectedMet(), 0);
        assertEquals(worst, ws.worst(), 1e-12);
    }

    @Test
    void windowsOfRealRequestsInScaledMonthsAreRealAndSayWhenTheyCannotBeJudged() throws Exception {
        Scenario s = base.withTarget(p).withReplications(1).withVolume(new Scenario.Volume(1_000_000, 0, 1, true))
                .withScaling(new Scenario.Scaling(0, 10_000));
        // 20,000-request windows: 50 real windows, each holding ~200 simulated requests, judged at 20,000 real
        WindowStats big = Simulator.standard().run(s.withSla(new Scenario.Sla(p, Scenario.Window.REQUESTS, 20_000)))
                .replications().get(0).scenarioWindows();
        assertEquals(50, big.windows());
        assertEquals(0, big.unjudged());
        // a fixed model's windows at tau = p: each is met with probability one half, none certainly
        assertEquals(0.5, big.share(), 0.02);
        assertEquals(p, big.worst(), 0.01);
        // 1,000-request windows hold ~10 simulated requests each: too few to judge, and said so
        SimulationResult small = Simulator.standard().run(s.withSla(new Scenario.Sla(p, Scenario.Window.REQUESTS, 1_000)));
        WindowStats ws = small.replications().get(0).scenarioWindows();
        assertEquals(1_000, ws.windows());
        assertEquals(1_000, ws.unjudged());
        assertTrue(Double.isNaN(ws.share()));
        assertTrue(small.warnings().stream().anyMatch(w -> w.contains("too few simulated requests to judge")), small.warnings().toString());
        // 30 daily windows, each 33,333 real requests, judged
        WindowStats daily = small.replications().get(0).daily();
        assertEquals(30, daily.windows());
        assertEquals(0, daily.unjudged());
    }

    @Test
    void intervalsAreTheTextbookOnes() {
        // Wilson 90% for 5 of 50: centre (0.1 + z^2/100)/(1 + z^2/50)
        Interval w = Interval.wilson(0.1, 50);
        assertEquals(0.04953, w.low(), 5e-5);
        assertEquals(0.19154, w.high(), 5e-5);
        Interval t = Interval.studentT(new double[] {1, 2, 3, 4});
        assertEquals(2.5, t.estimate());
        assertEquals(2.3534 * Math.sqrt(5.0 / 3 / 4), t.halfWidth(), 1e-9);
        assertEquals(0.05, Interval.normalCdf(-Interval.Z90), 1e-7);
        assertEquals(1.6973, Interval.t95(30), 1e-4);
        assertEquals(1.6839, Interval.t95(40), 2e-4);
    }
}
