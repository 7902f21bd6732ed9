package dev.switchyard.engine.routing.oracle;

import dev.switchyard.engine.routing.LearnedState;
import dev.switchyard.engine.routing.RequestView;
import java.util.Map;

/** Bound, not deployable: per request, the cheapest model with the top hidden score. */
public final class PerQueryOracle implements HindsightRouter {
    private final String name;

    PerQueryOracle(String name) {
        this.name = name;
    }

    @Override
    public int route(RequestView request, HiddenTruth truth) {
        int n = request.modelCount();
        int best = 0;
        for (int m = 1; m < n; m++) {
            double s = truth.score(m);
            double b = truth.score(best);
            if (s > b || (s == b && truth.normalisedRealisedCost(m) < truth.normalisedRealisedCost(best))) {
                best = m;
            }
        }
        return best;
    }

    @Override
    public LearnedState exportState() {
        return LearnedState.of(name, Map.of());
    }
}
