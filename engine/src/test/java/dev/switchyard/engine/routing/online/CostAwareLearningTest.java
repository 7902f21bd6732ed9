package dev.switchyard.engine.routing.online;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.routing.LatencyTarget;
import dev.switchyard.engine.routing.Predictor;
import dev.switchyard.engine.routing.RoutingContext;
import dev.switchyard.engine.routing.Signal;
import dev.switchyard.engine.routing.SlaWindow;
import dev.switchyard.engine.routing.predict.LengthCellBetaPredictor;
import dev.switchyard.engine.routing.predict.Predictors;
import org.junit.jupiter.api.Test;

/**
 * The two learning levers of decisions 1410 and 1411, on hand-checked inputs: the exploration filter drops only models
 * that lose rule L even with perfect quality (never for their own estimate), and the length-cell predictor reads as its
 * category where a length has little evidence and departs from it where it has much.
 */
class CostAwareLearningTest {
    /** Normalised costs of LatencyStream's models: 0.02, 0.2, 1. */
    static LatencyStream.View view(int tokens) {
        LatencyStream.View v = new LatencyStream.View();
        v.tokens = tokens;
        return v;
    }

    @Test
    void explorationFilterDropsOnlyModelsThatLoseEvenWithPerfectQuality() {
        LatencyStream.View v = view(LatencyStream.SHORT);
        double[] p = {0.85, 0.92, 0.98};
        boolean[] allowed = new boolean[3];
        // lambda 0.5: min(0.02 - 0.425, 0.2 - 0.46, 1 - 0.49) = -0.405; with p = 1: -0.48, -0.3, 0.5
        assertEquals(1, ExplorationFilter.allowed(v, p, 0.5, allowed));
        assertArrayEquals(new boolean[] {true, false, false}, allowed);
        // lambda 2: best -1.68; with p = 1: -1.98, -1.8, -1.0
        assertEquals(2, ExplorationFilter.allowed(v, p, 2, allowed));
        assertArrayEquals(new boolean[] {true, true, false}, allowed);
        // a model the estimates underrate is not dropped for it: only its price can exclude it
        assertEquals(2, ExplorationFilter.allowed(v, new double[] {0.85, 0.0, 0.98}, 2, allowed));
        assertArrayEquals(new boolean[] {true, true, false}, allowed);
        assertEquals(3, ExplorationFilter.allowed(v, p, ExplorationFilter.UNBOUNDED, allowed));
    }

    @Test
    void lengthCellsShrinkToTheirCategoryAndDepartWithEvidence() {
        RoutingContext ctx = LatencyStream.context(0.9, 1.0, 1, LatencyTarget.none(), SlaWindow.cumulative(), false);
        Predictor category = ctx.createPredictor(Predictors.CATEGORY);
        Predictor cells = ctx.createPredictor(Predictors.CATEGORY_LENGTH);
        LatencyStream.Event e = new LatencyStream.Event();
        e.model = 0;
        e.served = true;
        // chat prompts of 300 tokens (bucket 8): 95% satisfied; of 600 tokens (bucket 9): 55%; 1200 tokens (bucket 10): 5
        // answers, all failed
        for (int i = 0; i < 2000; i++) {
            feed(e, view(300), i % 20 != 0, category, cells);
            feed(e, view(600), i % 20 < 11, category, cells);
        }
        for (int i = 0; i < 5; i++) {
            feed(e, view(1200), false, category, cells);
        }
        double[] out = new double[3];
        category.predict(view(300), out);
        double pc = out[0];
        assertEquals(0.75, pc, 0.01, "the category pools both lengths");
        cells.predict(view(300), out);
        assertEquals(0.95, out[0], 0.01, "a well-observed length has its own estimate");
        cells.predict(view(600), out);
        assertEquals(0.55, out[0], 0.01);
        cells.predict(view(1200), out);
        double sparse = (LengthCellBetaPredictor.SHRINK * pc) / (LengthCellBetaPredictor.SHRINK + 5);
        assertEquals(sparse, out[0], 0.01, "five failures move a length only as far as they outweigh its category");
        cells.predict(view(150), out);
        assertEquals(pc, out[0], 1e-12, "a length never answered reads as its category");
        cells.predict(view(LatencyStream.LONG), out);
        category.predict(view(LatencyStream.LONG), new double[3]);
        assertEquals(0.5, out[0], 1e-12, "another category keeps its own (neutral) prior");
    }

    private static void feed(LatencyStream.Event e, LatencyStream.View v, boolean satisfied, Predictor... ps) {
        e.request = v;
        e.signal = satisfied ? Signal.SILENCE : Signal.REPORT;
        for (Predictor p : ps) {
            p.learn(e);
        }
    }
}
