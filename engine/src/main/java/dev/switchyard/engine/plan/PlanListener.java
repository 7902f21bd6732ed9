package dev.switchyard.engine.plan;

import java.util.List;

/**
 * Partial results as they arrive, for a screen that fills in while the rest still runs. Called
 * from worker threads (an app hands them to its UI thread). {@link #routerDone} and {@link #floorDone}
 * carry final numbers; {@link #firstAnswer} is the one early answer, marked provisional.
 */
public interface PlanListener {
    PlanListener NONE = new PlanListener() { };

    /** One router's answers at every requested target, as soon as all of its runs are done. */
    default void routerDone(String router, List<PlanPoint> points) {
    }

    /**
     * {@link Planner#recommend}'s first answer, once every setting's first replication is done (only when the
     * scenario has more than one replication): the same search and judgement on the first replication of every run
     * ({@link Recommendation#provisional()} true, intervals from those windows only). The confirmed answer, over
     * every replication, is what {@code recommend} then returns; replication 1 is the same in both (paired streams),
     * so the first answer is a strict subset of the evidence of the confirmed one, never a different simulation.
     */
    default void firstAnswer(Recommendation provisional) {
    }

    /** The theoretical floor (a hindsight bound) at every requested target. */
    default void floorDone(List<FloorPoint> floor) {
    }
}
