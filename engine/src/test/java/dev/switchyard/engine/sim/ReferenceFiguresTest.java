package dev.switchyard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.pricing.CostTable;
import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.routing.CostScale;
import dev.switchyard.engine.routing.FeedbackAssumptions;
import dev.switchyard.engine.routing.FeedbackKind;
import dev.switchyard.engine.routing.QualityPriors;
import dev.switchyard.engine.routing.Router;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.routing.RoutingContext;
import dev.switchyard.engine.traffic.Dictionary;
import dev.switchyard.engine.traffic.QueryRecord;
import dev.switchyard.engine.traffic.TrafficSample;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Best fixed and the cheapest model meeting tau have one definition (decision 0308), checked here against
 * hand computations on the sample itself: per-model mean score and mean cost over the labelled rows.
 */
class ReferenceFiguresTest {
    static final List<String> MODELS = List.of("mini", "mid", "max");

    /** Three models, four categories of very different size: an unweighted category mean picks differently. */
    static TrafficSample traffic() {
        SplittableRandom rng = new SplittableRandom(17);
        TrafficSample.Builder b = TrafficSample.builder("refs", MODELS).source("refs.csv");
        String[] cats = {"chat", "code", "math", "legal"};
        double[] catShare = {0.7, 0.1, 0.1, 0.1};
        double[][] skill = {{0.80, 0.99, 0.84}, {0.3, 0.6, 0.9}, {0.3, 0.6, 0.9}, {0.3, 0.62, 0.9}};
        for (int q = 0; q < 4000; q++) {
            double u = rng.nextDouble();
            int c = u < catShare[0] ? 0 : u < 0.8 ? 1 : u < 0.9 ? 2 : 3;
            float[] scores = new float[3];
            int[] out = new int[3];
            for (int m = 0; m < 3; m++) {
                scores[m] = rng.nextDouble() < skill[c][m] ? 1f : 0f;
                out[m] = 50 + rng.nextInt(400);
            }
            b.add(new QueryRecord("q" + q, cats[c], null, null, null, null, 100 + rng.nextInt(2000), 0, scores, out, null, null));
        }
        return b.build();
    }

    static PriceSheet prices() {
        return PriceSheet.of("list", List.of(ModelPrice.flat("mini", 0.1, 0.4), ModelPrice.flat("mid", 1, 4),
                ModelPrice.flat("max", 10, 40)));
    }

    static Scenario scenario(String router, double tau) {
        return Scenario.of(traffic(), prices(), Catalog.empty(), router).withTarget(tau).withCalibrationFraction(0)
                .withVolume(Scenario.Volume.requests(60_000)).withScaling(Scenario.Scaling.exact());
    }

    /** Per model over every sample row (no calibration split): {mean score, mean realised cost}. */
    static double[][] byHand(TrafficSample t) throws Exception {
        CostTable table = CostTable.of(t, prices(), Catalog.empty());
        double[][] out = new double[2][MODELS.size()];
        for (int q = 0; q < t.size(); q++) {
            for (int j = 0; j < MODELS.size(); j++) {
                out[0][j] += t.score(q, j) / t.size();
                out[1][j] += table.cost(q, j) / t.size();
            }
        }
        return out;
    }

    @Test
    void cheapestMeetingTargetIsTheCheapestModelWhoseSampleMeanReachesTau() throws Exception {
        double[][] hand = byHand(traffic());
        double tau = (hand[0][1] + Math.min(hand[0][0], hand[0][1])) / 2; // mid and max meet it; mini may not
        int want = -1;
        for (int j = 0; j < 3; j++) {
            if (hand[0][j] >= tau && (want < 0 || hand[1][j] < hand[1][want])) {
                want = j;
            }
        }
        SimulationResult r = Simulator.standard().withThreads(1).run(scenario("slarouter", tau));
        assertEquals(MODELS.get(want), r.cheapestMeetingTargetModel());
        SimulationResult simple = Simulator.standard().withThreads(1).run(scenario("cheapest-meeting-target", tau));
        assertEquals(1.0, simple.modelShare().get(MODELS.get(want)), 1e-12, "the baseline serves the same model");
        // same stream, same seed: the reference cost is exactly what the baseline paid
        assertEquals(1 - r.totalCost().mean() / simple.totalCost().mean(), r.savingsVsCheapestMeetingTarget().mean(), 1e-9);
        assertEquals(0.0, simple.savingsVsCheapestMeetingTarget().mean(), 1e-12);
    }

    @Test
    void noModelMeetingTauGivesNoSavingsFigure() throws Exception {
        double[][] hand = byHand(traffic());
        double top = Math.max(hand[0][0], Math.max(hand[0][1], hand[0][2]));
        SimulationResult r = Simulator.standard().withThreads(1).run(scenario("slarouter", Math.min(0.999, top + 0.01)));
        assertNull(r.cheapestMeetingTargetModel());
        assertTrue(Double.isNaN(r.savingsVsCheapestMeetingTarget().mean()));
    }

    @Test
    void bestFixedIsTheTrafficWeightedSampleBestAndTheBaselineServesIt() throws Exception {
        double[][] hand = byHand(traffic());
        int want = 0;
        for (int j = 1; j < 3; j++) {
            if (hand[0][j] > hand[0][want]) {
                want = j;
            }
        }
        SimulationResult r = Simulator.standard().withThreads(1).run(scenario("best-fixed", 0.8));
        assertEquals(MODELS.get(want), r.bestFixedModel());
        assertEquals(1.0, r.modelShare().get(MODELS.get(want)), 1e-12,
                "without a calibration split the baseline picks on the sample too, not the cheapest on neutral priors");
        assertEquals(0.0, r.savingsVsBestFixed().mean(), 1e-12);
    }

    @Test
    void withoutAnyQualityInformationBestFixedIsNeverTheCheapest() {
        RoutingContext ctx = new RoutingContext(MODELS, Dictionary.of(List.of("chat")), Dictionary.of(List.of()),
                Dictionary.of(List.of()), new CostScale(new double[] {0.001, 0.01, 0.1}, "test"), QualityPriors.neutral(1, 3),
                0.9, new FeedbackAssumptions(FeedbackKind.ONE_SIDED, 0.2, 0), Optional.empty(), Optional.empty(), "category",
                new SplittableRandom(1), Routers.standard().predictors());
        Router best = Routers.standard().create("best-fixed", ctx, RouterParameters.none());
        assertEquals(2, best.route(null, null), "no information: the dearest model, not the cheapest");
    }
}
