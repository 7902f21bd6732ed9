package dev.switchyard.engine.sim;

import dev.switchyard.engine.routing.FeedbackEvent;
import dev.switchyard.engine.routing.RequestView;
import dev.switchyard.engine.routing.Signal;

/** The feedback event a router observes. Reused: the loop sets its fields before each observe call. */
final class ServedFeedback implements FeedbackEvent {
    private static final Signal[] SIGNALS = Signal.values();
    private final double costNormaliser;
    // the current request (immediate feedback) or the delay queue's re-pointed one
    RequestView request;
    int model;
    byte signal;
    boolean served;
    double cost;
    long delay;

    ServedFeedback(PreparedScenario p) {
        this.costNormaliser = p.costScale.normaliser();
    }

    @Override
    public RequestView request() {
        return request;
    }

    @Override
    public int model() {
        return model;
    }

    @Override
    public boolean served() {
        return served;
    }

    @Override
    public Signal signal() {
        return SIGNALS[signal];
    }

    @Override
    public double costPaid() {
        return cost;
    }

    @Override
    public double normalisedCostPaid() {
        return cost / costNormaliser;
    }

    @Override
    public long delayRequests() {
        return delay;
    }
}
