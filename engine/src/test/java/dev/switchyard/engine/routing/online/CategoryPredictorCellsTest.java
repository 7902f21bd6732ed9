package dev.switchyard.engine.routing.online;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchyard.engine.routing.LatencyTarget;
import dev.switchyard.engine.routing.Predictor;
import dev.switchyard.engine.routing.RoutingContext;
import dev.switchyard.engine.routing.Signal;
import dev.switchyard.engine.routing.SlaWindow;
import dev.switchyard.engine.routing.predict.Predictors;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The category predictor's interleaved cells (decision 1140): its estimate is the Beta posterior mean computed by hand,
 * its warm state round-trips, and a bad warm state changes nothing.
 */
class CategoryPredictorCellsTest {

    private static void feed(Predictor p, int tokens, int model, Signal signal, int times) {
        LatencyStream.Event e = new LatencyStream.Event();
        e.model = model;
        e.served = true;
        e.request = CostAwareLearningTest.view(tokens);
        e.signal = signal;
        for (int i = 0; i < times; i++) {
            p.learn(e);
        }
    }

    @Test
    void estimateIsThePosteriorMeanByHand() {
        // q = 1, f = 0: a report is a failure label and a silence a success (one answer = one label)
        RoutingContext ctx = LatencyStream.context(0.9, 1.0, 1, LatencyTarget.none(), SlaWindow.cumulative(), false);
        Predictor p = ctx.createPredictor(Predictors.CATEGORY);
        feed(p, 300, 1, Signal.SILENCE, 30);
        feed(p, 300, 1, Signal.REPORT, 10);
        feed(p, 300, 2, Signal.SATISFIED, 4);
        feed(p, 300, 2, Signal.DISSATISFIED, 1);
        feed(p, 300, 2, Signal.UNLABELLED, 50); // counts nowhere
        double k = ctx.priors().strength();
        double[] out = new double[3];
        p.predict(CostAwareLearningTest.view(300), out);
        int chat = 0;
        assertEquals(ctx.priors().mean(chat, 0), out[0], 1e-15, "an unobserved model keeps its prior mean");
        assertEquals((k * ctx.priors().mean(chat, 1) + 30) / (k + 40), out[1], 1e-12);
        assertEquals((k * ctx.priors().mean(chat, 2) + 4) / (k + 5), out[2], 1e-12);
    }

    @Test
    void warmStateRoundTripsAndABadOneChangesNothing() {
        RoutingContext ctx = LatencyStream.context(0.9, 0.2, 1, LatencyTarget.none(), SlaWindow.cumulative(), false);
        Predictor learned = ctx.createPredictor(Predictors.CATEGORY);
        feed(learned, 300, 0, Signal.SILENCE, 200);
        feed(learned, 300, 0, Signal.REPORT, 7);
        feed(learned, LatencyStream.LONG, 2, Signal.REPORT, 3);
        Map<String, double[]> state = learned.warmArrays();

        Predictor restored = ctx.createPredictor(Predictors.CATEGORY);
        restored.restoreArrays(state);
        assertSamePredictions(learned, restored, "restored");
        // learning on from the restored state is learning on from the original
        feed(learned, 300, 0, Signal.REPORT, 5);
        feed(restored, 300, 0, Signal.REPORT, 5);
        assertSamePredictions(learned, restored, "learning on after a restore");

        Predictor fresh = ctx.createPredictor(Predictors.CATEGORY);
        Map<String, double[]> bad = new HashMap<>(state);
        bad.put("reports", new double[1]); // the last array checked before the estimates
        assertThrows(IllegalArgumentException.class, () -> fresh.restoreArrays(bad));
        feed(fresh, 300, 0, Signal.SILENCE, 1);
        Predictor control = ctx.createPredictor(Predictors.CATEGORY);
        feed(control, 300, 0, Signal.SILENCE, 1);
        assertSamePredictions(control, fresh, "a rejected warm state left no counts behind");
    }

    private static void assertSamePredictions(Predictor expected, Predictor actual, String what) {
        for (int tokens : new int[] {300, LatencyStream.LONG}) { // both categories
            double[] a = new double[3];
            double[] b = new double[3];
            expected.predict(CostAwareLearningTest.view(tokens), a);
            actual.predict(CostAwareLearningTest.view(tokens), b);
            assertArrayEquals(a, b, 0.0, what);
        }
    }
}
