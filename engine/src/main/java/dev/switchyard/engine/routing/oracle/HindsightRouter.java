package dev.switchyard.engine.routing.oracle;

import dev.switchyard.engine.routing.LearnedState;
import dev.switchyard.engine.routing.RequestView;

/**
 * A bound that routes with the hidden truth in hand. Not a {@code Router}: the simulator treats it
 * separately and labels its results "bound, not deployable".
 */
public interface HindsightRouter {

    /** @return the served model for {@code request}, chosen knowing {@code truth} */
    int route(RequestView request, HiddenTruth truth);

    /** lambda used, for the trace; NaN when none. */
    default double multiplier() {
        return Double.NaN;
    }

    LearnedState exportState();
}
