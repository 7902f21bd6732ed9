package dev.switchyard.engine.routing.baseline;

import dev.switchyard.engine.routing.FeedbackEvent;
import dev.switchyard.engine.routing.LearnedState;
import dev.switchyard.engine.routing.RequestView;
import dev.switchyard.engine.routing.Router;
import dev.switchyard.engine.routing.Serving;
import java.util.Map;

/** Always serves one model, chosen at construction (best fixed, cheapest, cheapest meeting tau). */
public final class FixedRouter implements Router {
    private final String name;
    private final int model;
    private final String modelId;
    private final double estimatedScore;

    FixedRouter(String name, int model, String modelId, double estimatedScore) {
        this.name = name;
        this.model = model;
        this.modelId = modelId;
        this.estimatedScore = estimatedScore;
    }

    @Override
    public int route(RequestView request, Serving serving) {
        return model;
    }

    @Override
    public void observe(FeedbackEvent event) {
        // a fixed choice does not learn
    }

    @Override
    public double estimatedSatisfaction() {
        return estimatedScore;
    }

    public String modelId() {
        return modelId;
    }

    @Override
    public LearnedState exportState() {
        return LearnedState.of(name, Map.of("model", (double) model, "estimatedScore", estimatedScore));
    }

    /** A fixed router from an exported configuration. */
    public static FixedRouter restore(String name, int model, String modelId, double estimatedScore) {
        return new FixedRouter(name, model, modelId, estimatedScore);
    }

    public int model() {
        return model;
    }

    /** Never learns from feedback, never reads the feedback assumptions, never explores (decision 1050). */
    @Override
    public boolean readsFeedback() {
        return false;
    }
}
