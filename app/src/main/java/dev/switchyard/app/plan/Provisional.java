package dev.switchyard.app.plan;

import java.util.List;
import java.util.Objects;

/**
 * An answer shown while the recommendation is still being confirmed, with the stage it comes from, so the screen can
 * say how much it rests on (decision 1100).
 *
 * @param stage where the figures come from
 * @param candidates the routers judged at that stage, each at its best setting
 * @param note how the stage's figures were computed, in words (may be empty)
 */
public record Provisional(Stage stage, List<Candidate> candidates, String note) {

    /** The stages in the order they arrive; a later stage rests on more evidence. */
    public enum Stage {
        /** The planner's first look: one replication of a smaller simulation (wider intervals). */
        FIRST_LOOK,
        /** The full-detail analysis' first replication of every setting. */
        FIRST_REPLICATION,
        /** Routers whose every replication is done, the others still running. */
        ROUTERS_SO_FAR
    }

    public Provisional {
        Objects.requireNonNull(stage);
        candidates = List.copyOf(candidates);
        note = note == null ? "" : note;
    }

    /** Routers judged so far at full detail (the stage of a plain list of candidates). */
    public static Provisional soFar(List<Candidate> candidates) {
        return new Provisional(Stage.ROUTERS_SO_FAR, candidates, "");
    }

    /**
     * True when this should replace {@code shown} on screen: a later stage with at least as many routers, or the same
     * stage with more (a first look of every router is not replaced by two routers confirmed so far).
     */
    public boolean supersedes(Provisional shown) {
        if (shown == null) {
            return true;
        }
        int order = stage.compareTo(shown.stage);
        return order > 0 ? candidates.size() >= shown.candidates.size()
                : order == 0 && candidates.size() > shown.candidates.size();
    }
}
