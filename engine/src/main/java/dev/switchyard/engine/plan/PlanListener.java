package dev.switchyard.engine.plan;

import java.util.List;

/**
 * Partial results as they arrive, for a screen that fills in while the rest still runs. Called
 * from worker threads (an app hands them to its UI thread); every call carries final numbers for
 * what it reports, never a preview.
 */
public interface PlanListener {
    PlanListener NONE = new PlanListener() { };

    /** One router's answers at every requested target, as soon as all of its runs are done. */
    default void routerDone(String router, List<PlanPoint> points) {
    }

    /** The theoretical floor (a hindsight bound) at every requested target. */
    default void floorDone(List<FloorPoint> floor) {
    }
}
